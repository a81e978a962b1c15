package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers' class-data archive: when it is off and why, and a real pool training then mapping it. */
class WorkerArchiveTest {

    @BeforeAll
    static void optIn() {
        System.setProperty(WorkerArchive.PROPERTY, "true");
    }

    @AfterAll
    static void optOut() {
        System.clearProperty(WorkerArchive.PROPERTY);
    }

    @Test
    void isOffUnlessAskedFor(@TempDir Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
        System.clearProperty(WorkerArchive.PROPERTY);
        try {
            WorkerArchive a = WorkerArchive.forWorkers(List.of(), jar.toString());
            assertThat(a.path()).isEmpty();
            assertThat(a.reason()).contains(WorkerArchive.PROPERTY + "=true");
        } finally {
            System.setProperty(WorkerArchive.PROPERTY, "true");
        }
    }

    @Test
    void isOffForAClassPathWithADirectory(@TempDir Path dir) {
        WorkerArchive a = WorkerArchive.forWorkers(List.of(), dir.toString());
        assertThat(a.path()).isEmpty();
        assertThat(a.reason()).contains("directory").contains(dir.toString());
        assertThat(a.optionsForNextWorker()).isEmpty();
    }

    @Test
    void isOffWhenTheJvmOptionsChooseCds(@TempDir Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
        WorkerArchive a = WorkerArchive.forWorkers(List.of("-Xshare:off"), jar.toString());
        assertThat(a.path()).isEmpty();
        assertThat(a.reason()).contains("-Xshare:off");
    }

    @Test
    void namesTheArchiveAfterTheJarsSizesAndTimes(@TempDir Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
        String before = WorkerArchive.forWorkers(List.of(), jar.toString()).path().orElseThrow().getFileName().toString();
        assertThat(WorkerArchive.forWorkers(List.of(), jar.toString()).path().orElseThrow().getFileName().toString())
                .isEqualTo(before);
        Files.write(jar, new byte[] {1, 2});
        assertThat(WorkerArchive.forWorkers(List.of(), jar.toString()).path().orElseThrow().getFileName().toString())
                .as("a changed jar gets a new archive").isNotEqualTo(before).startsWith("worker-").endsWith(".jsa");
    }

    /**
     * Two host JVMs on a class path of jars: the first pool's worker writes the archive when the
     * pool closes, the second pool's worker maps it; no training file is left behind.
     */
    @Test
    @Tag("linux")
    void theFirstPoolTrainsTheArchiveAndTheNextMapsIt(@TempDir Path dir) throws Exception {
        String classPath = jarredClassPath(dir.resolve("jars"));
        Path cache = Files.createDirectory(dir.resolve("cache"));
        assertThat(host(classPath, cache)).isEqualTo("not mapped");
        List<String> files = list(cache);
        assertThat(files).as("the archive, and no training file").hasSize(1).allMatch(f -> f.matches("worker-[0-9a-f]{20}\\.jsa"));
        assertThat(host(classPath, cache)).isEqualTo("mapped");
        assertThat(list(cache)).isEqualTo(files);
    }

    private static String host(String classPath, Path cache) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.io=ALL-UNNAMED", "-D" + WorkerArchive.DIRECTORY_PROPERTY + "=" + cache,
                "-D" + WorkerArchive.PROPERTY + "=true",
                "-cp", classPath, ArchiveHostMain.class.getName(), "worker-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("host exit, printed '%s'", out).isZero();
        return out;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** This JVM's class path with every directory packed into a jar (JDK 17 archives jars only). */
    private static String jarredClassPath(Path into) throws IOException {
        Files.createDirectories(into);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path jar = into.resolve("dir" + n++ + ".jar");
                jar(p, jar);
                out.add(jar.toString());
            } else if (Files.isRegularFile(p)) {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                try (var in = Files.newInputStream(f)) {
                    in.transferTo((OutputStream) out);
                }
                out.closeEntry();
            }
        }
    }
}
