package io.procmux.cli.parallel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar on stderr (the {@code me.tongfei:progressbar} library): jobs done of all, rate,
 * elapsed time and ETA, and running and failed counts. The width comes from {@code $COLUMNS}
 * (80 without it), so no terminal library is probed. Cost: the library's one refresh thread
 * (redrawing every 200 ms) for the length of the run; these classes load only when a bar is shown.
 */
final class ProgressBarView implements Progress {
    private final ProgressBar bar;
    private long shownDone = -1;
    private long shownFailed = -1;
    private int shownRunning = -1;

    ProgressBarView(long total) {
        int width = 80;
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                width = Math.max(40, Integer.parseInt(columns.trim()));
            }
        } catch (NumberFormatException ignored) {
            // keep 80
        }
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        this.bar = new ProgressBarBuilder().setTaskName("jobs").setInitialMax(total).setUnit(" jobs", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err, width - 1)).build();
    }

    @Override
    public void update(long done, long failed, int running) {
        if (done != shownDone) {
            bar.stepTo(done);
            shownDone = done;
        }
        if (failed != shownFailed || running != shownRunning) {
            bar.setExtraMessage(" running " + running + ", failed " + failed);
            shownFailed = failed;
            shownRunning = running;
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
