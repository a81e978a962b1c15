package io.procmux.mux;

/**
 * An object backed by one raw file descriptor that a {@link Multiplexer} can watch: procmux's
 * pipes, Unix sockets and pidfds implement it.
 */
public interface HasFileDescriptor {
    /** The raw descriptor number; valid while the object is open. */
    int fd();
}
