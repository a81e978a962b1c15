package io.procmux.bench.serve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CPU time another process has used so far, in nanoseconds: the first field of
 * {@code /proc/PID/task/TID/schedstat} (time on a CPU, in nanoseconds, user and kernel) summed over
 * its threads. Read before and after a measurement, it gives a server's own cost per request, which
 * the load of other processes on a shared machine does not inflate the way it inflates throughput.
 * Threads that exit between two readings take their time with them (a server's threads do not).
 *
 * <p>Cost: opens and reads one small file per thread of that process; Linux only.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /**
     * The CPU nanoseconds used by the live threads of process {@code pid}.
     *
     * @throws IOException when the process is gone or {@code /proc} has no schedstat (kernel without
     *     CONFIG_SCHED_INFO); the message names the pid
     */
    static long nanos(long pid) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long total = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                total += firstField(thread.resolve("schedstat"));
            }
        } catch (NoSuchFileException e) {
            throw new IOException("No CPU time for process " + pid + ": " + e.getFile()
                    + " does not exist (process gone, or no schedstat in this kernel)", e);
        }
        return total;
    }

    private static long firstField(Path schedstat) throws IOException {
        String text;
        try {
            text = Files.readString(schedstat);
        } catch (NoSuchFileException e) {
            return 0;   // the thread exited between listing and reading
        }
        int space = text.indexOf(' ');
        try {
            return Long.parseLong(space < 0 ? text.strip() : text.substring(0, space));
        } catch (NumberFormatException e) {
            throw new IOException(schedstat + " does not start with a number of nanoseconds: '" + text.strip() + "'", e);
        }
    }
}
