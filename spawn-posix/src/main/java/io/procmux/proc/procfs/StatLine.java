package io.procmux.proc.procfs;

import java.nio.charset.Charset;

/**
 * The fields procmux uses from one {@code /proc/PID/stat} line (see proc(5)).
 *
 * <p>The second field, {@code comm}, is the program name in parentheses and may itself contain
 * spaces and parentheses (a program can be called {@code a) R 1 (b}); the parser therefore takes
 * the text between the first {@code '('} and the <em>last</em> {@code ')'} as the name and counts
 * the numeric fields from there. Cost: one pass over the bytes, no regex, one String (the name).
 *
 * @param pid field 1
 * @param comm field 2 without the parentheses, decoded with the platform charset
 * @param state field 3, the one-letter state
 * @param ppid field 4
 * @param priority field 18, the kernel priority (20 + nice for normal processes)
 * @param nice field 19, -20..19
 * @param threads field 20, the number of threads
 * @param startTicks field 22, the start time in clock ticks (USER_HZ) since boot
 */
record StatLine(long pid, String comm, char state, long ppid, int priority, int nice, int threads, long startTicks) {

    /**
     * Parses one stat line.
     *
     * @throws IllegalArgumentException when the bytes are not a stat line
     */
    static StatLine parse(byte[] bytes, Charset charset) {
        int open = indexOf(bytes, (byte) '(');
        int close = lastIndexOf(bytes, (byte) ')');
        if (open < 1 || close < open || close + 3 >= bytes.length || bytes[close + 1] != ' ') {
            throw malformed(bytes, "no '(comm) S' part");
        }
        try {
            return parseFields(bytes, charset, open, close);
        } catch (ArithmeticException e) {
            throw malformed(bytes, "a number out of range");
        }
    }

    private static StatLine parseFields(byte[] bytes, Charset charset, int open, int close) {
        Cursor cursor = new Cursor(bytes, 0);
        long pid = cursor.nextLong(open - 1);
        String comm = new String(bytes, open + 1, close - open - 1, charset);
        char state = (char) (bytes[close + 2] & 0xff);
        cursor = new Cursor(bytes, close + 3);
        long ppid = cursor.nextLong(bytes.length); // field 4
        cursor.skip(13); // fields 5..17: pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        int priority = Math.toIntExact(cursor.nextLong(bytes.length)); // 18
        int nice = Math.toIntExact(cursor.nextLong(bytes.length)); // 19
        int threads = Math.toIntExact(cursor.nextLong(bytes.length)); // 20
        cursor.skip(1); // 21: itrealvalue
        long startTicks = cursor.nextLong(bytes.length); // 22
        return new StatLine(pid, comm, state, ppid, priority, nice, threads, startTicks);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static IllegalArgumentException malformed(byte[] bytes, String why) {
        int n = Math.min(bytes.length, 80);
        return new IllegalArgumentException("Not a /proc/PID/stat line (" + why + "): "
                + new String(bytes, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).strip());
    }

    /** A position in the line; reads space-separated decimal fields. */
    private static final class Cursor {
        private final byte[] bytes;
        private int pos;

        Cursor(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        /** Skips {@code n} fields. */
        void skip(int n) {
            for (int i = 0; i < n; i++) {
                skipSpaces();
                if (pos >= bytes.length || bytes[pos] == '\n') {
                    throw malformed(bytes, "too few fields");
                }
                while (pos < bytes.length && bytes[pos] != ' ' && bytes[pos] != '\n') {
                    pos++;
                }
            }
        }

        /** Reads the next field as a signed decimal, not looking at or beyond {@code limit}. */
        long nextLong(int limit) {
            skipSpaces();
            boolean negative = pos < limit && bytes[pos] == '-';
            if (negative) {
                pos++;
            }
            int start = pos;
            long value = 0;
            while (pos < limit && bytes[pos] >= '0' && bytes[pos] <= '9') {
                value = Math.addExact(Math.multiplyExact(value, 10), bytes[pos] - '0');
                pos++;
            }
            if (pos == start || (pos < limit && bytes[pos] != ' ' && bytes[pos] != '\n')) {
                throw malformed(bytes, "a field is not a number");
            }
            return negative ? -value : value;
        }

        private void skipSpaces() {
            while (pos < bytes.length && bytes[pos] == ' ') {
                pos++;
            }
        }
    }
}
