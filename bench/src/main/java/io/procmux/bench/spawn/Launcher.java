package io.procmux.bench.spawn;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.util.List;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * One way the benchmarks start a child with inherited stdio: a procmux spawner ({@code posix} or
 * {@code jvm}, chosen by name through {@link Backends}; {@code pdeathsig} is {@code posix} with a
 * parent-death signal of TERM, to show what that option costs), a plain {@link ProcessBuilder}
 * ({@code pb}, whose launch mechanism is whatever {@code -Djdk.lang.Process.launchMechanism}
 * says), or raw jnr-posix {@code posix_spawnp} + blocking {@code waitpid} ({@code jnr}: the floor
 * for any Java code going through jnr, with no reaper, no pidfd and no file actions). The drivers
 * share it so that every backend does exactly the same work around the spawn.
 *
 * <p>Cost: what the backend costs; this layer adds one small object per child.
 */
interface Launcher extends AutoCloseable {
    /** The names {@link #named(String)} accepts. */
    List<String> NAMES = List.of("posix", "jvm", "pb", "jnr", "pdeathsig");

    /** Starts {@code argv} with inherited stdin, stdout and stderr. */
    Running start(String... argv) throws IOException;

    /** Releases the spawner, if any; children keep running. */
    @Override
    void close();

    /** A started child: enough to kill it and wait for it. */
    interface Running {
        /** The child's pid. */
        long pid();

        /** Sends SIGKILL. */
        void kill();

        /** Blocks until the child has exited and is reaped; returns the exit code (negative for a signal on procmux). */
        int waitFor() throws InterruptedException;
    }

    /**
     * The launcher called {@code name}: {@code posix}, {@code jvm}, {@code pb}, {@code jnr} or {@code pdeathsig}.
     *
     * @throws IllegalArgumentException naming the accepted names when {@code name} is not one of them
     */
    static Launcher named(String name) {
        switch (name) {
            case "posix":
            case "jvm":
                return new ProcmuxLauncher(Backends.select(BackendKind.SPAWNER, name).create(), false);
            case "pdeathsig":
                return new ProcmuxLauncher(Backends.select(BackendKind.SPAWNER, "posix").create(), true);
            case "pb":
                return new ProcessBuilderLauncher();
            case "jnr":
                return new JnrLauncher();
            default:
                throw new IllegalArgumentException("unknown backend '" + name + "'; expected one of " + NAMES);
        }
    }

    /** A procmux {@link Spawner}, optionally asking for a parent-death signal (TERM). */
    final class ProcmuxLauncher implements Launcher {
        private final Spawner spawner;
        private final boolean deathSignal;

        ProcmuxLauncher(Spawner spawner, boolean deathSignal) {
            this.spawner = spawner;
            this.deathSignal = deathSignal;
        }

        @Override
        public Running start(String... argv) throws IOException {
            SpawnSpec spec = deathSignal ? SpawnSpec.builder(argv).parentDeathSignal(Signal.TERM).build() : SpawnSpec.of(argv);
            Child child = spawner.spawn(spec);
            return new Running() {
                @Override
                public long pid() {
                    return child.pid();
                }

                @Override
                public void kill() {
                    child.signal(Signal.KILL);
                }

                @Override
                public int waitFor() throws InterruptedException {
                    try (child) {
                        return child.waitFor().pythonExitCode();
                    }
                }
            };
        }

        @Override
        public void close() {
            spawner.close();
        }
    }

    /** A plain {@link ProcessBuilder} with {@code inheritIO()}. */
    final class ProcessBuilderLauncher implements Launcher {
        @Override
        public Running start(String... argv) throws IOException {
            Process process = new ProcessBuilder(argv).inheritIO().start();
            return new Running() {
                @Override
                public long pid() {
                    return process.pid();
                }

                @Override
                public void kill() {
                    process.destroyForcibly();
                }

                @Override
                public int waitFor() throws InterruptedException {
                    return process.waitFor();
                }
            };
        }

        @Override
        public void close() {
        }
    }

    /** Raw jnr-posix: {@code posix_spawnp} with this JVM's environment, then a blocking {@code waitpid}. */
    final class JnrLauncher implements Launcher {
        private final POSIX posix = POSIXFactory.getNativePOSIX();
        private final List<String> environment = System.getenv().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList();

        @Override
        public Running start(String... argv) {
            long pid = posix.posix_spawnp(argv[0], List.of(), List.of(argv), environment);
            if (pid <= 0) {
                throw new IllegalStateException("posix_spawnp " + argv[0] + " failed: errno " + posix.errno());
            }
            return new Running() {
                @Override
                public long pid() {
                    return pid;
                }

                @Override
                public void kill() {
                    posix.kill(pid, Signal.KILL.number());
                }

                @Override
                public int waitFor() {
                    int[] status = new int[1];
                    while (posix.waitpid(pid, status, 0) != pid) {
                        if (posix.errno() != 4) { // EINTR
                            throw new IllegalStateException("waitpid " + pid + " failed: errno " + posix.errno());
                        }
                    }
                    return ExitStatus.fromWaitStatus(status[0]).pythonExitCode();
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
