package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.it.plugin.SecondSelectProvider;
import java.net.URISyntaxException;
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
 * The same user program ({@link Scenario}) run unchanged on deliberately composed classpaths made
 * from the packaged CLI folder: what it gets depends only on which jars are present.
 */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class ClasspathScenarioIT {
    private static final String CHILD_LINE = "child out err 3";

    @TempDir
    Path dir;

    private static Path scenarioClasses() throws URISyntaxException {
        return Path.of(Scenario.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private Distribution.Result run(Distribution d, List<String> jvmOptions, Path... extra) throws Exception {
        List<Path> cp = new java.util.ArrayList<>(List.of(extra));
        cp.add(0, scenarioClasses());
        // the scenario registers a JDK pipe, whose descriptor number the JDK keeps private
        List<String> options = new java.util.ArrayList<>(List.of("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"));
        options.addAll(jvmOptions);
        return d.runMain(Scenario.class.getName(), options, cp);
    }

    @Test
    void everyModulePresentGivesPosixEpollUnixAndStruct() throws Exception {
        var r = run(Distribution.copyInto(dir), List.of());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("spawner=posix", "mux=epoll", "ipc=unix", "codec=struct",
                CHILD_LINE, "ready pipe socket", "struct 010000000200");
    }

    @Test
    void withoutTheEpollJarTheSameProgramRunsOnPollAndSaysWhy() throws Exception {
        var r = run(Distribution.copyInto(dir).remove("procmux-mux-epoll.jar"), List.of());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("mux=poll\n", CHILD_LINE, "ready pipe socket");
        assertThat(r.err()).contains("multiplexer 'poll' chosen; not on the classpath: epoll (io.procmux:procmux-mux-epoll)");
    }

    @Test
    void withOnlySpawnJvmAndMuxSelectItRunsOnJvmAndPoll() throws Exception {
        Distribution d = Distribution.copyInto(dir);
        for (String jar : List.of("procmux-spawn-posix.jar", "procmux-mux-epoll.jar", "procmux-ipc-unix.jar",
                "procmux-codec-struct.jar", "procmux-pool.jar")) {
            d.remove(jar);
        }
        var r = run(d, List.of());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("spawner=jvm\n", "mux=poll\n", CHILD_LINE, "ready pipe\n")
                .containsPattern("ipc=none: .*procmux-ipc-unix").containsPattern("codec=none: .*procmux-codec-struct");
    }

    @Test
    void withNoMultiplexerTheErrorNamesTheArtifactsToAdd() throws Exception {
        Distribution d = Distribution.copyInto(dir).remove("procmux-mux-epoll.jar").remove("procmux-mux-select.jar");
        var r = run(d, List.of());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("spawner=posix", CHILD_LINE)
                .containsPattern("mux=none: .*io\\.procmux:procmux-mux-epoll.*")
                .containsPattern("mux=none: .*io\\.procmux:procmux-mux-select.*");
    }

    @Test
    void theKillSwitchLeavesTheJvmSpawnerAndSaysWhyTheMultiplexersAreOff() throws Exception {
        var r = run(Distribution.copyInto(dir), List.of("-Dprocmux.noNative=true"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("spawner=jvm\n", CHILD_LINE, "codec=struct").containsPattern("mux=none: .*noNative");
    }

    @Test
    void twoProvidersWithOneNameAreBothRefusedNamingBoth() throws Exception {
        Path plugin = dir.resolve("name-clash-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plugin))) {
            out.putNextEntry(new JarEntry("META-INF/services/io.procmux.spi.MultiplexerProvider"));
            out.write((SecondSelectProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Distribution d = Distribution.copyInto(dir.resolve("dist")).remove("procmux-mux-epoll.jar");
        var r = run(d, List.of("-Dprocmux.mux=select"), plugin);
        assertThat(r.out()).as(r.err()).containsPattern("mux=none: .*select.*")
                .contains(SecondSelectProvider.class.getName(), "procmux-mux-select.jar", "neither is used");
    }
}
