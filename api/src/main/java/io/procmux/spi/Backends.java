package io.procmux.spi;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for finding and choosing backends: {@code Backends.select(BackendKind.MUX)}
 * returns the multiplexer provider a user asked for or the best available one.
 *
 * <p>Cost: each call to {@link #discover} runs a {@link ServiceLoader} scan of the classpath's
 * {@code META-INF/services} entries for one kind (a few milliseconds) and instantiates the
 * providers found; callers that select repeatedly keep the {@link BackendCatalog}.
 */
public final class Backends {
    private Backends() {
    }

    /** Discovers the providers of a kind with this class's class loader and the real system settings. */
    public static <P extends Backend> BackendCatalog<P> discover(BackendKind<P> kind) {
        return discover(kind, defaultLoader(), SelectionSettings.fromSystem());
    }

    /** Discovers the providers of a kind visible to {@code loader}, reading names from {@code settings}. */
    public static <P extends Backend> BackendCatalog<P> discover(BackendKind<P> kind, ClassLoader loader,
            SelectionSettings settings) {
        Iterator<P> iterator = ServiceLoader.load(kind.providerType(), loader).iterator();
        return BackendCatalog.collect(kind, iterator, settings);
    }

    /** Builds a catalog from providers the caller already has (hand-written fakes in tests, embedding). */
    public static <P extends Backend> BackendCatalog<P> of(BackendKind<P> kind, Iterable<? extends P> providers,
            SelectionSettings settings) {
        return BackendCatalog.collect(kind, providers.iterator(), settings);
    }

    /**
     * Chooses a provider of the kind: {@code explicitName} if given, else the system property
     * {@code procmux.<kind>}, else {@code PROCMUX_<KIND>}, else the available one with the highest priority.
     *
     * @throws NoSuchBackendException when the name is unknown or the kind has no provider
     * @throws BackendUnavailableException when the chosen provider, or every provider, cannot run here
     */
    public static <P extends Backend> P select(BackendKind<P> kind, @Nullable String explicitName) {
        return discover(kind).select(explicitName, "caller").provider();
    }

    /** {@link #select(BackendKind, String)} with no explicit name. */
    public static <P extends Backend> P select(BackendKind<P> kind) {
        return select(kind, null);
    }

    private static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Backends.class.getClassLoader();
    }
}
