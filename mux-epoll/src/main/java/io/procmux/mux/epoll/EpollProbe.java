package io.procmux.mux.epoll;

import java.io.IOException;
import java.util.Optional;

/**
 * The native probe of the {@code epoll} provider, run once, lazily, in a static holder (Netty's
 * {@code Epoll.unavailabilityCause()} pattern): on Linux only, load libc through jnr-ffi, call
 * {@code getpid}, and open and close a real epoll descriptor and a real eventfd.
 *
 * <p>Cost: the first call loads jnr-ffi and libc (tens to hundreds of milliseconds) and makes five
 * syscalls; later calls read a field.
 */
final class EpollProbe {
    private EpollProbe() {
    }

    private static final class Holder {
        static final Optional<Throwable> CAUSE = probe();
    }

    static Optional<Throwable> unavailabilityCause() {
        return Holder.CAUSE;
    }

    private static Optional<Throwable> probe() {
        try {
            if (!EpollNative.isLinux()) {
                return Optional.of(new UnsupportedOperationException("epoll is Linux-only; this is "
                        + System.getProperty("os.name") + " (use poll or select)"));
            }
            EpollLibC libc = EpollNative.libc();
            if (libc.getpid() <= 0) {
                return Optional.of(new IOException("getpid through jnr-ffi returned nonsense"));
            }
            int epfd = libc.epoll_create1(EpollNative.EPOLL_CLOEXEC);
            if (epfd < 0) {
                return Optional.of(new IOException("epoll_create1 failed: " + EpollNative.describe(EpollNative.errno())));
            }
            libc.close(epfd);
            WakeEventFd.open().close();
            return Optional.empty();
        } catch (IOException | RuntimeException | LinkageError failure) {
            return Optional.of(failure);
        }
    }
}
