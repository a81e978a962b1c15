package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim: every wait reports exactly the one ready descriptor, and nothing leaks. */
@EnabledOnOs(OS.LINUX)
class WaitBenchmarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll", "select"})
    void eachProcmuxWaitDeliversTheReadyDescriptorOnly(String backend) throws IOException {
        MuxWaitBenchmark bench = new MuxWaitBenchmark();
        bench.backend = backend;
        bench.n = 100;
        bench.setup();   // a first round loads jnr and the backend's classes, which opens jars and libraries for good
        bench.tearDown();
        Map<Integer, String> before = OpenDescriptors.snapshot();
        bench = new MuxWaitBenchmark();
        bench.backend = backend;
        bench.n = 100;
        bench.setup();
        try {
            for (int i = 0; i < 3; i++) {
                bench.await();
            }
            assertThat(bench.eventsDelivered()).isEqualTo(3);
        } finally {
            bench.tearDown();
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void eachNioWaitSelectsTheReadyChannelOnly() throws IOException {
        NioWaitBenchmark bench = new NioWaitBenchmark();
        bench.n = 100;
        bench.setup();   // a first round loads the JDK's selector and socket classes
        bench.tearDown();
        Map<Integer, String> before = OpenDescriptors.snapshot();
        bench = new NioWaitBenchmark();
        bench.n = 100;
        bench.setup();
        try {
            for (int i = 0; i < 3; i++) {
                bench.await();
            }
            assertThat(bench.checksum()).isEqualTo(3L * java.nio.channels.SelectionKey.OP_READ);
        } finally {
            bench.tearDown();
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void eachBareJnrWaitSeesTheReadyDescriptorOnly() throws IOException {
        RawEpollWaitBenchmark bench = new RawEpollWaitBenchmark();
        bench.n = 100;
        bench.setup();
        bench.tearDown();
        Map<Integer, String> before = OpenDescriptors.snapshot();
        bench = new RawEpollWaitBenchmark();
        bench.n = 100;
        bench.setup();
        try {
            for (int i = 0; i < 3; i++) {
                bench.await();
            }
            assertThat(bench.checksum()).isEqualTo(3L * bench.readyFd());
        } finally {
            bench.tearDown();
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void eachBarePollSeesTheReadyDescriptorOnly() throws IOException {
        RawPollWaitBenchmark bench = new RawPollWaitBenchmark();
        bench.n = 100;
        bench.setup();
        bench.tearDown();
        Map<Integer, String> before = OpenDescriptors.snapshot();
        bench = new RawPollWaitBenchmark();
        bench.n = 100;
        bench.setup();
        try {
            for (int i = 0; i < 3; i++) {
                bench.await();
            }
            assertThat(bench.checksum()).isEqualTo(3L * bench.readyFd());
        } finally {
            bench.tearDown();
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void idleDescriptorsComeInPairs() {
        assertThatThrownBy(() -> IdleSocketPairs.open(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The number of idle descriptors must be even and at least 2, not 3");
        assertThatThrownBy(() -> NioSocketPairs.open(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The number of idle channels must be even and at least 2, not 0");
    }
}
