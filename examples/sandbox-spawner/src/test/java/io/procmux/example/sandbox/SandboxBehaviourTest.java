package io.procmux.example.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.SpawnerProvider;
import io.procmux.testkit.ProcScan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What the sandbox promises: no network, nice 10, idle I/O, limits; and how it is found. */
@EnabledOnOs(OS.LINUX)
class SandboxBehaviourTest {
    private static Spawner sandbox;

    @BeforeAll
    static void open() {
        SandboxSpawnerProvider provider = new SandboxSpawnerProvider();
        assumeTrue(provider.isAvailable(), () -> "sandbox unavailable here: "
                + provider.unavailabilityCause().map(Throwable::getMessage).orElse(""));
        sandbox = provider.create();
    }

    @AfterAll
    static void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String output(SpawnSpec.Builder spec) throws Exception {
        try (Child child = sandbox.spawn(spec.stdout(Redirect.PIPE).build())) {
            String out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor().success()).as("exit of %s", spec.build()).isTrue();
            return out;
        }
    }

    @Test
    void theCommandSeesOnlyTheLoopbackInterface() throws Exception {
        // /proc/self/net follows the process's network namespace (sysfs follows the mount's)
        String interfaces = output(SpawnSpec.builder("sh", "-c", "tail -n +3 /proc/self/net/dev | cut -d: -f1 | tr -d ' '"));
        assertThat(interfaces).isEqualTo("lo\n");
    }

    @Test
    void theCommandRunsAtNiceTenInTheIdleIoClassWithLimits() throws Exception {
        // nice(1) adds to the niceness inherited from this JVM (0 unless the build itself runs under nice)
        String expectedNice = String.valueOf(Math.min(19, ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice() + 10));
        String out = output(SpawnSpec.builder("sh", "-c", "cut -d' ' -f19 /proc/$$/stat; ionice; ulimit -n; ulimit -c"));
        assertThat(out.lines().toList()).containsExactly(expectedNice, "idle", "1024", "0");
    }

    @Test
    void aNiceValueInTheSpecWins() throws Exception {
        assertThat(output(SpawnSpec.builder("sh", "-c", "cut -d' ' -f19 /proc/$$/stat").nice(15))).isEqualTo("15\n");
    }

    @Test
    void theCommandKeepsThePidProcmuxReports() throws Exception {
        try (Child child = sandbox.spawn(SpawnSpec.builder("sh", "-c", "echo $$").stdout(Redirect.PIPE).build())) {
            String pid = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(pid).isEqualTo(Long.toString(child.pid()));
            child.waitFor();
        }
    }

    @Test
    void serviceLoaderFindsItBelowTheFirstPartySpawners() {
        List<String> names = Backends.discover(BackendKind.SPAWNER).providers().stream().map(SpawnerProvider::name).toList();
        assertThat(names).contains("sandbox", "posix");
        assertThat(Backends.select(BackendKind.SPAWNER).name()).isNotEqualTo("sandbox");
        assertThat(Backends.select(BackendKind.SPAWNER, "sandbox")).isInstanceOf(SandboxSpawnerProvider.class);
    }

    @Test
    void anEmptyArgvIsStillRefusedByTheApi() {
        assertThatThrownBy(() -> SpawnSpec.builder("true").build().withArgv(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
