package io.procmux.bench.mux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The C reference ({@code bench/c/mux_wait.c}) as one of {@link MuxCpuTime}'s implementations: a
 * child process started with {@code SAMPLES} 0 and {@code MUX_WAIT_CLOCK=cpu}, which keeps its own
 * N + 2 descriptors and takes one CPU-time sample of {@code SLICE_MS} each time it is asked, so C
 * slices alternate with the Java ones in every round. The binary's path is the system property
 * {@value #BINARY_PROPERTY}.
 *
 * <p>Cost: one child process (reaped by {@link #close()}), one pipe each way; a line each way per
 * slice.
 */
final class CMuxWait implements MuxCpuTime.Slicer {
    /** The system property naming the compiled {@code mux_wait}. */
    static final String BINARY_PROPERTY = "procmux.bench.muxWait";

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final String impl;

    private CMuxWait(Process process, String impl) {
        this.process = process;
        this.impl = impl;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = process.getOutputStream();
    }

    /**
     * Starts {@code mux_wait} for {@code impl} ({@code c-epoll}, {@code c-poll} or {@code c-select},
     * each also with {@code -mt} for a second, sleeping thread) and waits for its warm-up.
     */
    static CMuxWait start(String impl, int n, int sliceMs) throws IOException {
        String binary = System.getProperty(BINARY_PROPERTY);
        if (binary == null || !Files.isExecutable(Path.of(binary))) {
            throw new IllegalArgumentException("IMPL '" + impl + "' needs the compiled bench/c/mux_wait.c named by -D"
                    + BINARY_PROPERTY + "=PATH; got " + binary);
        }
        boolean twoThreads = impl.endsWith("-mt");
        String backend = impl.substring("c-".length(), impl.length() - (twoThreads ? "-mt".length() : 0));
        ProcessBuilder builder = new ProcessBuilder(List.of(binary, backend, Integer.toString(n), "0",
                Integer.toString(sliceMs), twoThreads ? "2" : "1")).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MUX_WAIT_CLOCK", "cpu");
        CMuxWait c = new CMuxWait(builder.start(), impl);
        try {
            String first = c.out.readLine();
            if (!"ready".equals(first)) {
                throw new IOException(impl + ": mux_wait did not start (said " + first + ")");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public double slice(long sliceNanos) throws IOException {
        in.write('\n');
        in.flush();
        String line = out.readLine();
        String[] words = line == null ? new String[0] : line.split(" ");
        if (words.length != 3) {
            throw new IOException(impl + ": mux_wait answered '" + line + "' instead of 'BACKEND N NS'");
        }
        return Double.parseDouble(words[2]);
    }

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
