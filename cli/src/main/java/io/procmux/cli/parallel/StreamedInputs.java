package io.procmux.cli.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Inputs read from stdin while the jobs run, so an endless stdin ({@code tail -f log | procmux
 * parallel ...}) starts a job per line as lines arrive. The run's multiplexer watches stdin and calls
 * {@link #readOnce()} when it is readable; each stdin input is combined with every input of the
 * other sources (stdin varies slowest, as the first source of a cross product).
 *
 * <p>Back-pressure: once {@link #capacity} inputs wait, {@link #wantsMore()} turns false and the run
 * stops watching stdin until jobs have taken some. A NUL byte in line mode ends the inputs at that
 * line: the inputs before it still run, and the run reports the error at the end.
 *
 * <p>Cost: one {@code read(2)} of up to 64 KiB per readable event; the waiting inputs in memory.
 */
final class StreamedInputs implements InputFeed {
    private static final int READ_BYTES = 64 * 1024;

    private final InputStream stdin;
    private final int fd;
    private final InputSplitter splitter;
    private final JobInputs rest;
    private final int capacity;
    private final ArrayDeque<List<String>> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[READ_BYTES];
    private boolean ended;
    private @Nullable ParallelUsageException failure;

    /**
     * @param stdin a stream whose {@code read} makes one {@code read(2)} on {@code fd} (not buffered)
     * @param rest the other sources, already read
     * @param capacity how many inputs may wait before stdin is no longer read
     */
    StreamedInputs(InputStream stdin, int fd, boolean nulSeparated, JobInputs rest, int capacity) {
        this.stdin = stdin;
        this.fd = fd;
        this.splitter = new InputSplitter(nulSeparated, "stdin");
        this.rest = rest;
        this.capacity = Math.max(1, capacity);
    }

    /** The descriptor to watch for readability. */
    int fd() {
        return fd;
    }

    /** Whether stdin should be read now: not at its end, and not too many inputs waiting. */
    boolean wantsMore() {
        return !ended && ready.size() < capacity;
    }

    /** Whether stdin reached its end (or a bad line ended the inputs). */
    boolean ended() {
        return ended;
    }

    /** The bad input that ended the inputs early, if any. */
    @Nullable ParallelUsageException failure() {
        return failure;
    }

    /** Reads what stdin has now (one read; call when it is readable) and queues the inputs it completes. */
    void readOnce() throws IOException {
        if (ended) {
            return;
        }
        int n = stdin.read(buffer, 0, buffer.length);
        try {
            if (n < 0) {
                splitter.finish(this::queue);
                ended = true;
            } else {
                splitter.feed(buffer, 0, n, this::queue);
            }
        } catch (ParallelUsageException e) {
            failure = e;
            ended = true;
        }
    }

    /** Reads stdin to its end, blocking: for a stdin the multiplexer cannot watch. */
    void readToEnd() throws IOException {
        while (!ended) {
            readOnce();
        }
    }

    private void queue(String value) {
        for (List<String> others : rest) {
            List<String> input = new ArrayList<>(others.size() + 1);
            input.add(value);
            input.addAll(others);
            ready.add(List.copyOf(input));
        }
    }

    @Override
    public boolean hasReady() {
        return !ready.isEmpty();
    }

    @Override
    public boolean exhausted() {
        return ended && ready.isEmpty();
    }

    @Override
    public List<String> next() {
        List<String> input = ready.poll();
        if (input == null) {
            throw new NoSuchElementException("no input is ready");
        }
        return input;
    }

    @Override
    public long total() {
        return UNKNOWN;
    }
}
