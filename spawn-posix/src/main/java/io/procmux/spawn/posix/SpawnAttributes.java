package io.procmux.spawn.posix;

import io.procmux.spawn.ProcessGroupMode;
import java.io.IOException;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A {@code posix_spawnattr_t} for one spawn: every signal reset to its default action and an
 * empty signal mask in the child (so a JVM started with SIGINT ignored, as background jobs are,
 * does not pass that on), plus a new process group ({@code POSIX_SPAWN_SETPGROUP}) or session
 * ({@code POSIX_SPAWN_SETSID}, glibc 2.26+) when asked.
 *
 * <p>Cost: two native allocations (attribute and signal set) and five libc calls; no system call.
 */
final class SpawnAttributes implements AutoCloseable {
    private static final int MEMORY_BYTES = 512;      // glibc's posix_spawnattr_t is 336 bytes
    private static final int SIGSET_BYTES = 128;      // glibc's sigset_t is 128 bytes
    private static final short SETPGROUP = 0x02;
    private static final short SETSIGDEF = 0x04;
    private static final short SETSIGMASK = 0x08;
    private static final short SETSID = Native.isLinux() ? (short) 0x80 : (short) 0x400;

    private final LibC libc;
    private final Pointer handle;
    private boolean destroyed;

    SpawnAttributes(Native n, ProcessGroupMode group) throws IOException {
        this.libc = n.libc();
        this.handle = Memory.allocateDirect(n.runtime(), MEMORY_BYTES, true);
        FileActions.check(libc.posix_spawnattr_init(handle), "posix_spawnattr_init");
        Pointer set = Memory.allocateDirect(n.runtime(), SIGSET_BYTES, true);
        libc.sigemptyset(set);
        FileActions.check(libc.posix_spawnattr_setsigmask(handle, set), "posix_spawnattr_setsigmask");
        libc.sigfillset(set);
        FileActions.check(libc.posix_spawnattr_setsigdefault(handle, set), "posix_spawnattr_setsigdefault");
        short flags = (short) (SETSIGDEF | SETSIGMASK);
        if (group == ProcessGroupMode.NEW_GROUP) {
            flags |= SETPGROUP;
            FileActions.check(libc.posix_spawnattr_setpgroup(handle, 0), "posix_spawnattr_setpgroup");
        } else if (group == ProcessGroupMode.NEW_SESSION) {
            flags |= SETSID;
        }
        FileActions.check(libc.posix_spawnattr_setflags(handle, flags), "posix_spawnattr_setflags");
    }

    /** The native object, for {@code posix_spawnp}. */
    Pointer handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!destroyed) {
            destroyed = true;
            libc.posix_spawnattr_destroy(handle);
        }
    }
}
