package io.procmux.cli.parallel;

import io.procmux.spawn.ExitStatus;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * GNU parallel's {@code --joblog}: a header, then one tab-separated line per finished job in the
 * order jobs finish: Seq, Host ({@code :} for this machine), Starttime (epoch seconds, 3 decimals),
 * JobRuntime (seconds, 3 decimals), Send (0: nothing is transferred), Receive (bytes of output the
 * job wrote, stdout and stderr), Exitval, Signal, Command. A job killed by a signal has Exitval 0
 * and the signal number, as GNU parallel reports it; a command that could not be started has
 * Exitval 127 (not found) or 126 (not executable). Each line is flushed as it is written, so the
 * log is complete up to the last finished job whatever stops the run.
 * Cost: one buffered write and flush per job.
 */
public final class JobLog implements Closeable {
    /** The header line's columns. */
    public static final String HEADER = "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand";

    private final BufferedWriter out;

    private JobLog(BufferedWriter out) {
        this.out = out;
    }

    /** Creates (truncates) the log file and writes the header. */
    public static JobLog create(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(HEADER);
        w.write('\n');
        w.flush();
        return new JobLog(w);
    }

    /** One line: {@code exitval} and {@code signal} as described in the class comment. */
    public static String line(long seq, long startMillis, long runtimeNanos, long received, int exitval, int signal,
            String command) {
        return seq + "\t:\t" + String.format(Locale.ROOT, "%d.%03d", startMillis / 1000, startMillis % 1000) + "\t"
                + String.format(Locale.ROOT, "%10.3f", runtimeNanos / 1e9) + "\t0\t" + received + "\t" + exitval
                + "\t" + signal + "\t" + command.replace('\n', ' ');
    }

    /** The Exitval column for a status. */
    public static int exitval(ExitStatus status) {
        return status instanceof ExitStatus.Exited e ? e.code() : 0;
    }

    /** The Signal column for a status. */
    public static int signal(ExitStatus status) {
        return status instanceof ExitStatus.Signaled s ? s.signal() : 0;
    }

    /** Appends a line and flushes. */
    public void write(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
