package io.procmux.mux.epoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.mux.Events;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.testkit.AbstractMultiplexerTest;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on the epoll backend, plus epoll's own rules for closed descriptors and EXCLUSIVE. */
@EnabledOnOs(OS.LINUX)
class EpollMultiplexerTest extends AbstractMultiplexerTest {
    @Override
    protected MultiplexerProvider provider() {
        return new EpollMultiplexerProvider();
    }

    @Override
    protected boolean reportsNvalForClosedFd() {
        return false;
    }

    @Test
    void modifyOfAClosedDescriptorEvictsItAndSaysSo() throws IOException {
        Pipe p = pipe();
        int r = fd(p.source());
        mux.register(r, Events.IN);
        p.source().close();
        assertThatThrownBy(() -> mux.modify(r, Events.IN | Events.PRI)).isInstanceOf(IOException.class)
                .hasMessageContaining("fd " + r).hasMessageContaining("closed while registered")
                .hasMessageContaining("evicted");
        assertThat(mux.isRegistered(r)).isFalse();
    }

    @Test
    void aReusedNumberCanBeRegisteredAfterItsOldDescriptorWasClosed() throws IOException {
        Pipe old = pipe();
        int r = fd(old.source());
        mux.register(r, Events.IN, "old");
        old.source().close();
        old.sink().close();
        Pipe reused = null;
        for (int i = 0; i < 8 && (reused == null || fd(reused.source()) != r); i++) {
            reused = pipe();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(fd(reused.source()) == r, "the kernel did not reuse fd " + r);
        mux.register(r, Events.IN, "new");
        reused.sink().write(ByteBuffer.allocate(1));
        assertThat(mux.poll(Duration.ofSeconds(GUARD_SECONDS)).events()).singleElement()
                .satisfies(e -> assertThat(e.attachment()).isEqualTo("new"));
    }

    @Test
    void refusesRegularFilesAsEpollDoesWithAnExplanation(@TempDir Path dir) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("plain").toFile(), "rw")) {
            Field fdField = FileDescriptor.class.getDeclaredField("fd");
            fdField.setAccessible(true);
            int fd = fdField.getInt(file.getFD());
            assertThatThrownBy(() -> mux.register(fd, Events.IN)).isInstanceOf(IOException.class)
                    .hasMessageContaining("EPERM").hasMessageContaining("cannot be watched");
            assertThat(mux.isRegistered(fd)).isFalse();
        }
    }

    @Test
    void exclusiveIsOnlyForRegistrationWithCompatibleBits() throws IOException {
        int r = fd(pipe().source());
        assertThatThrownBy(() -> mux.register(r, Events.IN | Events.EXCLUSIVE | Events.ONE_SHOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXCLUSIVE combines only");
        mux.register(r, Events.IN | Events.EXCLUSIVE);
        assertThatThrownBy(() -> mux.modify(r, Events.OUT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EXCLUSIVE only when registering");
        mux.unregister(r);
        mux.register(r, Events.IN);
        assertThatThrownBy(() -> mux.modify(r, Events.IN | Events.EXCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
