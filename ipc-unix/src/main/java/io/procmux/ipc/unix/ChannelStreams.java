package io.procmux.ipc.unix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.IllegalBlockingModeException;

/**
 * {@link InputStream} and {@link OutputStream} views of a {@link JnrUnixConnection}, like
 * {@code socket.makefile()}: unbuffered (wrap them in buffered streams as needed); closing either
 * closes the connection. They need blocking mode.
 *
 * <p>Cost: each call wraps the caller's array in a heap {@link ByteBuffer} (one small object)
 * and goes through the connection's bounce buffer.
 */
final class ChannelStreams {
    private ChannelStreams() {
    }

    static final class In extends InputStream {
        private final JnrUnixConnection connection;

        In(JnrUnixConnection connection) {
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!connection.isBlocking()) {
                throw new IllegalBlockingModeException();
            }
            return connection.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    static final class Out extends OutputStream {
        private final JnrUnixConnection connection;

        Out(JnrUnixConnection connection) {
            this.connection = connection;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (!connection.isBlocking()) {
                throw new IllegalBlockingModeException();
            }
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                connection.write(buffer);
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
