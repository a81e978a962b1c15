package io.procmux.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private copy of the packaged CLI folder ({@code procmux.jar} beside {@code lib/}) that a test
 * may change (remove a jar, add a plugin) and run as a real JVM process.
 */
final class Distribution {
    private final Path home;

    private Distribution(Path home) {
        this.home = home;
    }

    /** Copies the built distribution into {@code dir}. */
    static Distribution copyInto(Path dir) throws IOException {
        Path source = Path.of(System.getProperty("procmux.dist", "../cli/target/procmux")).toAbsolutePath();
        if (!Files.isRegularFile(source.resolve("procmux.jar"))) {
            throw new IllegalStateException("No CLI distribution at " + source + "; build the cli module first");
        }
        Files.createDirectories(dir.resolve("lib"));
        Files.copy(source.resolve("procmux.jar"), dir.resolve("procmux.jar"));
        try (Stream<Path> jars = Files.list(source.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(jar, dir.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return new Distribution(dir);
    }

    /** Deletes {@code lib/<name>}, failing if it was not there. */
    Distribution remove(String jarName) throws IOException {
        Files.delete(home.resolve("lib").resolve(jarName));
        return this;
    }

    /**
     * Runs {@code java [jvmOptions] -cp procmux.jar[:extra] io.procmux.cli.Main args} and waits.
     */
    Result run(List<String> jvmOptions, List<Path> extraClasspath, String... args) throws IOException, InterruptedException {
        return runMain("io.procmux.cli.Main", jvmOptions, extraClasspath, args);
    }

    /** Runs {@code mainClass} on this distribution's classpath (plus {@code extraClasspath}) and waits. */
    Result runMain(String mainClass, List<String> jvmOptions, List<Path> extraClasspath, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        StringBuilder cp = new StringBuilder(home.resolve("procmux.jar").toString());
        extraClasspath.forEach(p -> cp.append(':').append(p));
        command.add("-cp");
        command.add(cp.toString());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PROCMUX_"));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("procmux did not finish in 120 s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@link #run(List, List, String...)} with no extra JVM options or classpath. */
    Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), List.of(), args);
    }

    /**
     * The exit status and output of one run.
     *
     * @param status exit status
     * @param out standard output
     * @param err standard error
     */
    record Result(int status, String out, String err) {

        /** From {@code backends --json} output: the name chosen for a kind, or null when none. */
        String chosen(String kind) {
            Matcher m = Pattern.compile("\\{\"kind\":\"" + kind + "\",\"chosen\":(null|\"([a-z0-9-]+)\")").matcher(out);
            if (!m.find()) {
                throw new AssertionError("no kind " + kind + " in: " + out + err);
            }
            return m.group(2);
        }

        /** From {@code backends --json} output: the selection error of a kind, or null. */
        String error(String kind) {
            Matcher m = Pattern.compile("\\{\"kind\":\"" + kind + "\",[^{]*?\"error\":(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(out);
            if (!m.find()) {
                throw new AssertionError("no kind " + kind + " in: " + out + err);
            }
            return m.group(2);
        }

        /** From {@code backends --json} output: the names listed for a kind. */
        List<String> names(String kind) {
            int start = out.indexOf("{\"kind\":\"" + kind + "\"");
            int end = out.indexOf("{\"kind\":", start + 1);
            String section = out.substring(start, end < 0 ? out.length() : end);
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{\"name\":\"([a-z0-9-]+)\"").matcher(section);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
