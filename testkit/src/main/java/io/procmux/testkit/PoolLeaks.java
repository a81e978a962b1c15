package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a closed pool may leave behind in this JVM: descriptors, threads and zombie children.
 * Take a {@link #snapshot()} while nothing else is starting up, close and join the pool, then
 * {@link #assertNoneLeft()}. Threads and descriptors are given a few seconds to go, since other
 * threads (surefire, JIT, GC) open and close descriptors meanwhile.
 *
 * <p>Cost: a {@code /proc} scan per check, polled every 20 ms for at most {@value #GRACE_SECONDS} s.
 */
public final class PoolLeaks {
    private static final int GRACE_SECONDS = 5;
    /** Threads the JDK keeps for itself and reuses: not the pool's. */
    private static final List<String> JDK_THREADS = List.of("ForkJoinPool.commonPool", "process reaper",
            "Attach Listener", "Common-Cleaner");

    private final Set<Integer> fds;
    private final Set<Thread> threads;
    private final Predicate<String> foreign;

    private PoolLeaks(Set<Integer> fds, Set<Thread> threads, Predicate<String> foreign) {
        this.fds = fds;
        this.threads = threads;
        this.foreign = foreign;
    }

    /** The descriptors and threads of this JVM now. */
    public static PoolLeaks snapshot() {
        return snapshot(name -> false);
    }

    /**
     * The descriptors and threads of this JVM now; threads whose name {@code foreign} accepts
     * belong to something else the test runs (a cluster member serving the pool) and are not counted.
     */
    public static PoolLeaks snapshot(Predicate<String> foreign) {
        return new PoolLeaks(OpenFds.list(), Set.copyOf(Thread.getAllStackTraces().keySet()), foreign);
    }

    /** Asserts that no thread, descriptor or zombie child has been added since the snapshot. */
    public void assertNoneLeft() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        List<String> extraThreads = extraThreads();
        Set<Integer> extraFds = extraFds();
        while ((!extraThreads.isEmpty() || !extraFds.isEmpty()) && System.nanoTime() < end) {
            Thread.sleep(20);
            extraThreads = extraThreads();
            extraFds = extraFds();
        }
        assertThat(extraThreads).as("threads left running").isEmpty();
        assertThat(describe(extraFds)).as("descriptors left open").allMatch(d -> d.endsWith("(closed meanwhile)"));
        assertThat(ProcScan.zombieChildren()).as("zombie children").isEmpty();
    }

    private List<String> extraThreads() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (!threads.contains(t) && t.isAlive() && JDK_THREADS.stream().noneMatch(t.getName()::startsWith)
                    && !foreign.test(t.getName())) {
                StackTraceElement[] stack = e.getValue();
                names.add(t.getName() + (stack.length == 0 ? "" : " at " + stack[Math.min(stack.length - 1, 2)]));
            }
        }
        return names;
    }

    private Set<Integer> extraFds() {
        Set<Integer> now = new TreeSet<>(OpenFds.list());
        now.removeAll(fds);
        return now;
    }

    private static List<String> describe(Set<Integer> extra) {
        List<String> out = new ArrayList<>();
        for (int fd : extra) {
            try {
                out.add(fd + " -> " + Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)));
            } catch (IOException e) {
                out.add(fd + " (closed meanwhile)");
            }
        }
        return out;
    }
}
