package io.procmux.cli.parallel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits the bytes of an input file or stdin into inputs: one per line (a final line without a
 * newline counts; an empty line is an empty input, as in GNU parallel), or one per NUL byte with
 * {@code --null}. Inputs are decoded as UTF-8 and never split further. Works on whole data
 * ({@link #split}) or on bytes as they arrive ({@link #feed}, then {@link #finish} at end of input).
 * Cost: one pass, one String per input; a partial line is kept until its end arrives.
 */
public final class InputSplitter {
    private final boolean nulSeparated;
    private final String origin;
    private byte[] partial = new byte[0];
    private int partialLength;
    private long line = 1;

    /**
     * A splitter for one stream.
     *
     * @param origin how to name the data in errors, e.g. {@code input file list.txt} or {@code stdin}
     */
    public InputSplitter(boolean nulSeparated, String origin) {
        this.nulSeparated = nulSeparated;
        this.origin = origin;
    }

    /**
     * Splits the whole of {@code data}.
     *
     * @throws ParallelUsageException for a NUL byte in line mode
     */
    public static List<String> split(byte[] data, boolean nulSeparated, String origin) {
        List<String> out = new ArrayList<>();
        InputSplitter splitter = new InputSplitter(nulSeparated, origin);
        splitter.feed(data, 0, data.length, out::add);
        splitter.finish(out::add);
        return out;
    }

    /**
     * Hands every input completed by these bytes to {@code out}, in order.
     *
     * @throws ParallelUsageException for a NUL byte in line mode, naming the line
     */
    public void feed(byte[] data, int offset, int length, Consumer<String> out) {
        byte sep = nulSeparated ? (byte) 0 : (byte) '\n';
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = data[i];
            if (b == sep) {
                out.accept(takeWithPartial(data, start, i - start));
                start = i + 1;
                line++;
            } else if (b == 0) {
                throw new ParallelUsageException(origin + ", line " + line
                        + ", contains a NUL byte; use --null (-0) for NUL-separated input");
            }
        }
        keepPartial(data, start, end - start);
    }

    /** Ends the data: a last input without a separator is handed to {@code out}. */
    public void finish(Consumer<String> out) {
        if (partialLength > 0) {
            out.accept(new String(partial, 0, partialLength, StandardCharsets.UTF_8));
            partialLength = 0;
        }
    }

    private String takeWithPartial(byte[] data, int start, int length) {
        if (partialLength == 0) {
            return new String(data, start, length, StandardCharsets.UTF_8);
        }
        keepPartial(data, start, length);
        String s = new String(partial, 0, partialLength, StandardCharsets.UTF_8);
        partialLength = 0;
        return s;
    }

    private void keepPartial(byte[] data, int start, int length) {
        if (length == 0) {
            return;
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + length, partial.length * 2));
        }
        System.arraycopy(data, start, partial, partialLength, length);
        partialLength += length;
    }
}
