package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The CPU-time runner prints one well-formed line per implementation and refuses bad arguments. */
@EnabledOnOs(OS.LINUX)
class MuxCpuTimeTest {

    @Test
    void printsOneLinePerImplementationWithTheFirstAsTheReference() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MuxCpuTime.run(10, 5, 3, List.of("poll", "nio"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("poll 10 cpu-ns/wait median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio 1\\.000");
        assertThat(lines.get(1)).matches("nio 10 cpu-ns/wait median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio [0-9.]+");
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"10", "5", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3 arguments");
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"ten", "5", "3", "poll"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("N must be a whole number, got 'ten'");
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"10", "0", "3", "poll"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SLICE_MS must be at least 1, got 0");
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"10", "5", "3", "kqueue"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown IMPL 'kqueue'");
    }
}
