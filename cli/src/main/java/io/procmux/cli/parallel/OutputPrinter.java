package io.procmux.cli.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Writes jobs' output to procmux's stdout and stderr according to the {@link OutputMode}, with
 * {@code --keep-order} (a finished job waits until every earlier job was printed) and
 * {@code --tag} (each line prefixed by the job's input and a TAB). Under {@code --keep-order},
 * line-buffered output is printed like grouped output. Runs on the run's single thread.
 *
 * <p>Cost: grouped output is held in memory until printed (every job's output under
 * {@code --keep-order} until its turn); one write per job and stream, or per line with a tag.
 */
final class OutputPrinter {
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final OutputMode mode;
    private final boolean keepOrder;
    private final boolean tag;
    private final TreeMap<Long, Job> waiting = new TreeMap<>();
    private long nextSeq = 1;

    OutputPrinter(OutputStream stdout, OutputStream stderr, OutputMode mode, boolean keepOrder, boolean tag) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.mode = mode;
        this.keepOrder = keepOrder;
        this.tag = tag;
    }

    /** Whether output chunks are printed as they arrive ({@link #chunk}) rather than when a job ends. */
    boolean streaming() {
        return mode == OutputMode.LINE && !keepOrder;
    }

    /** A chunk a running job wrote; buffered, or printed at once up to the last newline when streaming. */
    void chunk(Job job, boolean isErr, byte[] b, int len) throws IOException {
        OutputBuffer buf = isErr ? job.err : job.out;
        if (!streaming()) {
            buf.append(b, 0, len);
            return;
        }
        int lastNl = -1;
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                lastNl = i;
                break;
            }
        }
        if (lastNl < 0) {
            buf.append(b, 0, len);
            return;
        }
        OutputStream target = isErr ? stderr : stdout;
        buf.append(b, 0, lastNl + 1);
        write(job, buf, target);
        buf.clear();
        buf.append(b, lastNl + 1, len - lastNl - 1);
        target.flush();
    }

    /** A job finished for good: print what is left of it (and, under keep-order, what it held back). */
    void finished(Job job) throws IOException {
        if (!keepOrder) {
            print(job);
            return;
        }
        waiting.put(job.seq, job);
        drainInOrder();
    }

    /** Under keep-order: job {@code seq} will never finish (not started); later jobs may print. */
    void skipped(long seq) throws IOException {
        if (keepOrder) {
            waiting.put(seq, null);
            drainInOrder();
        }
    }

    /** At the end of a run: print whatever keep-order still holds, in order. */
    void flushAll() throws IOException {
        for (Job job : waiting.values()) {
            if (job != null) {
                print(job);
            }
        }
        waiting.clear();
        stdout.flush();
        stderr.flush();
    }

    private void drainInOrder() throws IOException {
        while (!waiting.isEmpty() && waiting.firstKey() == nextSeq) {
            Job job = waiting.pollFirstEntry().getValue();
            if (job != null) {
                print(job);
            }
            nextSeq++;
        }
    }

    private void print(Job job) throws IOException {
        if (job.out.size() > 0) {
            write(job, job.out, stdout);
            job.out.clear();
            stdout.flush();
        }
        if (job.err.size() > 0) {
            write(job, job.err, stderr);
            job.err.clear();
            stderr.flush();
        }
    }

    private void write(Job job, OutputBuffer buf, OutputStream target) throws IOException {
        if (!tag) {
            buf.writeTo(target);
            return;
        }
        byte[] prefix = (job.tag() + "\t").getBytes(StandardCharsets.UTF_8);
        byte[] b = buf.array();
        int start = 0;
        int size = buf.size();
        while (start < size) {
            int end = start;
            while (end < size && b[end] != '\n') {
                end++;
            }
            target.write(prefix);
            target.write(b, start, Math.min(end + 1, size) - start);
            start = end + 1;
        }
    }
}
