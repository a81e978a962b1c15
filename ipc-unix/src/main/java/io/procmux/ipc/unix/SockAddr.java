package io.procmux.ipc.unix;

import io.procmux.ipc.UnixAddress;

/**
 * Encodes a {@link UnixAddress} as a {@code struct sockaddr_un}: family {@code AF_UNIX} in host
 * byte order, then the path's UTF-8 bytes and a NUL, or for an abstract name a NUL and the name
 * (whose length is then part of the address). {@link UnixAddress} has already refused what does
 * not fit, so nothing is ever truncated here.
 *
 * <p>Cost: one 110-byte array per encoding.
 */
final class SockAddr {
    private SockAddr() {
    }

    /** The encoded structure; its significant length is {@link #length}. */
    static byte[] encode(UnixAddress address) {
        byte[] name = address.encoded();
        byte[] out = new byte[SocketNative.SOCKADDR_UN_SIZE];
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        out[little ? 0 : 1] = (byte) SocketNative.AF_UNIX;   // sa_family_t is a host-order u16
        int at = address.isAbstract() ? 3 : 2;   // abstract: sun_path[0] stays NUL
        if (at + name.length > out.length) {
            throw new IllegalArgumentException("Unix socket address " + address + " does not fit sun_path");
        }
        System.arraycopy(name, 0, out, at, name.length);
        return out;
    }

    /** The {@code socklen_t} to pass with {@link #encode}: the whole structure for a path, exact for an abstract name. */
    static int length(UnixAddress address) {
        return address.isAbstract() ? 3 + address.encoded().length : SocketNative.SOCKADDR_UN_SIZE;
    }
}
