package io.procmux.ipc.unix;

import io.procmux.ipc.UnixAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes a {@link UnixAddress} as a {@code struct sockaddr_un}: family {@code AF_UNIX} in host
 * byte order, then the path's UTF-8 bytes and a NUL, or for an abstract name a NUL and the name
 * (whose length is then part of the address). {@link UnixAddress} has already refused what does
 * not fit, so nothing is ever truncated here.
 *
 * <p>Cost: one 110-byte array per encoding; decoding allocates the address.
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

    /**
     * Decodes the first {@code length} bytes of a {@code sockaddr_un} the kernel filled in: empty
     * for an unbound sender (nothing after the family), and for an abstract name {@link UnixAddress}
     * cannot hold (a NUL inside); path bytes end at the first NUL.
     */
    static Optional<UnixAddress> decode(byte[] raw, int length) {
        int end = Math.min(length, raw.length);
        if (end <= 2) {
            return Optional.empty();
        }
        if (raw[2] == 0) {
            String name = new String(raw, 3, end - 3, StandardCharsets.UTF_8);
            return name.isEmpty() || name.indexOf('\0') >= 0 ? Optional.empty()
                    : Optional.of(UnixAddress.abstractName(name));
        }
        int stop = 2;
        while (stop < end && raw[stop] != 0) {
            stop++;
        }
        return Optional.of(UnixAddress.ofPath(new String(raw, 2, stop - 2, StandardCharsets.UTF_8)));
    }
}
