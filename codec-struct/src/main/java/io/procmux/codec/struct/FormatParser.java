package io.procmux.codec.struct;

import java.util.Arrays;

/**
 * Parses a Python struct format string into a {@link Layout}, with CPython's rules: an optional
 * mode character first; then items, each an optional decimal repeat count and a code, with
 * whitespace allowed between items (not between a count and its code); alignment in native mode
 * only, applied even to zero counts (the {@code 0l} trick).
 *
 * <p>Cost: one pass over the format plus a handful of small arrays; {@link Struct} does it once per
 * compiled format.
 */
final class FormatParser {
    /** The largest struct this implementation builds: the largest Java byte array. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private FormatParser() {
    }

    static Layout parse(String format) {
        int length = format.length();
        for (int i = 0; i < length; i++) {
            char c = format.charAt(i);
            if (c > 127) {
                throw new StructException("bad char in struct format: " + show(c) + " at offset " + i
                        + " (a format is ASCII only; CPython raises UnicodeEncodeError)");
            }
        }
        int nul = format.indexOf('\0');
        if (nul >= 0) {
            throw new StructException("embedded null character at offset " + nul + " of the format");
        }
        Mode mode = length == 0 ? null : Mode.ofPrefix(format.charAt(0));
        int start = mode == null ? 0 : 1;
        if (mode == null) {
            mode = Mode.NATIVE;
        }

        int cap = 8;
        int[] op = new int[cap];
        char[] code = new char[cap];
        int[] offset = new int[cap];
        int[] count = new int[cap];
        int[] itemSize = new int[cap];
        int[] formatPos = new int[cap];
        int[] firstValue = new int[cap];
        int runs = 0;
        long size = 0;
        long values = 0;
        long written = 0;
        int zeroPascal = -1;

        int i = start;
        while (i < length) {
            char c = format.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            long num = 1;
            if (c >= '0' && c <= '9') {
                int countStart = i;
                num = 0;
                while (i < length && (c = format.charAt(i)) >= '0' && c <= '9') {
                    num = num * 10 + (c - '0');
                    if (num > MAX_SIZE) {
                        throw tooLong(format, countStart);
                    }
                    i++;
                }
                if (i == length) {
                    throw new StructException("repeat count given without format specifier at offset "
                            + countStart + " of '" + format + "'");
                }
            }
            int entry = Ops.lookup(c, mode);
            if (entry < 0) {
                throw badChar(format, i, c, mode);
            }
            int theOp = entry & 0xff;
            int theSize = (entry >>> 8) & 0xff;
            int align = entry >>> 16;
            if (mode == Mode.NATIVE && align > 1 && size > 0) {
                size += (align - 1) - (size - 1) % align;
            }
            long bytes = num * theSize;
            if (size + bytes > MAX_SIZE) {
                throw tooLong(format, i);
            }
            boolean stringLike = theOp == Ops.STR || theOp == Ops.PSTR;
            if (theOp != Ops.PAD && (num > 0 || stringLike)) {
                if (runs == cap) {
                    cap *= 2;
                    op = Arrays.copyOf(op, cap);
                    code = Arrays.copyOf(code, cap);
                    offset = Arrays.copyOf(offset, cap);
                    count = Arrays.copyOf(count, cap);
                    itemSize = Arrays.copyOf(itemSize, cap);
                    formatPos = Arrays.copyOf(formatPos, cap);
                    firstValue = Arrays.copyOf(firstValue, cap);
                }
                op[runs] = theOp;
                code[runs] = c;
                offset[runs] = (int) size;
                count[runs] = (int) num;
                itemSize[runs] = stringLike ? (int) num : theSize;
                formatPos[runs] = i;
                firstValue[runs] = (int) values;
                runs++;
                values += stringLike ? 1 : num;
                written += bytes; // s and p write all their bytes too: data, then zeros

                if (theOp == Ops.PSTR && num == 0 && zeroPascal < 0) {
                    zeroPascal = i;
                }
            }
            size += bytes;
            i++;
        }
        return new Layout(format, mode, (int) size, (int) values, runs, Arrays.copyOf(op, runs),
                Arrays.copyOf(code, runs), Arrays.copyOf(offset, runs), Arrays.copyOf(count, runs),
                Arrays.copyOf(itemSize, runs), Arrays.copyOf(formatPos, runs), Arrays.copyOf(firstValue, runs),
                written == size, zeroPascal);
    }

    /** Python's {@code Py_ISSPACE}: space, tab, newline, carriage return, vertical tab, form feed. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static StructException badChar(String format, int at, char c, Mode mode) {
        String why;
        if (Mode.ofPrefix(c) != null) {
            why = " (a byte order character is only allowed first)";
        } else if ((c == 'n' || c == 'N' || c == 'P') && !mode.nativeSizes) {
            why = " (only in native mode '@')";
        } else if (c >= '0' && c <= '9' || isSpace(c)) {
            why = " (a repeat count must be followed directly by a format code)";
        } else {
            why = "";
        }
        return new StructException("bad char in struct format: " + show(c) + " at offset " + at + " of '"
                + printable(format) + "'" + why);
    }

    private static StructException tooLong(String format, int at) {
        return new StructException("total struct size too long at offset " + at + " of '" + printable(format)
                + "' (at most " + MAX_SIZE + " bytes)");
    }

    static String show(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("'\\x%02x'", (int) c);
    }

    private static String printable(String format) {
        StringBuilder b = new StringBuilder(format.length());
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02x", (int) c));
            }
        }
        return b.toString();
    }
}
