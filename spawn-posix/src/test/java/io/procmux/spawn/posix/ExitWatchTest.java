package io.procmux.spawn.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.procmux.spawn.ExitStatus;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ExitWatch} against a mocked native boundary: the errno paths of waitpid and kill. */
class ExitWatchTest {
    private static final int WNOHANG = 1;

    private final Native nat = mock(Native.class);
    private final LibC libc = mock(LibC.class);

    @BeforeEach
    void wire() {
        when(nat.libc()).thenReturn(libc);
    }

    @Test
    void reapsOnlyItsOwnPidWithWnohangAndCompletesOnce() {
        ExitWatch watch = new ExitWatch(nat, 42, 7);
        when(libc.waitpid(eq(42), any(int[].class), eq(WNOHANG))).thenReturn(0).thenAnswer(inv -> {
            inv.<int[]>getArgument(1)[0] = 3 << 8;
            return 42;
        });
        assertThat(watch.tryReap()).isFalse();
        assertThat(watch.exit()).isNotDone();
        assertThat(watch.tryReap()).isTrue();
        assertThat(watch.tryReap()).isTrue();
        assertThat(watch.exit().join()).isEqualTo(new ExitStatus.Exited(3));
        verify(libc, times(2)).waitpid(eq(42), any(int[].class), eq(WNOHANG));
        verify(libc, never()).waitpid(eq(-1), any(int[].class), anyInt());
    }

    @Test
    void retriesOnEintr() {
        ExitWatch watch = new ExitWatch(nat, 42, -1);
        when(libc.waitpid(eq(42), any(int[].class), eq(WNOHANG))).thenReturn(-1).thenAnswer(inv -> {
            inv.<int[]>getArgument(1)[0] = 9;
            return 42;
        });
        when(nat.errno()).thenReturn(Errnos.EINTR);
        assertThat(watch.tryReap()).isTrue();
        assertThat(watch.exit().join()).isEqualTo(new ExitStatus.Signaled(9, false));
    }

    @Test
    void reportsAChildReapedElsewhere() {
        ExitWatch watch = new ExitWatch(nat, 42, -1);
        when(libc.waitpid(eq(42), any(int[].class), eq(WNOHANG))).thenReturn(-1);
        when(nat.errno()).thenReturn(Errnos.ECHILD);
        assertThat(watch.tryReap()).isTrue();
        assertThatThrownBy(() -> watch.exit().join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("pid 42").hasMessageContaining("ECHILD");
    }

    @Test
    void neverSignalsAReapedPid() {
        ExitWatch watch = new ExitWatch(nat, 42, -1);
        when(libc.kill(42, 15)).thenReturn(0);
        assertThat(watch.signal(15)).isTrue();
        when(libc.waitpid(eq(42), any(int[].class), eq(WNOHANG))).thenReturn(42);
        watch.tryReap();
        assertThat(watch.signal(15)).isFalse();
        verify(libc, times(1)).kill(anyInt(), anyInt());
    }

    @Test
    void reportsKillFailuresOtherThanEsrch() {
        ExitWatch watch = new ExitWatch(nat, 42, -1);
        when(libc.kill(42, 9)).thenReturn(-1);
        when(nat.errno()).thenReturn(Errnos.ESRCH);
        assertThat(watch.signal(9)).isFalse();
        when(nat.errno()).thenReturn(Errnos.EPERM);
        assertThatThrownBy(() -> watch.signal(9)).isInstanceOf(IllegalStateException.class).hasMessageContaining("EPERM");
    }

    @Test
    void closesThePidfdOnceWhenBothReaperAndChildReleasedIt() {
        ExitWatch watch = new ExitWatch(nat, 42, 7);
        watch.releaseByChild();
        verify(libc, never()).close(anyInt());
        watch.releaseByReaper();
        watch.releaseByChild();
        watch.releaseByReaper();
        verify(libc, times(1)).close(7);
    }

    @Test
    void theReaperReleasesThePidfdBeforeWaitersWakeUp() {
        ExitWatch watch = new ExitWatch(nat, 42, 7);
        watch.releaseByChild();
        when(libc.waitpid(eq(42), any(int[].class), eq(WNOHANG))).thenReturn(42);
        java.util.concurrent.atomic.AtomicBoolean closedFirst = new java.util.concurrent.atomic.AtomicBoolean();
        watch.exit().thenRun(() -> closedFirst.set(org.mockito.Mockito.mockingDetails(libc).getInvocations().stream()
                .anyMatch(inv -> inv.getMethod().getName().equals("close"))));
        assertThat(watch.reapAndRelease()).isTrue();
        assertThat(closedFirst).isTrue();
        verify(libc, times(1)).close(7);
    }
}
