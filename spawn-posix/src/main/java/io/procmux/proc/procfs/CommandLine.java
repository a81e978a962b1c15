package io.procmux.proc.procfs;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code /proc/PID/cmdline} into argv. The kernel writes each argument followed by a NUL;
 * the file is empty for kernel threads and zombies. Empty arguments are kept (argv {@code a ""}
 * is {@code a\0\0}); a process that rewrote its argument area without a final NUL (as
 * setproctitle does) gets its last argument as written. Cost: one pass, one String per argument.
 */
final class CommandLine {
    private CommandLine() {
    }

    /** The arguments, decoded with {@code charset}; empty for an empty file. */
    static List<String> parse(byte[] bytes, Charset charset) {
        if (bytes.length == 0) {
            return List.of();
        }
        int end = bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                args.add(new String(bytes, start, i - start, charset));
                start = i + 1;
            }
        }
        args.add(new String(bytes, start, end - start, charset));
        return args;
    }
}
