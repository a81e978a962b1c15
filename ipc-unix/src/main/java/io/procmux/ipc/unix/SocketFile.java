package io.procmux.ipc.unix;

import io.procmux.ipc.UnixAddress;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The filesystem side of a server socket: its private directory, its lock file and the socket
 * file itself. {@link #claim} makes the parent directory (mode 0700) when asked, takes an
 * exclusive {@code flock} on {@code PATH.lock} so two servers cannot race for one path, and then
 * removes a stale socket file (one that refuses connections) while refusing to touch a live one
 * or anything that is not a socket. {@link #bound} sets the file to 0600 before {@code listen}, so
 * nobody can connect in between. {@link #release} removes the socket file and the lock; a JVM
 * shutdown hook does the same on {@code SIGTERM} (see {@link SocketFileCleanup}).
 *
 * <p>Cost: a handful of syscalls and one probe connection, once per bind.
 */
final class SocketFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path path;
    private final Path lockPath;
    private final int lockFd;
    private volatile Object socketInode = "";
    private boolean released;

    private SocketFile(Path path, Path lockPath, int lockFd) {
        this.path = path;
        this.lockPath = lockPath;
        this.lockFd = lockFd;
    }

    /** Prepares {@code path} for binding; the caller binds next, then calls {@link #bound}. */
    static SocketFile claim(Path path, boolean createPrivateDirectory, int socketType) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            prepareDirectory(parent, createPrivateDirectory, path);
        }
        Path lockPath = absolute.resolveSibling(absolute.getFileName() + ".lock");
        SocketFile file = new SocketFile(path, lockPath, lock(lockPath, path));
        try {
            file.removeIfStale(socketType);
        } catch (IOException | RuntimeException e) {
            file.release();
            throw e;
        }
        SocketFileCleanup.register(file);
        return file;
    }

    private static void prepareDirectory(Path dir, boolean create, Path socket) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new NotDirectoryException(dir + " (the directory for Unix socket " + socket + ") is not a directory");
        }
        if (!create) {
            throw new NoSuchFileException(dir.toString(), null, "The directory for Unix socket " + socket
                    + " does not exist (and BindOptions.createPrivateDirectory is off)");
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.push(d);
        }
        for (Path d : missing) {
            try {
                Files.createDirectory(d);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(d)) {
                    throw raced;
                }
                continue;
            }
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static int lock(Path lockPath, Path socket) throws IOException {
        if (Files.isSymbolicLink(lockPath)) {
            throw new FileAlreadyExistsException(lockPath.toString(), null,
                    "The lock file of Unix socket " + socket + " is a symbolic link; refusing to follow it");
        }
        SocketLibC libc = SocketNative.libc();
        for (int attempt = 0; ; attempt++) {
            int fd = libc.open(lockPath.toString(), SocketNative.O_RDWR | SocketNative.O_CREAT | SocketNative.O_CLOEXEC, 0600);
            if (fd < 0) {
                throw Errno.exception("open lock file", SocketNative.errno(), lockPath.toString());
            }
            if (libc.flock(fd, SocketNative.LOCK_EX | SocketNative.LOCK_NB) != 0) {
                int errno = SocketNative.errno();
                libc.close(fd);
                if (errno == Errno.EAGAIN) {
                    throw new BindException("Address already in use (EADDRINUSE): another server is bound or binding at "
                            + socket + " (it holds the lock " + lockPath + ")");
                }
                throw Errno.exception("flock", errno, lockPath.toString());
            }
            // The lock counts only if the file is still the one at lockPath (a closing server unlinks it).
            try {
                Object locked = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:ino");
                Object current = Files.getAttribute(lockPath, "unix:ino", LinkOption.NOFOLLOW_LINKS);
                if (locked.equals(current)) {
                    return fd;
                }
            } catch (NoSuchFileException gone) {
                // unlinked under us: try again
            }
            libc.close(fd);
            if (attempt == 10) {
                throw new BindException("Could not lock " + lockPath + ": it keeps being replaced");
            }
        }
    }

    private void removeIfStale(int socketType) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "exists and is not a socket; refusing to replace it with a Unix socket");
        }
        UnixAddress address = UnixAddress.of(path);
        byte[] sockaddr = SockAddr.encode(address);
        int probe = SocketIo.open(socketType, true);
        try {
            if (SocketNative.libc().connect(probe, sockaddr, SockAddr.length(address)) == 0) {
                throw live();
            }
            int errno = SocketNative.errno();
            switch (errno) {
                case Errno.EAGAIN -> throw live();
                case Errno.ECONNREFUSED -> Files.deleteIfExists(path);   // stale: nobody listens
                case Errno.ENOENT -> { }
                case Errno.EPROTOTYPE -> throw new BindException("Address already in use (EADDRINUSE): " + path
                        + " is a Unix socket of another type that may be in use; remove it yourself if not");
                default -> throw Errno.exception("probe connect to", errno, path.toString());
            }
        } finally {
            SocketNative.libc().close(probe);
        }
    }

    private BindException live() {
        return new BindException("Address already in use (EADDRINUSE): a server is listening at " + path
                + "; procmux never steals a live socket");
    }

    /** After {@code bind}: restricts the file to its owner and remembers which file is ours. */
    void bound() throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        socketInode = Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    /** The socket file. */
    Path path() {
        return path;
    }

    /** Removes the socket file (when it is still ours) and the lock file, then drops the lock. Idempotent. */
    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        removeFiles();
        SocketNative.libc().close(lockFd);
        SocketFileCleanup.unregister(this);
    }

    /** For the shutdown hook: removes the files without waiting for any lock. */
    void removeFiles() {
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    && socketInode.equals(Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS))) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the lock below still goes
        }
        try {
            Files.deleteIfExists(lockPath);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
