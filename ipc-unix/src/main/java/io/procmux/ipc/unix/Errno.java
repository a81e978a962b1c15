package io.procmux.ipc.unix;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns an {@code errno} into the exception a Java programmer expects, with the call, the errno
 * name and the address in the message ({@code EPIPE} becomes an {@link IOException}, never a
 * signal: every send uses {@code MSG_NOSIGNAL}).
 *
 * <p>Cost: only on failure; one {@code strerror} call and the exception.
 */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int ENOTDIR = 20;
    static final int EINVAL = 22;
    static final int EMFILE = 24;
    static final int EPIPE = 32;
    static final int ENAMETOOLONG = 36;
    static final int EPROTOTYPE = 91;
    static final int EADDRINUSE = 98;
    static final int ECONNRESET = 104;
    static final int ENOTCONN = 107;
    static final int ETIMEDOUT = 110;
    static final int ECONNREFUSED = 111;
    static final int EINPROGRESS = 115;

    private Errno() {
    }

    /** The symbolic name of the errno values this backend meets, else {@code errno N}. */
    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EINTR -> "EINTR";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case EACCES -> "EACCES";
            case EEXIST -> "EEXIST";
            case ENOTDIR -> "ENOTDIR";
            case EINVAL -> "EINVAL";
            case EMFILE -> "EMFILE";
            case EPIPE -> "EPIPE";
            case ENAMETOOLONG -> "ENAMETOOLONG";
            case EPROTOTYPE -> "EPROTOTYPE";
            case EADDRINUSE -> "EADDRINUSE";
            case ECONNRESET -> "ECONNRESET";
            case ENOTCONN -> "ENOTCONN";
            case ETIMEDOUT -> "ETIMEDOUT";
            case ECONNREFUSED -> "ECONNREFUSED";
            case EINPROGRESS -> "EINPROGRESS";
            default -> "errno " + errno;
        };
    }

    /** {@code strerror(errno) (NAME)}. */
    static String describe(int errno) {
        String text;
        try {
            text = SocketNative.libc().strerror(errno);
        } catch (RuntimeException e) {
            text = "error";
        }
        return text + " (" + name(errno) + ")";
    }

    /** The exception for a failed {@code call} on {@code what} (an address or a socket description). */
    static IOException exception(String call, int errno, String what) {
        String message = call + " " + what + ": " + describe(errno);
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(what, null, message);
            case EACCES, EPERM -> new AccessDeniedException(what, null, message);
            case ECONNREFUSED -> new ConnectException(message + "; nobody is listening there");
            case ETIMEDOUT -> new SocketTimeoutException(message);
            case EPIPE -> new SocketException(message + "; the peer closed the connection");
            case ECONNRESET -> new SocketException(message + "; the peer reset the connection");
            default -> new IOException(message);
        };
    }
}
