package io.procmux.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ExitStatusTest {
    @Test
    void decodesNormalExits() {
        assertThat(ExitStatus.fromWaitStatus(0)).isEqualTo(new ExitStatus.Exited(0));
        assertThat(ExitStatus.fromWaitStatus(3 << 8)).isEqualTo(new ExitStatus.Exited(3));
        assertThat(ExitStatus.fromWaitStatus(255 << 8)).isEqualTo(new ExitStatus.Exited(255));
    }

    @Test
    void decodesSignalsWithAndWithoutCore() {
        assertThat(ExitStatus.fromWaitStatus(9)).isEqualTo(new ExitStatus.Signaled(9, false));
        assertThat(ExitStatus.fromWaitStatus(11 | 0x80)).isEqualTo(new ExitStatus.Signaled(11, true));
    }

    @Test
    void decodesStopsAndRefusesContinued() {
        assertThat(ExitStatus.fromWaitStatus((19 << 8) | 0x7f)).isEqualTo(new ExitStatus.Stopped(19));
        assertThatThrownBy(() -> ExitStatus.fromWaitStatus(0xffff)).hasMessageContaining("continued");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsLikeAShellAndLikePython() {
        var killed = new ExitStatus.Signaled(9, false);
        assertThat(killed).hasToString("killed by SIGKILL");
        assertThat(killed.pythonExitCode()).isEqualTo(-9);
        assertThat(killed.shellExitCode()).isEqualTo(137);
        assertThat(new ExitStatus.Signaled(11, true)).hasToString("killed by SIGSEGV (core dumped)");
        assertThat(new ExitStatus.Signaled(40, false)).hasToString("killed by signal 40");
        assertThat(new ExitStatus.Exited(3)).hasToString("exited with code 3");
        assertThat(new ExitStatus.Exited(0).success()).isTrue();
        assertThat(new ExitStatus.Exited(1).success()).isFalse();
        assertThat(new ExitStatus.Stopped(19)).hasToString("stopped by SIGSTOP");
    }

    @Test
    void exitCodesOutsideAByteAreRefused() {
        assertThatThrownBy(() -> new ExitStatus.Exited(256)).hasMessage("Exit code 256 is outside 0..255");
    }
}
