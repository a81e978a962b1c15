package io.procmux.spi;

import static io.procmux.spi.FakeMultiplexerProvider.available;
import static io.procmux.spi.FakeMultiplexerProvider.nativeOne;
import static io.procmux.spi.FakeMultiplexerProvider.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class BackendCatalogTest {

    private static final SelectionSettings NOTHING_SET = SelectionSettings.of(Map.of(), Map.of());

    private static BackendCatalog<MultiplexerProvider> catalog(SelectionSettings settings, MultiplexerProvider... providers) {
        return Backends.of(BackendKind.MUX, List.of(providers), settings);
    }

    @Test
    void highestPriorityAvailableWins() {
        var chosen = catalog(NOTHING_SET, available("select", 10), available("epoll", 100), available("poll", 50)).select();
        assertThat(chosen.provider().name()).isEqualTo("epoll");
        assertThat(chosen.reason()).isEqualTo("highest priority");
    }

    @Test
    void providersAreListedByPriorityThenName() {
        var c = catalog(NOTHING_SET, available("b", 10), available("a", 10), available("z", 99));
        assertThat(c.providers()).extracting(Backend::name).containsExactly("z", "a", "b");
    }

    @Test
    void tiesAreBrokenByNameSoTheChoiceIsDeterministic() {
        assertThat(catalog(NOTHING_SET, available("poll", 50), available("alpha", 50)).select().provider().name())
                .isEqualTo("alpha");
    }

    @Test
    void unavailableProvidersAreSkippedAndTheReasonSaysWhy() {
        var chosen = catalog(NOTHING_SET, unavailable("epoll", 100, "not Linux"), available("poll", 50)).select();
        assertThat(chosen.provider().name()).isEqualTo("poll");
        assertThat(chosen.reason()).isEqualTo("highest priority available (skipped epoll: not Linux)");
    }

    @Test
    void explicitNameBeatsPropertyEnvironmentAndPriority() {
        var settings = SelectionSettings.of(Map.of("procmux.mux", "poll"), Map.of("PROCMUX_MUX", "epoll"));
        var chosen = catalog(settings, available("epoll", 100), available("poll", 50), available("select", 10))
                .select("select", "--mux");
        assertThat(chosen.provider().name()).isEqualTo("select");
        assertThat(chosen.reason()).isEqualTo("named by --mux");
    }

    @Test
    void systemPropertyBeatsEnvironment() {
        var settings = SelectionSettings.of(Map.of("procmux.mux", "poll"), Map.of("PROCMUX_MUX", "select"));
        var chosen = catalog(settings, available("epoll", 100), available("poll", 50), available("select", 10)).select();
        assertThat(chosen.provider().name()).isEqualTo("poll");
        assertThat(chosen.reason()).isEqualTo("named by system property procmux.mux");
    }

    @Test
    void environmentBeatsPriority() {
        var settings = SelectionSettings.of(Map.of(), Map.of("PROCMUX_MUX", "select"));
        var chosen = catalog(settings, available("epoll", 100), available("select", 10)).select();
        assertThat(chosen.provider().name()).isEqualTo("select");
        assertThat(chosen.reason()).isEqualTo("named by environment variable PROCMUX_MUX");
    }

    @Test
    void blankPropertyIsIgnored() {
        var settings = SelectionSettings.of(Map.of("procmux.mux", "  "), Map.of());
        assertThat(catalog(settings, available("epoll", 100), available("poll", 50)).select().provider().name())
                .isEqualTo("epoll");
    }

    @Test
    void unknownNameListsWhatExistsAndSuggestsTheNearest() {
        var c = catalog(NOTHING_SET, available("epoll", 100), available("poll", 50), available("select", 10));
        assertThatThrownBy(() -> c.select("epol", "--mux"))
                .isInstanceOf(NoSuchBackendException.class)
                .hasMessage("No multiplexer 'epol'. Available: [epoll, poll, select]. Did you mean 'epoll'?");
    }

    @Test
    void unknownNameWithNothingCloseSuggestsNothing() {
        var c = catalog(NOTHING_SET, available("epoll", 100), available("poll", 50));
        assertThatThrownBy(() -> c.select("kqueue", "--mux"))
                .isInstanceOf(NoSuchBackendException.class)
                .hasMessage("No multiplexer 'kqueue'. Available: [epoll, poll].");
    }

    @Test
    void aKnownFirstPartyNameMissingFromTheClasspathNamesTheArtifactToAdd() {
        var c = catalog(NOTHING_SET, available("poll", 50), available("select", 10));
        assertThatThrownBy(() -> c.select("epoll", "--mux"))
                .isInstanceOf(NoSuchBackendException.class)
                .hasMessage("No multiplexer 'epoll'. Available: [poll, select]. Add io.procmux:procmux-mux-epoll to the classpath.");
    }

    @Test
    void unknownNameFromAPropertySaysWhereItCameFrom() {
        var settings = SelectionSettings.of(Map.of("procmux.mux", "pol"), Map.of());
        assertThatThrownBy(() -> catalog(settings, available("poll", 50)).select())
                .isInstanceOf(NoSuchBackendException.class)
                .hasMessage("No multiplexer 'pol'. Available: [poll]. Did you mean 'poll'? (named by system property procmux.mux)");
    }

    @Test
    void namedButUnavailableCarriesTheProbeCause() {
        var cause = new IllegalStateException("epoll_create1 failed: ENOSYS");
        var c = catalog(NOTHING_SET, new FakeMultiplexerProvider("epoll", 100, true, cause), available("poll", 50));
        assertThatThrownBy(() -> c.select("epoll", "--mux"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("Multiplexer 'epoll' (named by --mux) is not available: epoll_create1 failed: ENOSYS")
                .hasCause(cause);
    }

    @Test
    void emptyKindNamesTheArtifactsThatProvideIt() {
        assertThatThrownBy(() -> catalog(NOTHING_SET).select())
                .isInstanceOf(NoSuchBackendException.class)
                .hasMessage("No multiplexer on the classpath. Add one of: io.procmux:procmux-mux-epoll, io.procmux:procmux-mux-select.");
    }

    @Test
    void everyProviderUnavailableListsEachCauseAndKeepsThemAll() {
        var first = new IllegalStateException("not Linux");
        var second = new IllegalStateException("no libc");
        var c = catalog(NOTHING_SET, new FakeMultiplexerProvider("epoll", 100, true, first),
                new FakeMultiplexerProvider("poll", 50, true, second));
        assertThatThrownBy(c::select)
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("No multiplexer is available here: epoll: not Linux; poll: no libc")
                .hasCause(first)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(c.wouldChoose()).isEmpty();
    }

    @Test
    void killSwitchDisablesNativeBackendsOnly() {
        var settings = SelectionSettings.of(Map.of("procmux.noNative", "true"), Map.of());
        var epoll = nativeOne("epoll", 100);
        var c = catalog(settings, epoll, available("pure", 1));
        assertThat(c.select().provider().name()).isEqualTo("pure");
        assertThat(c.unavailabilityCause(epoll)).get().extracting(Throwable::getMessage)
                .isEqualTo("native backends are disabled by -Dprocmux.noNative=true");
        assertThat(epoll.probes).as("the native probe is not even run").isZero();
    }

    @Test
    void killSwitchFromTheEnvironment() {
        var settings = SelectionSettings.of(Map.of(), Map.of("PROCMUX_NONATIVE", "1"));
        var c = catalog(settings, nativeOne("epoll", 100));
        assertThatThrownBy(() -> c.select("epoll", "--mux"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageEndingWith("is not available: native backends are disabled by PROCMUX_NONATIVE=true");
    }

    @Test
    void duplicateNamesAreRefusedNamingBothClassesAndNeitherIsUsed() {
        var a = available("epoll", 100);
        var b = new FakeMultiplexerProvider("epoll", 90, false, null) { };
        var c = catalog(NOTHING_SET, a, b, available("poll", 50));
        assertThat(c.failures()).singleElement().extracting(ProviderFailure::description).asString()
                .startsWith("two multiplexer providers are named 'epoll': io.procmux.spi.FakeMultiplexerProvider (")
                .contains(" and io.procmux.spi.BackendCatalogTest$")
                .endsWith("; neither is used until one is removed from the classpath");
        assertThat(c.select().provider().name()).isEqualTo("poll");
        assertThatThrownBy(() -> c.select("epoll", "--mux"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("two multiplexer providers are named 'epoll'");
    }

    @Test
    void aProbeThatThrowsCountsAsItsCause() {
        var throwing = new FakeMultiplexerProvider("weird", 100, false, null) {
            @Override
            public java.util.Optional<Throwable> unavailabilityCause() {
                throw new UnsatisfiedLinkError("libfoo.so missing");
            }
        };
        var c = catalog(NOTHING_SET, throwing, available("poll", 1));
        assertThat(c.select().provider().name()).isEqualTo("poll");
        assertThat(c.unavailabilityCause(throwing)).get().isInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void aBrokenEntryInTheIteratorIsReportedAndSkipped() {
        Iterator<MultiplexerProvider> iterator = new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < 3;
            }

            @Override
            public MultiplexerProvider next() {
                switch (index++) {
                    case 0: return available("epoll", 100);
                    case 1: throw new ServiceConfigurationError("io.procmux.spi.MultiplexerProvider: Provider x.Y could not be instantiated",
                            new NoClassDefFoundError("jnr/ffi/LibraryLoader"));
                    case 2: return available("poll", 50);
                    default: throw new NoSuchElementException();
                }
            }
        };
        var c = BackendCatalog.collect(BackendKind.MUX, iterator, NOTHING_SET);
        assertThat(c.providers()).extracting(Backend::name).containsExactly("epoll", "poll");
        assertThat(c.failures()).singleElement().extracting(ProviderFailure::description)
                .isEqualTo("a multiplexer provider failed to load and was skipped: io.procmux.spi.MultiplexerProvider: "
                        + "Provider x.Y could not be instantiated (java.lang.NoClassDefFoundError: jnr/ffi/LibraryLoader)");
    }

    @Test
    void aProviderWhoseNameThrowsIsReportedAndSkipped() {
        var bad = new FakeMultiplexerProvider("x", 1, false, null) {
            @Override
            public String name() {
                throw new IllegalStateException("no name");
            }
        };
        var c = catalog(NOTHING_SET, bad, available("poll", 50));
        assertThat(c.providers()).extracting(Backend::name).containsExactly("poll");
        assertThat(c.failures()).singleElement().extracting(ProviderFailure::description).asString()
                .contains("failed to report its name or priority: java.lang.IllegalStateException: no name");
    }

    @Test
    void realServiceLoaderDiscoverySkipsBrokenPluginsAndKeepsGoodOnes() {
        var c = Backends.discover(BackendKind.MUX, getClass().getClassLoader(), NOTHING_SET);
        assertThat(c.providers()).extracting(Backend::name).containsExactly("good");
        assertThat(c.failures()).hasSize(2);
        assertThat(c.failures().get(0).description()).contains("ServiceLoadedBrokenProvider could not be instantiated")
                .contains("boom in constructor");
        assertThat(c.failures().get(1).description()).contains("DoesNotExistProvider not found");
        assertThat(c.select().provider().name()).isEqualTo("good");
    }

    @Test
    void findAndWouldChoose() {
        var c = catalog(NOTHING_SET, available("epoll", 100));
        assertThat(c.find("epoll")).isPresent();
        assertThat(c.find("poll")).isEmpty();
        assertThat(c.wouldChoose()).get().extracting(Backend::name).isEqualTo("epoll");
    }
}
