package io.procmux.spi;

/** Registered in this module's test META-INF/services: its constructor fails, as a broken plugin's would. */
public class ServiceLoadedBrokenProvider extends FakeMultiplexerProvider {
    public ServiceLoadedBrokenProvider() {
        super("broken", 1, false, null);
        throw new IllegalStateException("boom in constructor");
    }
}
