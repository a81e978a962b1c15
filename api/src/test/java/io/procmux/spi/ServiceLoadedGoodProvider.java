package io.procmux.spi;

/** Registered in this module's test META-INF/services: a working provider named "good". */
public class ServiceLoadedGoodProvider extends FakeMultiplexerProvider {
    public ServiceLoadedGoodProvider() {
        super("good", 5, false, null);
    }
}
