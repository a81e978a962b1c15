package io.procmux.cli.parallel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of an input file or stdin into inputs: one per line (a final line without a
 * newline counts; an empty line is an empty input, as in GNU parallel), or one per NUL byte with
 * {@code --null}. Inputs are decoded as UTF-8 and never split further. Cost: one pass, one String
 * per input.
 */
public final class InputSplitter {
    private InputSplitter() {
    }

    /**
     * Splits {@code data}.
     *
     * @param origin how to name the data in errors, e.g. {@code file list.txt} or {@code stdin}
     * @throws ParallelUsageException for a NUL byte in line mode
     */
    public static List<String> split(byte[] data, boolean nulSeparated, String origin) {
        byte sep = nulSeparated ? (byte) 0 : (byte) '\n';
        List<String> out = new ArrayList<>();
        int start = 0;
        int line = 1;
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b == sep) {
                out.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
                line++;
            } else if (b == 0) {
                throw new ParallelUsageException(origin + ", line " + line
                        + ", contains a NUL byte; use --null (-0) for NUL-separated input");
            }
        }
        if (start < data.length) {
            out.add(new String(data, start, data.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }
}
