package io.procmux.cli.parallel;

import java.util.List;

/**
 * The job inputs as a run consumes them: an input may be ready now, more may come later (stdin
 * being read while jobs run), or none is left. Used on the run's thread only.
 */
interface InputFeed {
    /** A total that is not known yet (stdin still being read). */
    long UNKNOWN = -1;

    /** Whether {@link #next()} has an input now. */
    boolean hasReady();

    /** Whether no input will ever be ready again. */
    boolean exhausted();

    /** The next input: one value per source. @throws java.util.NoSuchElementException when none is ready */
    List<String> next();

    /** The number of jobs in all, or {@link #UNKNOWN}. */
    long total();
}
