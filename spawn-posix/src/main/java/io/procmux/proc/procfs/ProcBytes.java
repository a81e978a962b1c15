package io.procmux.proc.procfs;

import java.util.OptionalLong;

/**
 * Byte-level helpers shared by the line-oriented {@code /proc} parsers ({@link StatusFile},
 * {@link BootTime}): prefix tests, unsigned decimals, line skipping. Allocation-free.
 */
final class ProcBytes {
    private ProcBytes() {
    }

    /** Whether {@code bytes} has {@code prefix} at {@code at}. */
    static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index just past the next newline at or after {@code at} (or the length). */
    static int nextLine(byte[] bytes, int at) {
        int pos = at;
        while (pos < bytes.length && bytes[pos] != '\n') {
            pos++;
        }
        return pos + 1;
    }

    /**
     * The unsigned decimal after any spaces and tabs at {@code at}, or empty when there is none
     * (or it has more than 18 digits).
     */
    static OptionalLong unsignedAt(byte[] bytes, int at) {
        int pos = at;
        while (pos < bytes.length && (bytes[pos] == ' ' || bytes[pos] == '\t')) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9') {
            if (pos - start == 18) {
                return OptionalLong.empty();
            }
            value = value * 10 + (bytes[pos] - '0');
            pos++;
        }
        return pos == start ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
