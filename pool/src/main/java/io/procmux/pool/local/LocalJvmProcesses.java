package io.procmux.pool.local;

import io.procmux.pool.JvmProcess;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Starts {@link JvmProcess}es for the {@code local} backend: {@code java.home/bin/java} with this
 * JVM's class path and {@link ProcessMain} (with {@code -Xrs}, so SIGTERM ends it as a signal, as in
 * Python), the serialized process written on the child's stdin,
 * stdout and stderr inherited. One JVM shutdown hook terminates live daemon processes (SIGTERM,
 * then SIGKILL after a second) and waits for the others.
 *
 * <p>Cost: one spawn per start; the spawner (selected once, shared by every process, never closed)
 * keeps its own resources, e.g. the posix reaper thread.
 */
final class LocalJvmProcesses {
    private static final Set<Started> LIVE = ConcurrentHashMap.newKeySet();

    private LocalJvmProcesses() {
    }

    private static final class Shared {
        static final Spawner SPAWNER = Backends.select(BackendKind.SPAWNER).create();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalJvmProcesses::atExit, "procmux-jvmprocess-exit"));
        }
    }

    static JvmProcess.Handle start(JvmProcess process) {
        ClassRegistry classes = new ClassRegistry();
        byte[] bytes = Payloads.encode(new JavaSerialCodec(SerialFilter.forParent(classes.names()), classes), process,
                "process");
        byte[] names = classes.encode(0, classes.size());
        // -Xrs: SIGTERM kills the child as it kills a Python process (exit code -15), instead of the
        // JVM turning it into exit(143) once its handlers are installed (racy with start-up).
        List<String> argv = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xrs", "-cp", System.getProperty("java.class.path"), ProcessMain.class.getName(),
                process.isDaemon() ? "daemon" : "normal");
        try {
            Child child = Shared.SPAWNER.spawn(SpawnSpec.builder(argv).stdin(Redirect.PIPE).build());
            try (DataOutputStream stdin = new DataOutputStream(child.stdin())) {
                stdin.writeInt(names.length);
                stdin.write(names);
                stdin.writeInt(bytes.length);
                stdin.write(bytes);
            }
            Started s = new Started(child, process.isDaemon());
            LIVE.add(s);
            child.onExit().thenRun(() -> LIVE.remove(s));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start process '" + process.name() + "': " + e.getMessage(), e);
        }
    }

    private static void atExit() {
        for (Started s : LIVE) {
            if (s.daemon) {
                s.signal(Signal.TERM.number());
            }
        }
        for (Started s : LIVE) {
            try {
                if (s.daemon && !s.join(Duration.ofSeconds(1))) {
                    s.signal(Signal.KILL.number());
                } else if (!s.daemon) {
                    s.join(null);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A started child. */
    private static final class Started implements JvmProcess.Handle {
        private final Child child;
        private final boolean daemon;

        Started(Child child, boolean daemon) {
            this.child = child;
            this.daemon = daemon;
        }

        @Override
        public long pid() {
            return child.pid();
        }

        @Override
        public OptionalInt exitCode() {
            Optional<ExitStatus> status = child.poll();
            return status.isEmpty() ? OptionalInt.empty() : OptionalInt.of(status.get().pythonExitCode());
        }

        @Override
        public boolean join(@Nullable Duration timeout) throws InterruptedException {
            if (timeout == null) {
                child.waitFor();
                return true;
            }
            return child.waitFor(timeout).isPresent();
        }

        @Override
        public void signal(int signal) {
            child.signal(signal);
        }
    }
}
