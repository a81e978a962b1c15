package io.procmux.spawn.posix;

import io.procmux.spawn.Child;
import io.procmux.spawn.EnvironmentSpec;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.byref.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The {@code posix} spawner: {@code posix_spawnp(3)} (PATH lookup in this process's PATH when the
 * program has no slash, as glibc and the JDK do), with file actions for the standard streams, the
 * working directory ({@code addchdir_np}) and handed-over descriptors, every other descriptor
 * closed in the child ({@code addclosefrom_np}, glibc 2.34+; without it only close-on-exec keeps
 * this JVM's descriptors out, as all of ours are), all signals reset to default and none blocked,
 * and a new process group or session when asked. The nice value is applied through
 * {@link NiceThread}. Children are reaped by the one shared {@link Reaper}.
 *
 * <p>A failed exec (missing program: {@code ENOENT}; not executable: {@code EACCES}) is returned
 * by {@code posix_spawnp} itself (glibc uses {@code CLONE_VFORK} and reports the exec error), so
 * it is a {@link SpawnException} at once, never a hang or a child that exits 127.
 *
 * <p>Refused with {@link UnsupportedOperationException}: {@code parentDeathSignal} (it needs
 * {@code prctl(PR_SET_PDEATHSIG)} in the child between fork and exec, which {@code posix_spawn}
 * cannot run; no backend offers it yet); a working directory where libc lacks
 * {@code addchdir_np} (glibc before 2.29); a nice value outside Linux.
 *
 * <p>Cost: the first spawner of the JVM starts the shared reaper thread and cleaner thread.
 * Per spawn: one {@code posix_spawnp} (clone + exec), one {@code pidfd_open}, one
 * {@code epoll_ctl} to hand the pidfd to the reaper (which is not woken), a {@code pipe2} per
 * piped stream, an {@code open} per file, one file-actions object, and argv and environment
 * copied to native memory (the inherited environment's strings are built once per JVM; the
 * signal attributes are shared); no thread (one short-lived thread when a nice value is set).
 * Thread-safe.
 */
public final class PosixSpawner implements Spawner {
    private final Native nat;
    private final boolean usePidfd;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Creates a spawner; loads the native side if needed. @throws IllegalStateException if it is unavailable */
    public PosixSpawner() {
        this(true);
    }

    /** For tests: {@code usePidfd=false} forces the reaper's WNOHANG fallback for this spawner's children. */
    PosixSpawner(boolean usePidfd) {
        this.nat = Native.get();
        this.usePidfd = usePidfd;
        // Start the shared threads here, on the caller's thread: a thread inherits its creator's
        // nice value on Linux, and the first spawn may run on a NiceThread helper.
        Reaper.shared();
        Cleaning.cleaner();
    }

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public Child spawn(SpawnSpec spec) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("this posix spawner is closed");
        }
        refuseUnsupported(spec);
        if (spec.directory().isPresent()) {
            checkDirectory(spec.program(), spec.directory().get());
        }
        if (spec.nice().isPresent()) {
            return NiceThread.spawnWithNice(nat, spec.program(), spec.nice().getAsInt(), () -> spawnHere(spec));
        }
        return spawnHere(spec);
    }

    private void refuseUnsupported(SpawnSpec spec) {
        if (spec.parentDeathSignal().isPresent()) {
            throw new UnsupportedOperationException("parentDeathSignal is not supported by the posix spawner:"
                    + " it needs prctl(PR_SET_PDEATHSIG) in the child before exec, which posix_spawn cannot run,"
                    + " and no procmux backend offers it yet");
        }
        if (spec.directory().isPresent() && !nat.hasChdirAction()) {
            throw new UnsupportedOperationException("directory is not supported by the posix spawner on this libc:"
                    + " posix_spawn_file_actions_addchdir_np is missing (glibc 2.29+ or macOS 10.15+ has it);"
                    + " the jvm spawner supports it");
        }
        if (spec.nice().isPresent() && !Native.isLinux()) {
            throw new UnsupportedOperationException("nice is supported by the posix spawner on Linux only"
                    + " (it relies on per-thread nice values)");
        }
    }

    private static void checkDirectory(String program, Path dir) throws SpawnException {
        if (!Files.exists(dir)) {
            throw new SpawnException(program, "ENOENT", "working directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new SpawnException(program, "ENOTDIR", "working directory " + dir + " is not a directory");
        }
    }

    private Child spawnHere(SpawnSpec spec) throws IOException {
        SpawnAttributes attr = SpawnAttributes.shared(nat, spec.processGroup());
        try (FileActions fa = new FileActions(nat)) {
            if (spec.directory().isPresent()) {
                fa.chdir(spec.directory().get().toAbsolutePath().toString());
            }
            try (Stdio stdio = Stdio.plan(nat, spec, fa)) {
                IntByReference pid = new IntByReference();
                int rc = nat.libc().posix_spawnp(pid, spec.program(), fa.handle(), attr.handle(),
                        spec.argv().toArray(new CharSequence[0]), environment(spec));
                if (rc != 0) {
                    throw new SpawnException(spec.program(), Native.errnoName(rc), Native.errnoText(rc));
                }
                stdio.afterSpawn();
                ExitWatch watch = ExitWatch.open(nat, pid.getValue(), usePidfd);
                Reaper.shared().watch(watch);
                return new PosixChild(spec.program(), watch,
                        spec.processGroup() != io.procmux.spawn.ProcessGroupMode.INHERIT, output(stdio.takeParentEnd(0)),
                        input(stdio.takeParentEnd(1)), input(stdio.takeParentEnd(2)));
            }
        }
    }

    private @Nullable FdOutputStream output(int fd) {
        return fd < 0 ? null : new FdOutputStream(nat, new OwnedFd(nat.libc(), fd));
    }

    private @Nullable FdInputStream input(int fd) {
        return fd < 0 ? null : new FdInputStream(nat, new OwnedFd(nat.libc(), fd));
    }

    private static CharSequence[] environment(SpawnSpec spec) {
        if (spec.environment().equals(EnvironmentSpec.INHERITED)) {
            return InheritedEnvironment.ENTRIES; // the common case: built once
        }
        return entries(spec.environment().resolve(System.getenv()));
    }

    /** {@code NAME=value} strings, in the map's order. */
    private static CharSequence[] entries(Map<String, String> env) {
        CharSequence[] out = new CharSequence[env.size()];
        int i = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            out[i++] = e.getKey() + "=" + e.getValue();
        }
        return out;
    }

    /** This JVM's environment as {@code NAME=value} strings; Java's copy of it never changes. */
    private static final class InheritedEnvironment {
        static final CharSequence[] ENTRIES = entries(EnvironmentSpec.INHERITED.resolve(System.getenv()));
    }

    /** Forbids further spawns. The shared reaper keeps reaping children already started. */
    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "PosixSpawner[pidfd=" + nat.hasPidfd() + ", closefrom=" + nat.hasCloseFromAction() + "]";
    }
}
