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

/** The interleaved runner prints one well-formed line per implementation in every mode and refuses bad arguments. */
@EnabledOnOs(OS.LINUX)
class IpcSideBySideTest {

    @Test
    void printsOneLinePerImplementationWithTheFirstAsTheReference() throws Exception {
        for (IpcSideBySide.Mode m : IpcSideBySide.Mode.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            IpcSideBySide.run(m, 5, 3, List.of("procmux", "jdk"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            String mode = m.label;
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("procmux " + mode
                    + " ns/op median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio 1\\.000 paired-ratio 1\\.000"
                    + " paired-min 1\\.000 paired-max 1\\.000");
            assertThat(lines.get(1)).matches("jdk " + mode
                    + " ns/op median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio [0-9.]+ paired-ratio [0-9.]+"
                    + " paired-min [0-9.]+ paired-max [0-9.]+");
        }
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"local", "5", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3 arguments");
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"echo", "5", "3", "jdk"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MODE must be pingpong, local or throughput, not 'echo'");
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"local", "0", "3", "jdk"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SLICE_MS must be at least 1, got 0");
        assertThatThrownBy(() -> IpcSideBySide.main(new String[] {"local", "5", "3", "tcp"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impl must be procmux, jdk or jnr, not tcp");
    }
}
