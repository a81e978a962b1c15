package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged CLI as a user would, with its {@code lib/} folder changed: a backend jar
 * removed, a broken plugin added, the native kill switch set. Each change must show in what
 * {@code procmux backends} finds and chooses.
 */
class ClasspathCompositionIT {

    @TempDir
    Path dir;

    @Test
    void theFullDistributionListsEveryFirstPartyBackend() throws Exception {
        var r = Distribution.copyInto(dir).run("backends", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.names("spawner")).containsExactly("posix", "jvm");
        assertThat(r.names("mux")).containsExactly("epoll", "poll", "select");
        assertThat(r.names("codec")).containsExactly("struct");
        assertThat(r.names("proc")).containsExactly("procfs", "jvm");
        assertThat(r.names("ipc")).containsExactly("unix");
        assertThat(r.names("pool")).containsExactly("local", "hazelcast");
    }

    @Test
    @Tag("linux")
    @EnabledOnOs(OS.LINUX)
    void removingTheEpollJarChangesTheMultiplexerFromEpollToPoll() throws Exception {
        var full = Distribution.copyInto(dir).run("backends", "--json");
        assertThat(full.chosen("mux")).isEqualTo("epoll");
        var r = Distribution.copyInto(dir.resolve("without-epoll")).remove("procmux-mux-epoll.jar")
                .run("backends", "--json", "--verbose");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.names("mux")).containsExactly("poll", "select");
        assertThat(r.chosen("mux")).isEqualTo("poll");
        assertThat(r.err()).contains("INFO procmux: multiplexer 'poll' chosen; not on the classpath: epoll (io.procmux:procmux-mux-epoll)");
    }

    @Test
    void withOnlySpawnJvmAndMuxSelectTheJvmSpawnerAndPollAreChosen() throws Exception {
        Distribution d = Distribution.copyInto(dir);
        for (String jar : List.of("procmux-spawn-posix.jar", "procmux-mux-epoll.jar", "procmux-ipc-unix.jar",
                "procmux-codec-struct.jar", "procmux-pool.jar")) {
            d.remove(jar);
        }
        var r = d.run("backends", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.chosen("spawner")).isEqualTo("jvm");
        assertThat(r.chosen("mux")).isEqualTo("poll");
        assertThat(r.chosen("proc")).isEqualTo("jvm");
    }

    @Test
    @Tag("linux")
    @EnabledOnOs(OS.LINUX)
    void removingTheSpawnPosixJarChangesTheProcessTableFromProcfsToJvm() throws Exception {
        var full = Distribution.copyInto(dir).run("backends", "--json");
        assertThat(full.chosen("proc")).isEqualTo("procfs");
        var without = Distribution.copyInto(dir.resolve("without-posix")).remove("procmux-spawn-posix.jar")
                .run("backends", "--json");
        assertThat(without.status()).as(without.err()).isZero();
        assertThat(without.names("proc")).containsExactly("jvm");
        assertThat(without.chosen("proc")).isEqualTo("jvm");
    }

    @Test
    @Tag("linux")
    @EnabledOnOs(OS.LINUX)
    void psRunsOnWhicheverProcessTableIsLeft() throws Exception {
        var r = Distribution.copyInto(dir).remove("procmux-spawn-posix.jar").run("ps");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("    PID    PPID STAT  NI       RSS CMD");
        assertThat(r.out()).containsPattern("(?m)^ +" + ProcessHandle.current().pid() + " +\\d+ +- +- +- +\\S*java");
    }

    @Test
    void removingEveryMultiplexerJarNamesTheArtifactsToAdd() throws Exception {
        var r = Distribution.copyInto(dir).remove("procmux-mux-epoll.jar").remove("procmux-mux-select.jar")
                .run("backends", "--json");
        assertThat(r.names("mux")).isEmpty();
        assertThat(r.chosen("mux")).isNull();
        assertThat(r.error("mux")).isEqualTo(
                "No multiplexer on the classpath. Add one of: io.procmux:procmux-mux-epoll, io.procmux:procmux-mux-select.");
    }

    @Test
    void namingABackendWhoseJarWasRemovedSaysWhichArtifactToAdd() throws Exception {
        var r = Distribution.copyInto(dir).remove("procmux-mux-epoll.jar").run("backends", "--mux", "epoll");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(
                "procmux: No multiplexer 'epoll'. Available: [poll, select]. Add io.procmux:procmux-mux-epoll to the classpath.");
    }

    @Test
    void theKillSwitchTurnsEveryNativeBackendOffAndSaysWhy() throws Exception {
        var r = Distribution.copyInto(dir).run(List.of("-Dprocmux.noNative=true"), List.of(), "backends", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("{\"name\":\"epoll\",\"priority\":100,\"native\":true,\"available\":false,"
                + "\"cause\":\"native backends are disabled by -Dprocmux.noNative=true\"");
        assertThat(r.chosen("mux")).isNull();
        assertThat(r.error("mux")).isEqualTo("No multiplexer is available here: "
                + "epoll: native backends are disabled by -Dprocmux.noNative=true; "
                + "poll: native backends are disabled by -Dprocmux.noNative=true; "
                + "select: native backends are disabled by -Dprocmux.noNative=true");
        assertThat(r.chosen("spawner")).isEqualTo("jvm");
        assertThat(r.chosen("ipc")).isNull();
    }

    @Test
    void runWorksThroughWhicheverSpawnerIsLeft() throws Exception {
        var r = Distribution.copyInto(dir).remove("procmux-spawn-posix.jar").run("run", "--", "sh", "-c", "exit 7");
        assertThat(r.status()).as(r.err()).isEqualTo(7);
        var killed = Distribution.copyInto(dir.resolve("posix")).run("run", "--", "sh", "-c", "kill -KILL $$");
        assertThat(killed.status()).isEqualTo(137);
        assertThat(killed.err()).isEqualTo("killed by SIGKILL\n");
    }

    @Test
    void aBrokenPluginIsReportedAndEveryOtherBackendStillLoads(@TempDir Path plugins) throws Exception {
        Path jar = plugins.resolve("broken-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/io.procmux.spi.MultiplexerProvider"));
            out.write("com.example.MissingMultiplexerProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        var r = Distribution.copyInto(dir).run(List.of(), List.of(jar), "backends", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.names("mux")).containsExactly("epoll", "poll", "select");
        assertThat(r.out()).contains("a multiplexer provider failed to load and was skipped: "
                + "io.procmux.spi.MultiplexerProvider: Provider com.example.MissingMultiplexerProvider not found");
        assertThat(r.err()).contains("WARNING procmux: a multiplexer provider failed to load and was skipped");
    }

    @Test
    void theVersionRunsWithoutAnyBackendJar() throws Exception {
        Distribution d = Distribution.copyInto(dir);
        for (String jar : List.of("procmux-spawn-posix.jar", "procmux-spawn-jvm.jar", "procmux-mux-epoll.jar",
                "procmux-mux-select.jar", "procmux-ipc-unix.jar", "procmux-codec-struct.jar", "procmux-pool.jar")) {
            d.remove(jar);
        }
        var r = d.run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("procmux ");
    }

}
