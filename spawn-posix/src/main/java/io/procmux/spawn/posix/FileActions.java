package io.procmux.spawn.posix;

import java.io.IOException;
import jnr.ffi.Pointer;

/**
 * A {@code posix_spawn_file_actions_t}: the list of descriptor operations (open, dup2, close,
 * chdir, closefrom) the child performs between its creation and {@code exec}, in order.
 *
 * <p>Cost: none for the object itself, which lives in memory the caller owns and reuses (see
 * {@link SpawnScratch}); one libc call per action, and {@link #close()} frees libc's internal
 * list. Not thread-safe; used by one spawn.
 */
final class FileActions implements AutoCloseable {
    /** Larger than any libc's {@code posix_spawn_file_actions_t} (glibc: 80 bytes, macOS: a pointer). */
    static final int MEMORY_BYTES = 256;

    private final LibC libc;
    private final Pointer handle;
    private boolean destroyed;

    /** Initialises a file-actions object in {@code memory}, at least {@value #MEMORY_BYTES} bytes. */
    FileActions(Native n, Pointer memory) throws IOException {
        this.libc = n.libc();
        this.handle = memory;
        check(libc.posix_spawn_file_actions_init(handle), "posix_spawn_file_actions_init");
    }

    /** The child's {@code newFd} becomes a copy of {@code fd} (and loses close-on-exec). */
    FileActions dup2(int fd, int newFd) throws IOException {
        check(libc.posix_spawn_file_actions_adddup2(handle, fd, newFd), "posix_spawn_file_actions_adddup2");
        return this;
    }

    /** The child opens {@code path} as {@code fd}. */
    FileActions open(int fd, String path, int flags, int mode) throws IOException {
        check(libc.posix_spawn_file_actions_addopen(handle, fd, path, flags, mode), "posix_spawn_file_actions_addopen");
        return this;
    }

    /** The child closes {@code fd}; libc ignores a descriptor that is not open. */
    FileActions close(int fd) throws IOException {
        check(libc.posix_spawn_file_actions_addclose(handle, fd), "posix_spawn_file_actions_addclose");
        return this;
    }

    /** The child changes directory (glibc 2.29+; see {@link Native#hasChdirAction()}). */
    FileActions chdir(String dir) throws IOException {
        check(libc.posix_spawn_file_actions_addchdir_np(handle, dir), "posix_spawn_file_actions_addchdir_np");
        return this;
    }

    /** The child closes every descriptor from {@code fd} up (glibc 2.34+; see {@link Native#hasCloseFromAction()}). */
    FileActions closeFrom(int fd) throws IOException {
        check(libc.posix_spawn_file_actions_addclosefrom_np(handle, fd), "posix_spawn_file_actions_addclosefrom_np");
        return this;
    }

    /** The native object, for {@code posix_spawnp}. */
    Pointer handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!destroyed) {
            destroyed = true;
            libc.posix_spawn_file_actions_destroy(handle);
        }
    }

    /** posix_spawn functions return the error number instead of setting errno. */
    static void check(int rc, String function) throws IOException {
        if (rc != 0) {
            throw new IOException(function + " failed: " + Native.errnoText(rc) + " (" + Native.errnoName(rc) + ")");
        }
    }
}
