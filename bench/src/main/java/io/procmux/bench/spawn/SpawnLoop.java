package io.procmux.bench.spawn;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Driver: spawn and wait for {@code /bin/true} with each of several backends in one JVM. Every
 * backend is first warmed up with WARMUP untimed spawns (so the JIT has compiled the path and
 * gone quiet), then each in turn spawns COUNT times in a row, timed. For each backend it prints
 *
 * <pre>
 * RESULT ns_per_spawn     &lt;mean wall time&gt;                 &lt;label&gt;
 * RESULT cpu_ns_per_spawn &lt;mean CPU time of this process&gt;  &lt;label&gt;
 * </pre>
 *
 * CPU time is user + system of every JVM thread (GC and JIT included, children excluded): what
 * the parent side costs, which a busy machine disturbs far less than wall time. JVM start and
 * warm-up are outside the timed loops, so the figures compare directly with
 * {@code bench/c/spawn_loop.c}.
 *
 * <pre>java -cp benchmarks.jar io.procmux.bench.spawn.SpawnLoop posix,jvm,pb,jnr,pdeathsig COUNT [WARMUP]</pre>
 *
 * <p>Backends are those of {@link Launcher}: {@code pb} is a plain {@link ProcessBuilder}, labelled
 * with the launch mechanism ({@code -Djdk.lang.Process.launchMechanism=VFORK} gives the JDK's
 * vfork path); {@code jnr} is raw jnr-posix {@code posix_spawnp} + {@code waitpid}, the floor for
 * Java through jnr. Cost: (COUNT + WARMUP) children per backend, one at a time.
 */
public final class SpawnLoop {
    private static final String USAGE = "SpawnLoop BACKEND[,BACKEND...] COUNT [WARMUP] (backends: posix, jvm, pb, jnr, pdeathsig)";
    private static final String TRUE = "/bin/true";

    private SpawnLoop() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] argv) {
        Args.run("SpawnLoop", () -> {
            Args args = new Args(USAGE, argv, 2, 3);
            List<String> backends = args.choices(0, "backend", Launcher.NAMES);
            int count = args.count(1, "COUNT", 0, 0);
            int warmup = args.count(2, "WARMUP", 0, 0);
            List<Launcher> launchers = new ArrayList<>();
            try {
                for (String b : backends) {
                    launchers.add(Launcher.named(b));
                }
                for (Launcher l : launchers) {
                    spawn(l, warmup);
                }
                for (int i = 0; i < launchers.size(); i++) {
                    double[] perSpawn = nanosPerSpawn(launchers.get(i), count);
                    String label = label(backends.get(i));
                    System.out.println("RESULT ns_per_spawn " + Math.round(perSpawn[0]) + " " + label);
                    System.out.println("RESULT cpu_ns_per_spawn " + Math.round(perSpawn[1]) + " " + label);
                }
            } finally {
                launchers.forEach(Launcher::close);
            }
        });
    }

    /** How the section names a backend: {@code procmux posix}, {@code ProcessBuilder default}, ... */
    static String label(String backend) {
        switch (backend) {
            case "posix":
            case "jvm":
                return "procmux " + backend;
            case "jnr":
                return "raw jnr-posix";
            case "pdeathsig":
                return "procmux posix, parentDeathSignal";
            case "pb":
                return "ProcessBuilder " + System.getProperty("jdk.lang.Process.launchMechanism", "default");
            default:
                throw new IllegalArgumentException("unknown backend '" + backend + "'");
        }
    }

    /** Mean wall and process CPU nanoseconds per spawn + wait over {@code count} spawns; zeros for none. */
    static double[] nanosPerSpawn(Launcher launcher, int count) throws Exception {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        spawn(launcher, count);
        long elapsed = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        return count == 0 ? new double[2] : new double[] {(double) elapsed / count, (double) cpu / count};
    }

    private static void spawn(Launcher launcher, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            int code = launcher.start(TRUE).waitFor();
            if (code != 0) {
                throw new IllegalStateException(TRUE + " exited with " + code);
            }
        }
    }

    /** User + system CPU time of this process, every thread; children are not included. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }
}
