package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendsModuleTest {

    private static Injector injector(GlobalOptions options) {
        return Guice.createInjector(Stage.DEVELOPMENT, new BackendsModule(options, BackendInventory.discover()));
    }

    @Test
    void mapBindersHoldEveryDiscoveredProviderByName() {
        Injector injector = injector(new GlobalOptions());
        Map<String, MultiplexerProvider> mux = injector.getInstance(Key.get(new TypeLiteral<Map<String, MultiplexerProvider>>() { }));
        assertThat(mux).containsOnlyKeys("epoll", "poll", "select");
        Map<String, SpawnerProvider> spawners = injector.getInstance(Key.get(new TypeLiteral<Map<String, SpawnerProvider>>() { }));
        assertThat(spawners).containsOnlyKeys("posix", "jvm");
    }

    @Test
    void buildingTheInjectorSelectsNothingUntilAKindIsAskedFor() {
        GlobalOptions options = new GlobalOptions();
        options.mux = "nosuch";
        Injector injector = injector(options);
        assertThat(injector.getInstance(GlobalOptions.class)).isSameAs(options);
        assertThatThrownBy(() -> injector.getInstance(MultiplexerProvider.class))
                .isInstanceOf(ProvisionException.class)
                .hasRootCauseMessage("No multiplexer 'nosuch'. Available: [epoll, poll, select].");
    }
}
