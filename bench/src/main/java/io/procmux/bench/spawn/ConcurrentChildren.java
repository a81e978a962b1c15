package io.procmux.bench.spawn;

import java.util.ArrayList;
import java.util.List;

/**
 * Driver: keep COUNT children ({@code sleep 30}) running at once and report how many threads this
 * JVM has at each stage, from {@code /proc/self/task}: before the backend exists, with the backend
 * created and idle, with every child alive, and after every child was killed and reaped; then how
 * many of its children are zombies (must be 0). The JDK's {@code ProcessBuilder} keeps one reaper
 * thread per live child; the {@code posix} backend one reaper for all.
 *
 * <pre>java -cp benchmarks.jar io.procmux.bench.spawn.ConcurrentChildren posix|jvm|pb|jnr COUNT</pre>
 *
 * <p>Prints {@code RESULT threads_before|threads_idle|threads_live|threads_after|zombies_after <n>}
 * and {@code RESULT spawn_ms|reap_ms <ms>} (start all; kill and reap all). Cost: COUNT processes.
 */
public final class ConcurrentChildren {
    private static final String USAGE = "ConcurrentChildren posix|jvm|pb|jnr COUNT";

    private ConcurrentChildren() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] argv) {
        Args.run("ConcurrentChildren", () -> {
            Args args = new Args(USAGE, argv, 2, 2);
            String backend = args.choice(0, "backend", Launcher.NAMES);
            int count = args.count(1, "COUNT", 1, 0);
            result("threads_before", ProcSelf.threads());
            try (Launcher launcher = Launcher.named(backend)) {
                result("threads_idle", ProcSelf.threads());
                List<Launcher.Running> children = new ArrayList<>(count);
                long t0 = System.nanoTime();
                try {
                    for (int i = 0; i < count; i++) {
                        children.add(launcher.start("sleep", "30"));
                    }
                    long t1 = System.nanoTime();
                    result("threads_live", ProcSelf.threads());
                    result("spawn_ms", (t1 - t0) / 1e6);
                } finally {
                    long t2 = System.nanoTime();
                    children.forEach(Launcher.Running::kill);
                    for (Launcher.Running child : children) {
                        child.waitFor();
                    }
                    result("reap_ms", (System.nanoTime() - t2) / 1e6);
                }
                result("threads_after", ProcSelf.threads());
                result("zombies_after", ProcSelf.zombieChildren());
            }
        });
    }

    private static void result(String metric, double value) {
        System.out.println("RESULT " + metric + " " + (value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.3f", value)));
    }
}
