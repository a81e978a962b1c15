package io.procmux.codec.struct;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * One cross-check case: an operation, a format, and its arguments both as oracle tokens (for
 * python3) and as the Java values those tokens stand for.
 */
record CrossCase(String op, String format, List<String> tokens, List<Object> args) {

    /** The line the python oracle reads: op TAB hex(format) TAB tokens. */
    String line() {
        return op + "\t" + HexFormat.of().formatHex(format.getBytes(StandardCharsets.US_ASCII)) + "\t"
                + String.join(" ", tokens);
    }
}
