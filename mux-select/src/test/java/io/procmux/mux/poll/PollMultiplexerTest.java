package io.procmux.mux.poll;

import io.procmux.testkit.AbstractMultiplexerTest;
import io.procmux.spi.MultiplexerProvider;

/** The conformance suite on the poll backend. */
class PollMultiplexerTest extends AbstractMultiplexerTest {
    @Override
    protected MultiplexerProvider provider() {
        return new PollMultiplexerProvider();
    }
}
