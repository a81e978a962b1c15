package io.procmux.cli.parallel;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one {@code procmux parallel} run, already validated.
 *
 * @param slots how many jobs run at once (1 or more)
 * @param keepOrder print output in input order ({@code -k})
 * @param mode grouped, line-buffered or ungrouped output
 * @param tag prefix output lines with the input ({@code --tag})
 * @param timeout per-job time limit, or null for none
 * @param termSequence how a job's group is ended: signals and the waits between them
 * @param attempts how many times a failing job runs at most (1 without {@code --retries})
 * @param halt when to stop early
 * @param dryRun print the commands instead of running them
 * @param joblog where to write GNU parallel's job log, or null
 * @param results a folder for one {@code <seq>/stdout} and {@code <seq>/stderr} per job, or null
 */
public record ParallelOptions(int slots, boolean keepOrder, OutputMode mode, boolean tag, @Nullable Duration timeout,
        TermSequence termSequence, int attempts, HaltPolicy halt, boolean dryRun, @Nullable Path joblog,
        @Nullable Path results) {

    /** Checks the combinations. @throws ParallelUsageException for a combination that cannot work */
    public ParallelOptions {
        if (slots < 1) {
            throw new ParallelUsageException("the number of job slots must be 1 or more, not " + slots);
        }
        if (attempts < 1) {
            throw new ParallelUsageException("--retries must be 0 or more");
        }
        if (tag && mode == OutputMode.UNGROUP) {
            throw new ParallelUsageException("--tag needs the output to pass through procmux; use it without --ungroup"
                    + " (--line-buffer prints lines as they come)");
        }
        if (results != null && mode != OutputMode.GROUP) {
            throw new ParallelUsageException("--results needs grouped output; drop --ungroup and --line-buffer");
        }
    }

    /** The same options with another number of slots. */
    public ParallelOptions withSlots(int n) {
        return new ParallelOptions(n, keepOrder, mode, tag, timeout, termSequence, attempts, halt, dryRun, joblog, results);
    }
}
