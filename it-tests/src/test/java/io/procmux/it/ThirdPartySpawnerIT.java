package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.testkit.ProcScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise for extending procmux, kept by the example backend in
 * {@code examples/sandbox-spawner} (one provider class plus the spawner it creates, built against
 * procmux-api only): its jar on the classpath of the unchanged CLI adds spawner {@code sandbox},
 * which is listed, never chosen unless named, and runs commands when named.
 */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class ThirdPartySpawnerIT {
    private static Path plugin;

    @TempDir
    Path dir;

    @BeforeAll
    static void findThePlugin() {
        plugin = Path.of(System.getProperty("procmux.example.sandbox.jar", "../examples/sandbox-spawner/target/"
                + "procmux-example-sandbox-spawner-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(plugin).as("the example plugin jar (build examples/sandbox-spawner first)").isRegularFile();
    }

    @Test
    void backendsListsTheExampleSpawnerBelowTheFirstPartyOnes() throws Exception {
        var r = Distribution.copyInto(dir).run(List.of(), List.of(plugin), "backends", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.names("spawner")).containsExactly("posix", "jvm", "sandbox");
        assertThat(r.chosen("spawner")).isEqualTo("posix");
    }

    @Test
    void runWithTheExampleSpawnerIsolatesTheCommand() throws Exception {
        var r = Distribution.copyInto(dir).run(List.of(), List.of(plugin), "--spawner", "sandbox", "run", "--",
                "sh", "-c", "tail -n +3 /proc/self/net/dev | cut -d: -f1 | tr -d ' '; cut -d' ' -f19 /proc/$$/stat; exit 3");
        assertThat(r.err()).isEmpty();
        // nice(1) adds 10 to the niceness this JVM passes on (0 unless the build runs under nice)
        String expectedNice = String.valueOf(Math.min(19, ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice() + 10));
        assertThat(r.out().lines().toList()).containsExactly("lo", expectedNice);
        assertThat(r.status()).as("the command's own status comes through the wrappers").isEqualTo(3);
    }

    @Test
    void withoutTheJarNamingItSaysWhatExists() throws Exception {
        var r = Distribution.copyInto(dir).run("--spawner", "sandbox", "run", "--", "true");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("No spawner 'sandbox'. Available: [jvm, posix]");
        assertThat(Files.exists(dir.resolve("lib/procmux-example-sandbox-spawner.jar"))).isFalse();
    }
}
