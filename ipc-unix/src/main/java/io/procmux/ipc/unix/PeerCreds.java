package io.procmux.ipc.unix;

import io.procmux.ipc.PeerCredentials;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads {@code SO_PEERCRED} ({@code struct ucred}: pid, uid, gid as three ints): who connected,
 * as the kernel recorded it at {@code connect}/{@code socketpair} time. Used by the same-uid check
 * before any byte is read.
 *
 * <p>Cost: one {@code getsockopt} and a 12-byte array.
 */
final class PeerCreds {
    private PeerCreds() {
    }

    static PeerCredentials of(int fd, String what) throws IOException {
        byte[] ucred = new byte[12];
        int[] length = {ucred.length};
        if (SocketNative.libc().getsockopt(fd, SocketNative.SOL_SOCKET, SocketNative.SO_PEERCRED, ucred, length) != 0) {
            throw Errno.exception("getsockopt(SO_PEERCRED) on", SocketNative.errno(), what);
        }
        ByteBuffer b = ByteBuffer.wrap(ucred).order(ByteOrder.nativeOrder());
        return new PeerCredentials(b.getInt(0), b.getInt(4), b.getInt(8));
    }
}
