package io.procmux.spawn.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spawn.ExitStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JvmExitStatusTest {

    @Test
    void claimsASignalOnlyWhenThisBackendSentIt() {
        assertThat(JvmExitStatus.of(137, Set.of(9))).isEqualTo(new ExitStatus.Signaled(9, false));
        assertThat(JvmExitStatus.of(137, Set.of())).isEqualTo(new ExitStatus.Exited(137));
        assertThat(JvmExitStatus.of(137, Set.of(15))).isEqualTo(new ExitStatus.Exited(137));
        assertThat(JvmExitStatus.of(128, Set.of(0))).isEqualTo(new ExitStatus.Exited(128));
        assertThat(JvmExitStatus.of(0, Set.of(9))).isEqualTo(new ExitStatus.Exited(0));
    }
}
