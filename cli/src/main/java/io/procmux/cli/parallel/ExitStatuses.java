package io.procmux.cli.parallel;

/**
 * procmux parallel's exit status, GNU parallel's rule: 0 when every job succeeded, else the number
 * of failed jobs capped at 101; with {@code --halt now,fail=1} (or {@code soon,fail=1}) the exit
 * status of the job that failed; 255 for an error of procmux itself or bad input; 128+N when
 * stopped by signal N. Cost: none.
 */
public final class ExitStatuses {
    /** Bad input or an internal error. */
    public static final int ERROR = 255;
    /** The cap on the failed-job count. */
    public static final int MAX_FAILED = 101;

    private ExitStatuses() {
    }

    /** The status for {@code failed} failed jobs, or {@code haltStatus} when it is 0 or more. */
    public static int of(long failed, int haltStatus) {
        if (haltStatus >= 0) {
            return haltStatus;
        }
        return (int) Math.min(failed, MAX_FAILED);
    }
}
