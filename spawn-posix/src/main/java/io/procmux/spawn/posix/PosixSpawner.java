package io.procmux.spawn.posix;

import io.procmux.spawn.Child;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code posix} spawner: {@code posix_spawnp(3)} (PATH lookup in this process's PATH when the
 * program has no slash, as glibc and the JDK do), with file actions for the standard streams, the
 * working directory ({@code addchdir_np}) and handed-over descriptors, every other descriptor
 * closed in the child ({@code addclosefrom_np}, glibc 2.34+; without it only close-on-exec keeps
 * this JVM's descriptors out, as all of ours are), all signals reset to default and none blocked,
 * and a new process group or session when asked. The nice value is applied through
 * {@link NiceThread}. A parent-death signal (Linux, util-linux {@code setpriv}) goes through
 * {@link DeathSignal} on a long-lived {@link SpawnThread}. Children are reaped by the one shared
 * {@link Reaper}.
 *
 * <p>A failed exec (missing program: {@code ENOENT}; not executable: {@code EACCES}) is returned
 * by {@code posix_spawnp} itself (glibc uses {@code CLONE_VFORK} and reports the exec error), so
 * it is a {@link SpawnException} at once, never a hang or a child that exits 127.
 *
 * <p>Refused with {@link UnsupportedOperationException}: {@code parentDeathSignal} where
 * {@code setpriv} with {@code --pdeathsig} or {@code /bin/sh} is missing, or outside Linux (the
 * message says which); a working directory where libc lacks {@code addchdir_np} (glibc before
 * 2.29); a nice value outside Linux.
 *
 * <p>Cost: the first spawner of the JVM starts the shared reaper thread and cleaner thread.
 * Per spawn: one {@code posix_spawnp} (clone + exec; the signal attributes are shared), one
 * {@code pidfd_open}, one {@code epoll_ctl} to hand the pidfd to the reaper (which is not
 * woken), a {@code pipe2} per piped stream, an {@code open} per file. Native memory is reused
 * per thread ({@link SpawnScratch}): argv is copied into it, the inherited environment's block
 * is built once per JVM, and nothing is encoded or decoded by jnr for the call. No thread (one
 * short-lived thread when a nice value is set; a parent-death signal uses long-lived ones).
 * Thread-safe.
 */
public final class PosixSpawner implements Spawner {
    private static final long JVM_PID = ProcessHandle.current().pid();
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
        if (spec.parentDeathSignal().isPresent()) {
            List<String> argv = DeathSignal.wrap(spec.argv(), spec.parentDeathSignal().get(), JVM_PID,
                    spec.directory().orElse(null));
            return SpawnThreads.run(nat, spec.program(), spec.nice(), () -> spawnHere(spec, argv));
        }
        if (spec.nice().isPresent()) {
            return NiceThread.spawnWithNice(nat, spec.program(), spec.nice().getAsInt(), () -> spawnHere(spec, spec.argv()));
        }
        return spawnHere(spec, spec.argv());
    }

    private void refuseUnsupported(SpawnSpec spec) {
        if (spec.parentDeathSignal().isPresent()) {
            DeathSignal.setpriv(); // throws UnsupportedOperationException naming what is missing
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

    /** Spawns {@code spec} running {@code argv} (the spec's own, or a wrapper's) on this thread. */
    private Child spawnHere(SpawnSpec spec, List<String> argv) throws IOException {
        SpawnAttributes attr = SpawnAttributes.shared(nat, spec.processGroup());
        SpawnScratch scratch = SpawnScratch.get(nat);
        Pointer envp = scratch.environment(spec.environment());
        Pointer argvp = scratch.argv.fill(argv);
        try (FileActions fa = new FileActions(nat, scratch.fileActions)) {
            if (spec.directory().isPresent()) {
                fa.chdir(spec.directory().get().toAbsolutePath().toString());
            }
            try (Stdio stdio = Stdio.plan(nat, spec, fa)) {
                int rc = nat.libc().posix_spawnp(scratch.pid, scratch.argv.stringAddress(0), fa.handle(), attr.handle(),
                        argvp, envp);
                if (rc != 0) {
                    throw new SpawnException(spec.program(), Native.errnoName(rc), Native.errnoText(rc));
                }
                stdio.afterSpawn();
                ExitWatch watch = ExitWatch.open(nat, scratch.pid.getInt(0), usePidfd);
                Reaper.shared().watch(watch, scratch.epollEvent);
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
