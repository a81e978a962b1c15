package io.procmux.spawn.posix;

import io.procmux.spawn.ProcessGroupMode;
import java.io.IOException;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A {@code posix_spawnattr_t}: every signal reset to its default action and an empty signal mask
 * in the child (so a JVM started with SIGINT ignored, as background jobs are, does not pass that
 * on), plus a new process group ({@code POSIX_SPAWN_SETPGROUP}) or session
 * ({@code POSIX_SPAWN_SETSID}, glibc 2.26+) when asked.
 *
 * <p>{@code posix_spawn} only reads its attributes, so there is one shared, never-destroyed
 * object per {@link ProcessGroupMode}, built on first use ({@link #shared}) and used by any number
 * of concurrent spawns.
 *
 * <p>Cost: the first use of a mode makes two native allocations (attribute and signal set) and
 * five libc calls, no system call; later uses take an uncontended lock.
 */
final class SpawnAttributes {
    private static final int MEMORY_BYTES = 512;      // glibc's posix_spawnattr_t is 336 bytes
    private static final int SIGSET_BYTES = 128;      // glibc's sigset_t is 128 bytes
    private static final short SETPGROUP = 0x02;
    private static final short SETSIGDEF = 0x04;
    private static final short SETSIGMASK = 0x08;
    private static final short SETSID = Native.isLinux() ? (short) 0x80 : (short) 0x400;
    private static final SpawnAttributes[] SHARED = new SpawnAttributes[ProcessGroupMode.values().length];

    private final Pointer handle;

    private SpawnAttributes(Native n, ProcessGroupMode group) throws IOException {
        LibC libc = n.libc();
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

    /** The shared attributes for {@code group}, built on first use. */
    static SpawnAttributes shared(Native n, ProcessGroupMode group) throws IOException {
        synchronized (SHARED) {
            SpawnAttributes a = SHARED[group.ordinal()];
            if (a == null) {
                a = new SpawnAttributes(n, group);
                SHARED[group.ordinal()] = a;
            }
            return a;
        }
    }

    /** The native object, for {@code posix_spawnp}; never destroyed. */
    Pointer handle() {
        return handle;
    }
}
