package io.procmux.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A child process the side-by-side runners talk to one line at a time: it announces itself with a
 * first line once set up, then answers each request line with one line of words (a CPU-time sample).
 * The C and CPython references of the interleaved tables run this way, so their slices alternate
 * with the Java ones in every round.
 *
 * <p>Cost: the child process (reaped by {@link #close()}), one pipe each way; a line each way per
 * request.
 */
public final class LineChild implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final @Nullable String firstLine;

    private LineChild(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = process.getOutputStream();
        this.firstLine = out.readLine();
    }

    /**
     * Starts {@code builder} (its standard error inherited) and waits for the child's first line;
     * if reading it fails, the child is killed and its pipes closed.
     */
    public static LineChild start(ProcessBuilder builder) throws IOException {
        Process p = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new LineChild(p);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            p.getOutputStream().close();
            p.getInputStream().close();
            throw e;
        }
    }

    /** The line the child announced itself with, or null when it ended first. */
    public @Nullable String firstLine() {
        return firstLine;
    }

    /** Sends {@code request} as one line and returns the one-line answer, or null when the child ended instead. */
    public @Nullable String ask(String request) throws IOException {
        in.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
        return out.readLine();
    }

    /** Closes the child's input, which ends it, and reaps it (killing it after 10 s). */
    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            out.close();
        }
    }
}
