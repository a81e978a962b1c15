package io.procmux.cli.parallel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU parallel's {@code --halt}: when to stop a run early. {@code now,fail=1} stops at the first
 * failure and terminates the running jobs; {@code soon,fail=N%} stops starting jobs once N percent
 * of all jobs have failed and lets the running ones finish; {@code success=} and {@code done=}
 * count successes or finished jobs instead. The legacy forms {@code 0} (never), {@code 1}
 * ({@code soon,fail=1}) and {@code 2} ({@code now,fail=1}) are accepted. Cost: a comparison per
 * finished job.
 *
 * @param when {@link When#NEVER}, {@link When#SOON} or {@link When#NOW}
 * @param count what is counted
 * @param threshold how many (or the percentage when {@code percent})
 * @param percent whether {@code threshold} is a percentage of all jobs
 */
public record HaltPolicy(When when, Count count, int threshold, boolean percent) {

    /** Never halt: run every job. */
    public static final HaltPolicy NEVER = new HaltPolicy(When.NEVER, Count.FAIL, 0, false);

    /** How soon to halt. */
    public enum When { NEVER, SOON, NOW }

    /** What a threshold counts. */
    public enum Count { FAIL, SUCCESS, DONE }

    private static final Pattern SPEC = Pattern.compile("(now|soon),(fail|success|done)=([0-9]+)(%?)");

    /** Parses a {@code --halt} value. @throws ParallelUsageException naming the accepted forms */
    public static HaltPolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "0", "never":
                return NEVER;
            case "1":
                return new HaltPolicy(When.SOON, Count.FAIL, 1, false);
            case "2":
                return new HaltPolicy(When.NOW, Count.FAIL, 1, false);
            default:
                break;
        }
        Matcher m = SPEC.matcher(t);
        if (!m.matches()) {
            throw new ParallelUsageException("--halt '" + text + "' is not understood; use never, now,fail=N,"
                    + " soon,fail=N%, now,success=N or now,done=N");
        }
        int n;
        try {
            n = Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            throw new ParallelUsageException("--halt '" + text + "': the number is too large");
        }
        boolean percent = !m.group(4).isEmpty();
        if (n < 1 || (percent && n > 100)) {
            throw new ParallelUsageException("--halt '" + text + "': the threshold must be " + (percent ? "1%..100%" : "1 or more"));
        }
        return new HaltPolicy(When.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                Count.valueOf(m.group(2).toUpperCase(Locale.ROOT)), n, percent);
    }

    /** Whether the run halts now, given the counts so far and the total number of jobs. */
    public boolean reached(long failed, long succeeded, long total) {
        if (when == When.NEVER) {
            return false;
        }
        long counted = switch (count) {
            case FAIL -> failed;
            case SUCCESS -> succeeded;
            case DONE -> failed + succeeded;
        };
        if (counted == 0) {
            return false;
        }
        return percent ? counted * 100 >= (long) threshold * total : counted >= threshold;
    }
}
