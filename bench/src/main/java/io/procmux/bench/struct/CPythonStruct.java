package io.procmux.bench.struct;

import io.procmux.bench.LineChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPython's {@code struct} as one side of {@link StructCpuTime}: a {@code python3
 * bench/python/struct_bench.py} child process that, asked for a case and a slice length, runs that
 * case for that much of its own CPU time and answers with CPU nanoseconds per call; so CPython's
 * slices alternate with the Java ones in every round. The script's path is the system property
 * {@value #SCRIPT_PROPERTY}.
 *
 * <p>Cost: one child process (reaped by {@link #close()}), one pipe each way; a line each way per
 * slice.
 */
final class CPythonStruct implements AutoCloseable {
    /** The system property naming {@code bench/python/struct_bench.py}. */
    static final String SCRIPT_PROPERTY = "procmux.bench.structPython";

    private final LineChild child;
    private final String version;

    private CPythonStruct(LineChild child, String version) {
        this.child = child;
        this.version = version;
    }

    /** Starts the script named by {@value #SCRIPT_PROPERTY} with {@code python3} and waits for its set-up. */
    static CPythonStruct start() throws IOException {
        String script = System.getProperty(SCRIPT_PROPERTY);
        if (script == null || !Files.isRegularFile(Path.of(script))) {
            throw new IllegalArgumentException("The CPython OPs need bench/python/struct_bench.py named by -D"
                    + SCRIPT_PROPERTY + "=PATH; got " + script);
        }
        LineChild child = LineChild.start(new ProcessBuilder(List.of("python3", script)));
        String first = child.firstLine();
        if (first == null || !first.startsWith("ready ")) {
            child.close();
            throw new IOException("struct_bench.py did not start (said " + first + ")");
        }
        return new CPythonStruct(child, first.substring("ready ".length()));
    }

    /** The CPython version the child runs, as {@code platform.python_version()} gives it. */
    String version() {
        return version;
    }

    /** One sample: CPU nanoseconds per call of {@code pythonCase} over about {@code sliceMs} ms. */
    double sample(String pythonCase, long sliceMs) throws IOException {
        String line = child.ask(pythonCase + " " + sliceMs);
        String[] words = line == null ? new String[0] : line.split(" ");
        if (words.length != 2 || !words[0].equals(pythonCase)) {
            throw new IOException("struct_bench.py answered '" + line + "' instead of '" + pythonCase + " NS'");
        }
        return Double.parseDouble(words[1]);
    }

    @Override
    public void close() throws IOException {
        child.close();
    }
}
