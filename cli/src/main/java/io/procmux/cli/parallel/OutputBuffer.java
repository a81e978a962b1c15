package io.procmux.cli.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array holding one stream of one job until it is printed. Cost: the bytes
 * themselves, grown by doubling; nothing is allocated before the first byte arrives.
 */
final class OutputBuffer {
    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes = EMPTY;
    private int size;

    void append(byte[] b, int off, int len) {
        if (size + len > bytes.length) {
            int want = Math.max(size + len, Math.max(4096, bytes.length * 2));
            if (want < 0) {
                throw new OutOfMemoryError("a job's output exceeds 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, want);
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    /** Drops the first {@code n} bytes. */
    void consume(int n) {
        System.arraycopy(bytes, n, bytes, 0, size - n);
        size -= n;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    void clear() {
        bytes = EMPTY;
        size = 0;
    }
}
