package io.procmux.cli.parallel;

import io.procmux.spawn.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * How procmux ends a job's process group (on timeout, {@code --halt now}, or a signal to procmux):
 * signals sent in order, each followed by a wait, like GNU parallel's {@code --termseq
 * TERM,200,TERM,100,KILL,25} (milliseconds). A sequence that does not end with {@code KILL} gets
 * one appended, so nothing of a terminated job survives. Immutable. Cost: a list of steps.
 *
 * @param steps the signals and the waits after them, ending with SIGKILL
 */
public record TermSequence(List<Step> steps) {

    /**
     * One signal and how long to wait before the next one.
     *
     * @param signal the signal number
     * @param pause the time before the next step (unused after the last)
     */
    public record Step(int signal, Duration pause) {
    }

    /** Copies the steps; there must be at least one, and the last must be SIGKILL. */
    public TermSequence {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(steps.size() - 1).signal() != Signal.KILL.number()) {
            throw new IllegalArgumentException("a termination sequence ends with SIGKILL: " + steps);
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}: the default, with {@code --kill-after}. */
    public static TermSequence termThenKill(Duration grace) {
        return new TermSequence(List.of(new Step(Signal.TERM.number(), grace), new Step(Signal.KILL.number(), Duration.ZERO)));
    }

    /**
     * Reads {@code SIGNAL,MILLISECONDS,SIGNAL,MILLISECONDS,...} (a trailing wait may be left out);
     * signals by name or number.
     *
     * @throws ParallelUsageException naming the bad element and its position
     */
    public static TermSequence parse(String text) {
        String[] parts = text.split(",", -1);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            int signal;
            try {
                signal = Signal.parse(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new ParallelUsageException("--termseq '" + text + "', element " + (i + 1) + ": " + e.getMessage());
            }
            Duration pause = Duration.ZERO;
            if (i + 1 < parts.length) {
                pause = millis(parts[i + 1], text, i + 2);
            }
            steps.add(new Step(signal, pause));
        }
        if (steps.get(steps.size() - 1).signal() != Signal.KILL.number()) {
            steps.add(new Step(Signal.KILL.number(), Duration.ZERO));
        }
        return new TermSequence(steps);
    }

    private static Duration millis(String part, String text, int position) {
        String t = part.trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            throw new ParallelUsageException("--termseq '" + text + "', element " + position
                    + ": '" + part + "' is not a number of milliseconds");
        }
        return Duration.ofMillis(Long.parseLong(t));
    }

    /** The sequence as {@code --termseq} reads it, e.g. {@code TERM,1000,KILL,0}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        for (Step s : steps) {
            j.add(Signal.of(s.signal()).map(Enum::name).orElse(Integer.toString(s.signal())));
            j.add(Long.toString(s.pause().toMillis()));
        }
        return j.toString();
    }
}
