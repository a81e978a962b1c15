package io.procmux.bench.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final String USAGE = "X posix|pb COUNT [WARMUP]";

    @Test
    void countsAndChoicesAreParsedWithDefaults() {
        Args a = new Args(USAGE, new String[] {"pb", "5"}, 2, 3);
        assertThat(a.choice(0, "backend", List.of("posix", "pb"))).isEqualTo("pb");
        assertThat(a.count(1, "COUNT", 1, 0)).isEqualTo(5);
        assertThat(a.count(2, "WARMUP", 0, 42)).isEqualTo(42);
    }

    @Test
    void mistakesNameTheArgumentAndRepeatTheUsage() {
        assertThatThrownBy(() -> new Args(USAGE, new String[] {"pb"}, 2, 3))
                .hasMessage("expected 2 to 3 arguments, got 1; usage: " + USAGE);
        Args a = new Args(USAGE, new String[] {"fork", "many", "-1"}, 2, 3);
        assertThatThrownBy(() -> a.choice(0, "backend", List.of("posix", "pb")))
                .hasMessage("backend must be one of [posix, pb], not 'fork'; usage: " + USAGE);
        assertThatThrownBy(() -> a.count(1, "COUNT", 1, 0)).hasMessage("COUNT must be an integer, not 'many'; usage: " + USAGE);
        assertThatThrownBy(() -> a.count(2, "WARMUP", 0, 0)).hasMessage("WARMUP must be at least 0, not -1; usage: " + USAGE);
    }

    @Test
    void listsOfChoicesAreCheckedElementByElement() {
        List<String> allowed = List.of("posix", "pb", "jnr");
        assertThat(new Args(USAGE, new String[] {"posix,jnr"}, 1, 1).choices(0, "backend", allowed)).containsExactly("posix", "jnr");
        assertThatThrownBy(() -> new Args(USAGE, new String[] {"posix,fork"}, 1, 1).choices(0, "backend", allowed))
                .hasMessage("backend must be one of [posix, pb, jnr], not 'fork'; usage: " + USAGE);
        assertThatThrownBy(() -> new Args(USAGE, new String[] {"posix,"}, 1, 1).choices(0, "backend", allowed))
                .hasMessage("backend must be one of [posix, pb, jnr], not ''; usage: " + USAGE);
        assertThatThrownBy(() -> new Args(USAGE, new String[] {"pb,pb"}, 1, 1).choices(0, "backend", allowed))
                .hasMessage("backend 'pb' is given twice; usage: " + USAGE);
    }

    @Test
    void unknownLauncherNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Launcher.named("fork")).hasMessage("unknown backend 'fork'; expected one of [posix, jvm, pb, jnr, pdeathsig]");
    }
}
