package io.procmux.pool.local;

import io.procmux.pool.WorkerOutput;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What one worker writes on one stream: forwarded as {@link WorkerOutput} says (raw, or line by
 * line with a {@code [worker PID]} prefix, or not at all), and for stderr the last
 * {@value #KEPT_LINES} lines kept for {@link io.procmux.pool.WorkerDiedException}.
 *
 * <p>Cost: one String per complete line while lines are kept or prefixed; not thread-safe (the
 * pool's I/O thread feeds it).
 */
final class OutputTail {
    static final int KEPT_LINES = 20;
    private static final int MAX_LINE = 4096;

    private final WorkerOutput mode;
    private final PrintStream target;
    private final String prefix;
    private final boolean keep;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    OutputTail(WorkerOutput mode, PrintStream target, long pid, boolean keep) {
        this.mode = mode;
        this.target = target;
        this.prefix = "[worker " + pid + "] ";
        this.keep = keep;
    }

    /** Takes {@code n} bytes the worker wrote. */
    void feed(byte[] bytes, int n) {
        if (mode == WorkerOutput.INHERIT) {
            target.write(bytes, 0, n);
            target.flush();
        }
        if (!keep && mode != WorkerOutput.PREFIX) {
            return;
        }
        String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            partial.append(text, start, nl);
            line(partial.toString());
            partial.setLength(0);
            start = nl + 1;
        }
        if (partial.length() < MAX_LINE) {
            partial.append(text, start, Math.min(text.length(), start + MAX_LINE - partial.length()));
        }
    }

    /** The stream ended: a last unterminated line counts as a line. */
    void end() {
        if (partial.length() > 0) {
            line(partial.toString());
            partial.setLength(0);
        }
        target.flush();
    }

    private void line(String line) {
        if (mode == WorkerOutput.PREFIX) {
            target.println(prefix + line);
        }
        if (keep) {
            if (lines.size() == KEPT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** The kept lines, oldest first. */
    List<String> lines() {
        return new ArrayList<>(lines);
    }
}
