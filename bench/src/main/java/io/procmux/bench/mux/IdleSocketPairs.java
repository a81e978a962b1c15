package io.procmux.bench.mux;

import io.procmux.mux.FileDescriptors;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * N idle descriptors and one ready one, made the way {@code bench/c/mux_wait.c} makes them: the
 * idle ones are both ends of N/2 {@code AF_UNIX} stream socket pairs (nothing is ever written, so
 * neither end is ever readable), the ready one is one end of another pair whose peer holds one
 * unread byte, and it is made last so that it has the highest number. Socket pairs rather than
 * pipes because both ends are idle, so N = 10,000 fits the usual hard limit of 20,000 descriptors.
 *
 * <p>{@link #borrowing} instead takes the descriptors of {@link NioSocketPairs}' channels, so that
 * the JDK's Selector and the jnr-based implementations wait on the very same sockets (and N = 10,000
 * still fits 20,000 descriptors); those stay the channels' to close.
 *
 * <p>Cost: N + 2 descriptors and one {@code socketpair} call per two of them, in set-up only
 * (none when borrowing); {@link #close()} closes all of them (none when borrowing).
 */
final class IdleSocketPairs implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 02000000;

    private final BenchLibC libc;
    private final int[] idle;
    private final int ready;
    private final int readyPeer;
    private final boolean owned;
    private boolean closed;

    private IdleSocketPairs(BenchLibC libc, int[] idle, int ready, int readyPeer, boolean owned) {
        this.libc = libc;
        this.idle = idle;
        this.ready = ready;
        this.readyPeer = readyPeer;
        this.owned = owned;
    }

    /**
     * The descriptors behind {@code channels} (needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED});
     * {@link #close()} leaves them open: closing the channels closes them.
     */
    static IdleSocketPairs borrowing(NioSocketPairs channels) {
        List<SocketChannel> idle = channels.idle();
        int[] fds = new int[idle.size()];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = FileDescriptors.fdOf(idle.get(i));
        }
        return new IdleSocketPairs(Holder.LIBC, fds, FileDescriptors.fdOf(channels.ready()), -1, false);
    }

    /**
     * Makes {@code n} idle descriptors and the ready one.
     *
     * @throws IllegalArgumentException when {@code n} is odd or below 2
     * @throws IOException when the descriptors cannot be made (say, RLIMIT_NOFILE too low); none leak
     */
    static IdleSocketPairs open(int n) throws IOException {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("The number of idle descriptors must be even and at least 2, not " + n);
        }
        BenchLibC libc = Holder.LIBC;
        int[] idle = new int[n];
        int made = 0;
        try {
            int[] pair = new int[2];
            while (made < n) {
                socketPair(libc, pair, made, n);
                idle[made++] = pair[0];
                idle[made++] = pair[1];
            }
            socketPair(libc, pair, made, n);
            if (libc.write(pair[1], new byte[] {'x'}, 1) != 1) {
                int errno = Runtime.getRuntime(libc).getLastError();
                libc.close(pair[0]);
                libc.close(pair[1]);
                throw new IOException("write to the ready socket failed: errno " + errno);
            }
            return new IdleSocketPairs(libc, idle, pair[0], pair[1], true);
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < made; i++) {
                libc.close(idle[i]);
            }
            throw e;
        }
    }

    private static void socketPair(BenchLibC libc, int[] pair, int made, int n) throws IOException {
        if (libc.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            int errno = Runtime.getRuntime(libc).getLastError();
            throw new IOException("socketpair failed after " + made + " of " + n + " idle descriptors: errno " + errno
                    + (errno == 24 ? " (EMFILE: raise the limit with ulimit -n)" : ""));
        }
    }

    /** The idle descriptors, in the order they were made. */
    int[] idle() {
        return Arrays.copyOf(idle, idle.length);
    }

    /** The descriptor that is always readable. */
    int ready() {
        return ready;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!owned) {
            return;
        }
        for (int fd : idle) {
            libc.close(fd);
        }
        libc.close(ready);
        libc.close(readyPeer);
    }

    /** The jnr-ffi binding of libc the benchmarks share. */
    static BenchLibC libc() {
        return Holder.LIBC;
    }

    private static final class Holder {
        static final BenchLibC LIBC = LibraryLoader.create(BenchLibC.class).load("c");
    }
}
