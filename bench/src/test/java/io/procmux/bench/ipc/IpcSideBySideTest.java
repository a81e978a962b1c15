package io.procmux.bench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The interleaved runner prints one well-formed line per implementation in both modes and refuses bad arguments. */
@EnabledOnOs(OS.LINUX)
class IpcSideBySideTest {

    @Test
    void printsOneLinePerImplementationWithTheFirstAsTheReference() throws Exception {
        for (boolean echo : new boolean[] {true, false}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            IpcSideBySide.run(echo, 5, 3, List.of("procmux", "jdk"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            String mode = echo ? "pingpong" : "local";
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("procmux " + mode
                    + " ns/op median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio 1\\.000 paired-ratio 1\\.000");
            assertThat(lines.get(1)).matches("jdk " + mode
                    + " ns/op median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio [0-9.]+ paired-ratio [0-9.]+");
        }
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"local", "5", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3 arguments");
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"echo", "5", "3", "jdk"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MODE must be pingpong or local, not 'echo'");
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"local", "0", "3", "jdk"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SLICE_MS must be at least 1, got 0");
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"local", "5", "3", "tcp"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impl must be procmux, jdk or jnr, not tcp");
    }
}
