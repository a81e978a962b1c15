package io.procmux.codec.struct;

/**
 * A parsed format: its mode, total size and its runs. A run is one code with its repeat count,
 * for example {@code 4h} or {@code 10s}; pad runs ({@code x}) are dropped, and {@code s} and
 * {@code p} runs hold one value each, like CPython's compiled codes. Immutable; the arrays are
 * never exposed or changed after parsing.
 */
final class Layout {
    final String format;
    final Mode mode;
    /** Total size in bytes, alignment included. */
    final int size;
    /** Number of values pack takes and unpack returns. */
    final int valueCount;
    final int runCount;
    /** Per run: the {@link Ops} constant. */
    final int[] op;
    /** Per run: the format character, for messages. */
    final char[] code;
    /** Per run: byte offset of its first item. */
    final int[] offset;
    /** Per run: repeat count (for s and p: the byte length). */
    final int[] count;
    /** Per run: bytes per item (for s and p: the byte length). */
    final int[] itemSize;
    /** Per run: index of the code in the format string, for messages. */
    final int[] formatPos;
    /** Per run: index of its first value. */
    final int[] firstValue;
    /** True when packing writes every byte, so no zeroing is needed before it. */
    final boolean dense;
    /** Format offset of a {@code 0p}, which CPython cannot unpack; -1 when there is none. */
    final int zeroPascalPos;

    Layout(String format, Mode mode, int size, int valueCount, int runCount, int[] op, char[] code,
            int[] offset, int[] count, int[] itemSize, int[] formatPos, int[] firstValue, boolean dense,
            int zeroPascalPos) {
        this.format = format;
        this.mode = mode;
        this.size = size;
        this.valueCount = valueCount;
        this.runCount = runCount;
        this.op = op;
        this.code = code;
        this.offset = offset;
        this.count = count;
        this.itemSize = itemSize;
        this.formatPos = formatPos;
        this.firstValue = firstValue;
        this.dense = dense;
        this.zeroPascalPos = zeroPascalPos;
    }

    /** The run holding value {@code index} (binary search over {@link #firstValue}). */
    int runOfValue(int index) {
        int lo = 0;
        int hi = runCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstValue[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The byte offset of value {@code index} within the struct. */
    int offsetOfValue(int run, int index) {
        int op = this.op[run];
        if (op == Ops.STR || op == Ops.PSTR) {
            return offset[run];
        }
        return offset[run] + (index - firstValue[run]) * itemSize[run];
    }

    /** Describes where value {@code index} comes from, for messages: {@code item 2, 'h' at format offset 5}. */
    String where(int run, int index) {
        return "item " + index + ", '" + code[run] + "' at format offset " + formatPos[run];
    }
}
