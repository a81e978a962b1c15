package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Small ways the spawner conformance contracts run a child and look at what it did: run to the
 * end, capture its output, read where its descriptors point, check a refusal. Cost: one child per
 * call; nothing kept.
 */
public final class SpawnRuns {
    /** How long a test waits for a child that should end promptly. */
    public static final Duration LONG = Duration.ofSeconds(60);

    private final Spawner spawner;

    /** Helpers that spawn through {@code spawner}. */
    public SpawnRuns(Spawner spawner) {
        this.spawner = spawner;
    }

    /** A spec with stdin and stdout discarded, stderr inherited. */
    public static SpawnSpec quiet(String... argv) {
        return SpawnSpec.builder(argv).stdin(Redirect.DISCARD).stdout(Redirect.DISCARD).build();
    }

    /** Runs {@link #quiet(String...)} {@code argv} to its end. */
    public ExitStatus run(String... argv) throws Exception {
        return run(quiet(argv));
    }

    /** Runs {@code spec} to its end; fails when it outlives {@link #LONG}. */
    public ExitStatus run(SpawnSpec spec) throws Exception {
        try (Child child = spawner.spawn(spec)) {
            return child.waitFor(LONG).orElseThrow(() -> new AssertionError(spec + " still runs after " + LONG));
        }
    }

    /** Runs to completion (exit 0 required) and returns stdout. */
    public String capture(SpawnSpec.Builder b) throws Exception {
        return capture(b.stdout(Redirect.PIPE), false);
    }

    /** Runs to completion (exit 0 required) and returns stdout, or stderr when {@code fromStderr}. */
    public String capture(SpawnSpec.Builder b, boolean fromStderr) throws Exception {
        try (Child child = spawner.spawn(b.build())) {
            String text = text(fromStderr ? child.stderr() : child.stdout());
            assertThat(child.waitFor()).as("exit of %s", b.build()).isEqualTo(new ExitStatus.Exited(0));
            return text;
        }
    }

    /** Where fds 0, 1 and 2 of a child started from {@code spec} (a long sleep) point, read from this side. */
    public List<String> fdTargets(SpawnSpec spec) throws Exception {
        try (Child child = spawner.spawn(spec)) {
            List<String> targets = new ArrayList<>();
            for (int fd = 0; fd <= 2; fd++) {
                targets.add(Files.readSymbolicLink(Path.of("/proc/" + child.pid() + "/fd/" + fd)).toString());
            }
            child.terminate(LONG);
            return targets;
        }
    }

    /** The nice value a sleeping child started with {@code nice} shows in {@code /proc}. */
    public int niceOfChild(int nice) throws Exception {
        try (Child child = spawner.spawn(quiet("sleep", "60").toBuilder().nice(nice).build())) {
            int seen = ProcScan.stat(child.pid()).orElseThrow().nice();
            child.terminate(LONG);
            return seen;
        }
    }

    /** {@code spec} is refused with an {@link UnsupportedOperationException} naming {@code option} and {@code posix}. */
    public void assertRefused(SpawnSpec spec, String option) {
        assertThatThrownBy(() -> spawner.spawn(spec)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(option).hasMessageContaining("posix");
    }

    /** The whole stream as UTF-8. */
    public static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The whole stream, with I/O errors unchecked (for use in lambdas). */
    public static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code text}; none for empty text. */
    public static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
