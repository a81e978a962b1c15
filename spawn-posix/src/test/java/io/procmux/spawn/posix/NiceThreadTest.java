package io.procmux.spawn.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.procmux.spawn.SpawnException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link NiceThread} against a mocked native boundary: the refusal path needs no unprivileged user. */
class NiceThreadTest {
    private final Native nat = mock(Native.class);
    private final LibC libc = mock(LibC.class);

    @Test
    void refusesWithAPrivilegeMessageAndStartsNothing() {
        when(nat.libc()).thenReturn(libc);
        when(libc.setpriority(0, 0, -5)).thenReturn(-1);
        when(nat.errno()).thenReturn(Errnos.EACCES);
        AtomicBoolean spawned = new AtomicBoolean();
        assertThatThrownBy(() -> NiceThread.spawnWithNice(nat, "prog", -5, () -> spawned.getAndSet(true)))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("EACCES"))
                .hasMessageContaining("prog").hasMessageContaining("privilege").hasMessageContaining("CAP_SYS_NICE");
        assertThat(spawned).isFalse();
    }

    @Test
    void spawnsOnAHelperThreadAfterSettingItsNice() throws Exception {
        when(nat.libc()).thenReturn(libc);
        when(libc.setpriority(0, 0, 7)).thenReturn(0);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        String result = NiceThread.spawnWithNice(nat, "prog", 7, () -> {
            ranOn.set(Thread.currentThread());
            return "child";
        });
        assertThat(result).isEqualTo("child");
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).isEqualTo("procmux-nice-spawn");
    }
}
