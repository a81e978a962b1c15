package io.procmux.mux.select;

import io.procmux.testkit.AbstractMultiplexerTest;
import io.procmux.spi.MultiplexerProvider;

/** The conformance suite on the select backend: HUP reads as IN, no RDHUP, descriptors below 1024. */
class SelectMultiplexerTest extends AbstractMultiplexerTest {
    @Override
    protected MultiplexerProvider provider() {
        return new SelectMultiplexerProvider();
    }

    @Override
    protected boolean reportsHangUp() {
        return false;
    }

    @Override
    protected boolean supportsRdHup() {
        return false;
    }
}
