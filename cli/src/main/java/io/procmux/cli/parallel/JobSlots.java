package io.procmux.cli.parallel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code -j} the way GNU parallel does: {@code N} jobs, {@code 0} as many as descriptors
 * allow, {@code N%} a percentage of the cores, {@code +N} and {@code -N} the cores plus or minus N.
 * A computed value below 1 becomes 1. Cost: one regular-expression match.
 */
public final class JobSlots {
    /** {@code -j 0}: sized at run time from the descriptor limit. */
    public static final int AS_MANY_AS_POSSIBLE = 0;

    private static final Pattern FORM = Pattern.compile("([+-]?)(\\d{1,9})(%?)");

    private JobSlots() {
    }

    /**
     * The number of slots {@code text} asks for, given {@code cores}; {@link #AS_MANY_AS_POSSIBLE} for 0.
     *
     * @throws ParallelUsageException for anything else, naming the accepted forms
     */
    public static int parse(String text, int cores) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || (!m.group(1).isEmpty() && !m.group(3).isEmpty())) {
            throw new ParallelUsageException("-j takes N, 0 (as many as possible), N% (of the " + cores
                    + " cores), +N or -N (cores plus or minus N), not '" + text + "'");
        }
        long n = Long.parseLong(m.group(2));
        long slots;
        if (!m.group(3).isEmpty()) {
            slots = cores * n / 100;
        } else if (m.group(1).equals("+")) {
            slots = cores + n;
        } else if (m.group(1).equals("-")) {
            slots = cores - n;
        } else {
            return (int) n;
        }
        return (int) Math.max(1, Math.min(slots, Integer.MAX_VALUE));
    }
}
