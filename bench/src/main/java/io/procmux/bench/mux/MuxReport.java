package io.procmux.bench.mux;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the markdown tables of {@code bench/run mux} from its measurements:
 *
 * <pre>java -cp benchmarks.jar io.procmux.bench.mux.MuxReport FILE...</pre>
 *
 * where each {@code *.json} FILE is JMH output ({@code -rf json}) of {@link MuxWaitBenchmark} or
 * {@link NioWaitBenchmark} and any other FILE holds {@code bench/c/mux_wait} lines. Samples of the
 * same implementation and N are pooled across files. Exit status 2 with a message on bad input.
 *
 * <p>Cost: reads the files once; prints a few kilobytes.
 */
public final class MuxReport {
    private MuxReport() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Does the work of {@link #main}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: MuxReport FILE...  (JMH *.json files and bench/c/mux_wait output)");
            return 2;
        }
        SampleReader reader = new SampleReader();
        for (String arg : args) {
            Path file = Path.of(arg);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (arg.endsWith(".json")) {
                    reader.addJmh(text);
                } else {
                    reader.addC(text);
                }
            } catch (IOException e) {
                err.println("MuxReport: cannot read " + file + ": " + e);
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("MuxReport: " + file + ": " + e.getMessage());
                return 2;
            }
        }
        MuxTables tables;
        try {
            tables = new MuxTables(reader.series());
        } catch (IllegalArgumentException e) {
            err.println("MuxReport: " + e.getMessage());
            return 2;
        }
        out.print(tables.waits());
        out.println();
        out.print(tables.ratios());
        out.println();
        if (tables.over().isEmpty()) {
            out.println("On this elapsed view every ratio is within its target. The verdicts are the paired CPU-time"
                    + " table's below.");
        } else {
            out.println("On this elapsed view (separate processes, seconds to minutes apart) these ratios are over their"
                    + " target; the verdicts are the paired CPU-time table's below, where C and Java share each round:");
            for (String line : tables.over()) {
                out.println("- " + line);
            }
        }
        return 0;
    }
}
