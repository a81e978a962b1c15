package io.procmux.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnSpecTest {
    @Test
    void defaultsInheritEverything() {
        SpawnSpec spec = SpawnSpec.of("ls", "-l");
        assertThat(spec.argv()).containsExactly("ls", "-l");
        assertThat(spec.program()).isEqualTo("ls");
        assertThat(spec.environment()).isEqualTo(EnvironmentSpec.INHERITED);
        assertThat(spec.stdin()).isEqualTo(Redirect.INHERIT);
        assertThat(spec.directory()).isEmpty();
        assertThat(spec.nice()).isEmpty();
        assertThat(spec.processGroup()).isEqualTo(ProcessGroupMode.INHERIT);
        assertThat(spec.inheritedFds()).isEmpty();
    }

    @Test
    void builderCarriesEveryOptionAndToBuilderRoundTrips() {
        SpawnSpec spec = SpawnSpec.builder("prog").env("A", "1").unsetEnv("HOME").directory(Path.of("/tmp"))
                .stdin(Redirect.read(Path.of("/in"))).stdout(Redirect.PIPE).stderr(Redirect.TO_STDOUT)
                .inheritFd(3, 7).processGroup(ProcessGroupMode.NEW_SESSION).nice(5)
                .parentDeathSignal(Signal.KILL).build();
        SpawnSpec copy = spec.toBuilder().build();
        for (SpawnSpec s : new SpawnSpec[] {spec, copy}) {
            assertThat(s.environment().set()).containsEntry("A", "1");
            assertThat(s.environment().remove()).containsExactly("HOME");
            assertThat(s.directory()).contains(Path.of("/tmp"));
            assertThat(s.stdin()).isEqualTo(new Redirect.ReadFile(Path.of("/in")));
            assertThat(s.stderr()).isEqualTo(Redirect.TO_STDOUT);
            assertThat(s.inheritedFds()).containsEntry(3, 7);
            assertThat(s.nice()).hasValue(5);
            assertThat(s.parentDeathSignal()).contains(Signal.KILL);
            assertThat(s.processGroup()).isEqualTo(ProcessGroupMode.NEW_SESSION);
        }
    }

    @Test
    void refusesMalformedSpecsNamingTheOption() {
        assertThatThrownBy(() -> SpawnSpec.of()).hasMessage("argv must start with a non-empty program name");
        assertThatThrownBy(() -> SpawnSpec.of("a", "b\0c")).hasMessage("argv[1] contains a NUL character");
        assertThatThrownBy(() -> SpawnSpec.builder("a").nice(20).build()).hasMessage("nice 20 is outside -20..19");
        assertThatThrownBy(() -> SpawnSpec.builder("a").inheritFd(1, 5).build())
                .hasMessageStartingWith("Child descriptor 1 is a standard stream");
        assertThatThrownBy(() -> SpawnSpec.builder("a").stdin(Redirect.TO_STDOUT).build())
                .hasMessageStartingWith("stdin cannot be");
        assertThatThrownBy(() -> SpawnSpec.builder("a").stdout(Redirect.read(Path.of("/x"))).build())
                .hasMessageStartingWith("stdout cannot be");
        assertThatThrownBy(() -> SpawnSpec.builder("a").parentDeathSignal(Signal.HUP).build())
                .hasMessage("parentDeathSignal must be TERM or KILL, not HUP");
        assertThatThrownBy(() -> SpawnSpec.builder("a").env("A=B", "x").build())
                .hasMessageStartingWith("Invalid environment variable name 'A=B'");
    }

    @Test
    void environmentResolvesInheritRemoveSet() {
        var parent = Map.of("HOME", "/root", "PATH", "/bin", "LANG", "C");
        var spec = SpawnSpec.builder("x").env("LANG", "en").unsetEnv("HOME").build();
        assertThat(spec.environment().resolve(parent)).containsExactlyInAnyOrderEntriesOf(
                Map.of("PATH", "/bin", "LANG", "en"));
        var cleared = SpawnSpec.builder("x").clearEnv().env("ONLY", "1").build();
        assertThat(cleared.environment().resolve(parent)).containsExactlyEntriesOf(Map.of("ONLY", "1"));
    }
}
