package io.procmux.cli;

import io.procmux.spi.Backend;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.NoSuchBackendException;
import io.procmux.spi.ProviderFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code procmux backends} shows: for each kind, every provider with its priority,
 * nativeness, availability or cause, capabilities, and which one would be chosen now given the
 * flags, properties and environment. Cost: probes every provider once (native probes included).
 *
 * @param kinds one entry per kind
 */
record BackendReport(List<KindReport> kinds) {

    /** Builds the report, probing every provider. */
    static BackendReport of(BackendInventory inventory, GlobalOptions options) {
        List<KindReport> kinds = new ArrayList<>();
        for (BackendCatalog<?> catalog : inventory.catalogs()) {
            kinds.add(kindReport(catalog, options));
        }
        return new BackendReport(kinds);
    }

    private static <P extends Backend> KindReport kindReport(BackendCatalog<P> catalog, GlobalOptions options) {
        BackendKind<P> kind = catalog.kind();
        String chosen = null;
        String choiceReason = null;
        String choiceError = null;
        try {
            BackendCatalog.Selection<P> selection = catalog.select(options.explicitName(kind.id()), GlobalOptions.flagFor(kind.id()));
            chosen = selection.provider().name();
            choiceReason = selection.reason();
        } catch (NoSuchBackendException | BackendUnavailableException e) {
            choiceError = e.getMessage();
        }
        List<ProviderRow> rows = new ArrayList<>();
        for (P provider : catalog.providers()) {
            Optional<Throwable> cause = catalog.unavailabilityCause(provider);
            rows.add(new ProviderRow(provider.name(), provider.priority(), provider.isNative(), cause.isEmpty(),
                    cause.map(BackendCatalog::describe).orElse(null), provider.name().equals(chosen),
                    provider.capabilities(), provider.getClass().getName()));
        }
        List<String> failures = catalog.failures().stream().map(ProviderFailure::description).toList();
        return new KindReport(kind.id(), kind.noun(), rows, chosen, choiceReason, choiceError, failures);
    }

    /** The report as JSON-ready maps and lists. */
    Map<String, Object> toJsonTree() {
        List<Object> list = new ArrayList<>();
        for (KindReport k : kinds) {
            Map<String, Object> kind = new LinkedHashMap<>();
            kind.put("kind", k.kind());
            kind.put("chosen", k.chosen());
            kind.put("reason", k.choiceReason());
            kind.put("error", k.choiceError());
            List<Object> providers = new ArrayList<>();
            for (ProviderRow r : k.providers()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", r.name());
                p.put("priority", r.priority());
                p.put("native", r.isNative());
                p.put("available", r.available());
                p.put("cause", r.cause());
                p.put("chosen", r.chosen());
                p.put("capabilities", r.capabilities());
                p.put("class", r.className());
                providers.add(p);
            }
            kind.put("providers", providers);
            kind.put("failures", k.failures());
            list.add(kind);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kinds", list);
        return root;
    }

    /**
     * One kind's section.
     *
     * @param kind the kind id
     * @param noun the kind's noun for messages
     * @param providers its providers, highest priority first
     * @param chosen the name that would be chosen now, or null
     * @param choiceReason why it would be chosen, or null
     * @param choiceError why nothing would be chosen, or null
     * @param failures providers that failed to load or clash
     */
    record KindReport(String kind, String noun, List<ProviderRow> providers, @Nullable String chosen,
            @Nullable String choiceReason, @Nullable String choiceError, List<String> failures) {
    }

    /**
     * One provider's row.
     *
     * @param name backend name
     * @param priority selection priority
     * @param isNative whether it uses native code
     * @param available whether it can be used here
     * @param cause why not, or null
     * @param chosen whether it would be chosen now
     * @param capabilities its reported capabilities
     * @param className the provider class
     */
    record ProviderRow(String name, int priority, boolean isNative, boolean available, @Nullable String cause,
            boolean chosen, Map<String, String> capabilities, String className) {
    }
}
