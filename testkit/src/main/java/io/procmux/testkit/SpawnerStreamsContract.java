package io.procmux.testkit;

import static io.procmux.testkit.SpawnRuns.lines;
import static io.procmux.testkit.SpawnRuns.quiet;
import static io.procmux.testkit.SpawnRuns.readAll;
import static io.procmux.testkit.SpawnRuns.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Spawner conformance, part 2: the standard streams in every {@link Redirect} mode (pipes, files,
 * discard, inherit, stderr into stdout, 8 MiB without deadlock), the environment, the working
 * directory and program lookup errors ({@code ENOENT}, {@code EACCES}). Run through
 * {@link AbstractSpawnerTest}. Cost: a few dozen short-lived children.
 */
public interface SpawnerStreamsContract extends SpawnerTestContext {
    // ---- standard streams ------------------------------------------------------------------

    @Test
    default void pipesStdinToStdout() throws Exception {
        try (Child child = spawner().spawn(SpawnSpec.builder("cat").stdin(Redirect.PIPE).stdout(Redirect.PIPE).build())) {
            child.stdin().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
            child.stdin().close();
            assertThat(text(child.stdout())).isEqualTo("hello\nworld\n");
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    @Test
    default void readsStdinFromAFileAndDiscardsIt() throws Exception {
        Path in = Files.writeString(tmp().resolve("in.txt"), "from a file\n");
        assertThat(runs().capture(SpawnSpec.builder("cat").stdin(Redirect.read(in)))).isEqualTo("from a file\n");
        assertThat(runs().capture(SpawnSpec.builder("cat").stdin(Redirect.DISCARD))).isEmpty();
    }

    @Test
    default void inheritsEachStandardStream() throws Exception {
        for (int fd = 0; fd <= 2; fd++) {
            String ours = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            assertThat(runs().fdTargets(SpawnSpec.builder("sleep", "60").build()).get(fd)).as("child fd %d", fd).isEqualTo(ours);
        }
    }

    @Test
    default void writesAndAppendsStdoutAndStderrToFiles() throws Exception {
        Path out = tmp().resolve("out.txt");
        Path err = Files.writeString(tmp().resolve("err.txt"), "old\n");
        String script = "echo out; echo err >&2";
        assertThat(runs().run(SpawnSpec.builder("sh", "-c", script).stdout(Redirect.write(out)).stderr(Redirect.append(err)).build()))
                .isEqualTo(new ExitStatus.Exited(0));
        assertThat(runs().run(SpawnSpec.builder("sh", "-c", script).stdout(Redirect.append(out)).stderr(Redirect.write(err)).build()))
                .isEqualTo(new ExitStatus.Exited(0));
        assertThat(Files.readString(out)).isEqualTo("out\nout\n");
        assertThat(Files.readString(err)).isEqualTo("err\n");
        Files.writeString(out, "longer old content\n");
        runs().run(SpawnSpec.builder("sh", "-c", "echo new").stdout(Redirect.write(out)).build());
        assertThat(Files.readString(out)).as("write truncates").isEqualTo("new\n");
    }

    @Test
    default void discardsEachStandardStream() throws Exception {
        SpawnSpec spec = SpawnSpec.builder("sleep", "60").stdin(Redirect.DISCARD).stdout(Redirect.DISCARD)
                .stderr(Redirect.DISCARD).build();
        assertThat(runs().fdTargets(spec)).containsExactly("/dev/null", "/dev/null", "/dev/null");
        assertThat(runs().capture(SpawnSpec.builder("sh", "-c", "echo lost; echo kept >&2").stdout(Redirect.DISCARD)
                .stderr(Redirect.PIPE), true)).isEqualTo("kept\n");
    }

    @Test
    default void mergesStderrIntoStdout() throws Exception {
        assertThat(runs().capture(SpawnSpec.builder("sh", "-c", "echo one; echo two >&2; echo three")
                .stderr(Redirect.TO_STDOUT))).isEqualTo("one\ntwo\nthree\n");
        Path file = tmp().resolve("both.txt");
        runs().run(SpawnSpec.builder("sh", "-c", "echo one; echo two >&2").stdout(Redirect.write(file)).stderr(Redirect.TO_STDOUT).build());
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\n");
    }

    @Test
    default void refusesStreamsThatAreNotPipes() throws Exception {
        try (Child child = spawner().spawn(quiet("true"))) {
            assertThatThrownBy(child::stdin).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(child::stdout).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(child::stderr).isInstanceOf(IllegalStateException.class);
            assertThat(child.stdinFd()).isEmpty();
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    @Test
    default void carriesLargeOutputsOnBothStreamsAtOnceWithoutDeadlock() throws Exception {
        int size = 8 << 20;
        String script = "head -c " + size + " /dev/zero & head -c " + size + " /dev/zero >&2; wait";
        try (Child child = spawner().spawn(SpawnSpec.builder("sh", "-c", script).stdout(Redirect.PIPE).stderr(Redirect.PIPE).build())) {
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(child.stderr()));
            byte[] out = child.stdout().readAllBytes();
            assertThat(out.length).isEqualTo(size);
            assertThat(err.get(60, TimeUnit.SECONDS).length).isEqualTo(size);
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    @Test
    default void carriesEightMebibytesThroughCatUnchanged() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(42).nextBytes(data);
        try (Child child = spawner().spawn(SpawnSpec.builder("cat").stdin(Redirect.PIPE).stdout(Redirect.PIPE).build())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (var in = child.stdin()) {
                    in.write(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] back = child.stdout().readAllBytes();
            writer.get(60, TimeUnit.SECONDS);
            assertThat(Arrays.equals(back, data)).as("bytes read back equal bytes written").isTrue();
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    // ---- environment, directory, program lookup --------------------------------------------

    @Test
    default void setsUnsetsAndClearsEnvironmentVariables() throws Exception {
        String inherited = System.getenv().keySet().stream().filter(k -> k.matches("[A-Za-z_][A-Za-z0-9_]*"))
                .sorted().findFirst().orElseThrow();
        List<String> env = lines(runs().capture(SpawnSpec.builder("env").env("PROCMUX_TEST", "a b=c")));
        assertThat(env).contains("PROCMUX_TEST=a b=c", inherited + "=" + System.getenv(inherited));
        assertThat(lines(runs().capture(SpawnSpec.builder("env").unsetEnv(inherited))))
                .noneMatch(line -> line.startsWith(inherited + "="));
        assertThat(lines(runs().capture(SpawnSpec.builder("env").clearEnv().env("ONLY", "1").env("ALSO", ""))))
                .containsExactlyInAnyOrder("ONLY=1", "ALSO=");
    }

    @Test
    default void runsInTheGivenDirectory() throws Exception {
        Path dir = Files.createDirectory(tmp().resolve("work dir"));
        assertThat(runs().capture(SpawnSpec.builder("sh", "-c", "pwd -P").directory(dir))).isEqualTo(dir.toRealPath() + "\n");
        Path missing = tmp().resolve("missing");
        assertThatThrownBy(() -> spawner().spawn(SpawnSpec.builder("true").directory(missing).build()))
                .isInstanceOf(SpawnException.class).hasMessageContaining(missing.toString());
    }

    @Test
    default void reportsAMissingProgramAsEnoent() {
        for (String program : List.of("procmux-no-such-program", "/nonexistent/procmux-no-such-program")) {
            assertThatThrownBy(() -> spawner().spawn(program, "arg"))
                    .isInstanceOfSatisfying(SpawnException.class, e -> {
                        assertThat(e.errno()).contains("ENOENT");
                        assertThat(e.program()).isEqualTo(program);
                    })
                    .hasMessageContaining(program);
        }
    }

    @Test
    default void reportsANonExecutableFileAsEacces() throws Exception {
        Path script = Files.writeString(tmp().resolve("not-executable.sh"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> spawner().spawn(script.toString()))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("EACCES"))
                .hasMessageContaining(script.toString());
    }
}
