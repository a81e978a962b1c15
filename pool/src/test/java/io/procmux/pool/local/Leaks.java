package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.testkit.OpenFds;
import io.procmux.testkit.ProcScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a pool may leave behind: descriptors, threads, zombies, live workers, private directories. */
final class Leaks {
    private final Set<Integer> fds;
    private final List<String> dirs;
    private final Set<Thread> threads;

    private Leaks(Set<Integer> fds, List<String> dirs, Set<Thread> threads) {
        this.fds = fds;
        this.dirs = dirs;
        this.threads = threads;
    }

    static Leaks snapshot() {
        return new Leaks(OpenFds.list(), privateDirs(), Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /** Asserts that nothing of a closed and joined pool is left. */
    void assertNoneLeft(List<Long> workerPids) throws InterruptedException {
        assertThat(workerPids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .as("worker %d", pid).isNotEqualTo(java.util.Optional.of(true)));
        assertThat(ProcScan.zombieChildren()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !threads.contains(t))
                .noneSatisfy(t -> assertThat(t.getName()).startsWith("procmux-"));
        long end = System.nanoTime() + 3_000_000_000L;
        Set<Integer> extra = extra();
        while (!extra.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);   // descriptors other threads (surefire, JIT, GC logs) open and close meanwhile
            extra = extra();
        }
        assertThat(describe(extra)).as("descriptors left open").allMatch(d -> d.endsWith("(closed meanwhile)"));
        assertThat(privateDirs()).isSubsetOf(dirs);
    }

    private Set<Integer> extra() {
        Set<Integer> now = new java.util.TreeSet<>(OpenFds.list());
        now.removeAll(fds);
        return now;
    }

    private static List<String> describe(Set<Integer> extra) {
        List<String> out = new java.util.ArrayList<>();
        for (int fd : extra) {
            try {
                out.add(fd + " -> " + Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)));
            } catch (IOException e) {
                out.add(fd + " (closed meanwhile)");
            }
        }
        return out;
    }

    private static List<String> privateDirs() {
        List<String> names = new java.util.ArrayList<>();
        for (String base : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
            try (Stream<Path> s = Files.list(Path.of(base))) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("procmux-pool-")).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
