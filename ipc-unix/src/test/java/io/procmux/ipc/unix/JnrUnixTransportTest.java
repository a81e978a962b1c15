package io.procmux.ipc.unix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.ipc.UnixSockets;
import io.procmux.testkit.AbstractTransportTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The shared transport behaviours, run against the {@code unix} backend. */
@EnabledOnOs(OS.LINUX)
class JnrUnixTransportTest extends AbstractTransportTest {
    private static final JnrUnixSocketsProvider PROVIDER = new JnrUnixSocketsProvider();

    @BeforeAll
    static void available() {
        assumeTrue(PROVIDER.isAvailable(), () -> "unix backend unavailable: " + PROVIDER.unavailabilityCause());
    }

    @Override
    protected UnixSockets sockets() {
        return PROVIDER.open();
    }
}
