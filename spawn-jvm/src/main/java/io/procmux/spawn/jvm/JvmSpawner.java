package io.procmux.spawn.jvm;

import io.procmux.spawn.Child;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code jvm} spawner: {@link ProcessBuilder}, portable and free of native code. It supports
 * argv (PATH lookup by the JDK), environment, working directory and every stdio {@link Redirect}.
 * It refuses, with an {@link UnsupportedOperationException} naming the option and the
 * {@code posix} backend, what {@code ProcessBuilder} cannot do: handed-over descriptors, a new
 * process group or session, a nice value, and a parent-death signal (which no backend offers yet).
 *
 * <p>Limits that are not refusals: a signal that killed the child is known only when this
 * backend sent it (see {@link JvmExitStatus}); children inherit signals this JVM ignores; no
 * descriptor numbers or pidfd are exposed.
 *
 * <p>Cost per spawn: the JDK's (by default {@code posix_spawn} of {@code jspawnhelper}, which
 * then execs the program: two execs), and one JDK reaper thread per live child. Thread-safe.
 */
public final class JvmSpawner implements Spawner {
    private static final File NULL_FILE = new File(
            System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");

    private final AtomicBoolean closed = new AtomicBoolean();

    /** Creates a spawner; it owns nothing. */
    public JvmSpawner() {
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public Child spawn(SpawnSpec spec) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("this jvm spawner is closed");
        }
        refuseUnsupported(spec);
        ProcessBuilder pb = new ProcessBuilder(spec.argv());
        if (spec.directory().isPresent()) {
            Path dir = spec.directory().get();
            if (!Files.isDirectory(dir)) {
                throw new SpawnException(spec.program(), Files.exists(dir) ? "ENOTDIR" : "ENOENT",
                        "working directory " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
            }
            pb.directory(dir.toFile());
        }
        Map<String, String> env = pb.environment();
        if (!spec.environment().inherit()) {
            env.clear();
        }
        env.keySet().removeAll(spec.environment().remove());
        env.putAll(spec.environment().set());
        pb.redirectInput(input(spec.stdin()));
        pb.redirectOutput(output(spec.stdout()));
        if (spec.stderr() instanceof Redirect.ToStdout) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(spec.stderr()));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw JvmSpawnErrors.translate(spec.program(), e);
        }
        return new JvmChild(process, spec.program(), spec.stdin() instanceof Redirect.Pipe,
                spec.stdout() instanceof Redirect.Pipe, spec.stderr() instanceof Redirect.Pipe);
    }

    private static void refuseUnsupported(SpawnSpec spec) {
        if (!spec.inheritedFds().isEmpty()) {
            throw refuse("inheritFd (descriptors " + spec.inheritedFds().keySet() + ")",
                    "ProcessBuilder cannot hand over descriptors beyond 0, 1 and 2");
        }
        if (spec.processGroup() != ProcessGroupMode.INHERIT) {
            throw refuse("processGroup " + spec.processGroup(), "ProcessBuilder cannot call setpgid or setsid");
        }
        if (spec.nice().isPresent()) {
            throw refuse("nice", "ProcessBuilder cannot set a priority");
        }
        if (spec.parentDeathSignal().isPresent()) {
            throw new UnsupportedOperationException("parentDeathSignal is not supported by the jvm spawner"
                    + " (ProcessBuilder cannot call prctl(PR_SET_PDEATHSIG)); the posix spawner supports it on Linux");
        }
    }

    private static UnsupportedOperationException refuse(String option, String why) {
        return new UnsupportedOperationException(option + " is not supported by the jvm spawner (" + why
                + "); use the posix spawner (-Dprocmux.spawner=posix)");
    }

    private static ProcessBuilder.Redirect input(Redirect r) {
        if (r instanceof Redirect.Inherit) {
            return ProcessBuilder.Redirect.INHERIT;
        }
        if (r instanceof Redirect.Discard) {
            return ProcessBuilder.Redirect.from(NULL_FILE);
        }
        if (r instanceof Redirect.Pipe) {
            return ProcessBuilder.Redirect.PIPE;
        }
        if (r instanceof Redirect.ReadFile f) {
            return ProcessBuilder.Redirect.from(f.file().toFile());
        }
        throw new IllegalArgumentException("stdin cannot be " + r);
    }

    private static ProcessBuilder.Redirect output(Redirect r) {
        if (r instanceof Redirect.Inherit) {
            return ProcessBuilder.Redirect.INHERIT;
        }
        if (r instanceof Redirect.Discard) {
            return ProcessBuilder.Redirect.DISCARD;
        }
        if (r instanceof Redirect.Pipe) {
            return ProcessBuilder.Redirect.PIPE;
        }
        if (r instanceof Redirect.WriteFile f) {
            return f.append() ? ProcessBuilder.Redirect.appendTo(f.file().toFile()) : ProcessBuilder.Redirect.to(f.file().toFile());
        }
        throw new IllegalArgumentException("an output cannot be " + r);
    }

    /** Forbids further spawns; children keep running. */
    @Override
    public void close() {
        closed.set(true);
    }
}
