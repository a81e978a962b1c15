package io.procmux.cli.parallel;

/**
 * What the run reports as it goes: jobs started and finished. {@link #NONE} ignores it; the
 * terminal bar is {@link ProgressBarView}. Called on the run's thread. Cost: the implementation's.
 */
interface Progress extends AutoCloseable {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long failed, int running) {
        }

        @Override
        public void close() {
        }
    };

    /** The counts after a job started or finished. */
    void update(long done, long failed, int running);

    @Override
    void close();
}
