package io.procmux.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload the {@code ./procmux} launcher runs once under {@code -XX:ArchiveClassesAtExit}
 * to make its class-data-sharing archive: the common commands in one JVM, so the archive holds
 * the classes of {@code run}, {@code parallel}, {@code backends}, {@code doctor}, {@code ps} and
 * {@code struct},
 * not only those of one command. Output is discarded; it spawns a few short commands.
 * Not a user command: the launcher calls it by class name.
 */
public final class CdsTraining {
    /** The command lines the training runs, in order. */
    static final List<List<String>> COMMAND_LINES = List.of(
            List.of("--version"),
            List.of("backends"),
            List.of("doctor"),
            List.of("run", "--", "true"),
            List.of("parallel", "-j", "2", "true", ":::", "a", "b"),
            List.of("ps"),
            List.of("tree", "1"),
            List.of("struct", "pack", "<iHd", "1", "2", "3.5"),
            List.of("--help"));

    private CdsTraining() {
    }

    /** Runs the training command lines; exits 0 even if one fails (the archive is still useful). */
    public static void main(String[] args) {
        train();
        System.exit(0);
    }

    /** Runs every training command line with its output discarded; returns their exit statuses. */
    static List<Integer> train() {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true);
        List<Integer> statuses = new ArrayList<>();
        for (List<String> commandLine : COMMAND_LINES) {
            statuses.add(Main.run(commandLine.toArray(String[]::new), discard, discard));
        }
        return statuses;
    }
}
