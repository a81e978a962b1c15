package io.procmux.bench.mux;

import io.procmux.bench.LineChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private final LineChild child;
    private final String impl;

    private CMuxWait(LineChild child, String impl) {
        this.child = child;
        this.impl = impl;
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
                Integer.toString(sliceMs), twoThreads ? "2" : "1"));
        builder.environment().put("MUX_WAIT_CLOCK", "cpu");
        LineChild child = LineChild.start(builder);
        if (!"ready".equals(child.firstLine())) {
            child.close();
            throw new IOException(impl + ": mux_wait did not start (said " + child.firstLine() + ")");
        }
        return new CMuxWait(child, impl);
    }

    @Override
    public double slice(long sliceNanos) throws IOException {
        String line = child.ask("");
        String[] words = line == null ? new String[0] : line.split(" ");
        if (words.length != 3) {
            throw new IOException(impl + ": mux_wait answered '" + line + "' instead of 'BACKEND N NS'");
        }
        return Double.parseDouble(words[2]);
    }

    @Override
    public void close() throws IOException {
        child.close();
    }
}
