package io.procmux.spi;

import java.lang.System.Logger.Level;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The providers of one kind found on a classpath, with what went wrong while finding them, and the
 * selection rules: an explicit name (caller, then system property, then environment), else the
 * available provider with the highest priority, ties broken by name.
 *
 * <p>Cost: building a catalog instantiates every provider (cheap by contract) and probes none.
 * {@link #select} probes providers in priority order until one is available; each provider caches
 * its own probe. Immutable once built and safe to share between threads.
 *
 * @param <P> the provider interface of the kind
 */
public final class BackendCatalog<P extends Backend> {

    private static final System.Logger LOG = System.getLogger(BackendCatalog.class.getName());
    private static final int MAX_BROKEN_ENTRIES = 1_000;
    /** INFO lines already logged in this JVM: a choice is explained once, not on every selection. */
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final BackendKind<P> kind;
    private final SelectionSettings settings;
    private final List<P> providers;
    private final List<ProviderFailure> failures;
    private final Map<String, ProviderFailure> conflicts;

    private BackendCatalog(BackendKind<P> kind, SelectionSettings settings, List<P> providers,
            List<ProviderFailure> failures, Map<String, ProviderFailure> conflicts) {
        this.kind = kind;
        this.settings = settings;
        this.providers = List.copyOf(providers);
        this.failures = List.copyOf(failures);
        this.conflicts = Map.copyOf(conflicts);
    }

    /**
     * Builds a catalog from an iterator of providers that may throw {@link ServiceConfigurationError}
     * (as {@link java.util.ServiceLoader}'s does for a broken entry): each broken entry is recorded
     * and skipped, and two providers with one name are both refused.
     */
    static <P extends Backend> BackendCatalog<P> collect(BackendKind<P> kind, Iterator<? extends P> iterator,
            SelectionSettings settings) {
        List<P> found = new ArrayList<>();
        List<ProviderFailure> failures = new ArrayList<>();
        Map<String, P> byName = new HashMap<>();
        Map<String, ProviderFailure> conflicts = new HashMap<>();
        int broken = 0;
        while (true) {
            P provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                failures.add(new ProviderFailure(kind, describeLoadFailure(kind, e), e));
                if (++broken >= MAX_BROKEN_ENTRIES) {
                    break;
                }
                continue;
            }
            String name;
            try {
                name = provider.name();
                provider.priority();
            } catch (RuntimeException | LinkageError e) {
                failures.add(new ProviderFailure(kind, "a " + kind.noun() + " provider "
                        + describeClass(provider.getClass()) + " failed to report its name or priority: " + e, e));
                continue;
            }
            P first = byName.putIfAbsent(name, provider);
            if (first == null) {
                found.add(provider);
            } else {
                String text = "two " + kind.noun() + " providers are named '" + name + "': "
                        + describeClass(first.getClass()) + " and " + describeClass(provider.getClass())
                        + "; neither is used until one is removed from the classpath";
                ProviderFailure conflict = new ProviderFailure(kind, text, new IllegalStateException(text));
                conflicts.put(name, conflict);
                failures.add(conflict);
            }
        }
        found.sort(Comparator.comparingInt((P p) -> p.priority()).reversed().thenComparing(Backend::name));
        for (ProviderFailure failure : failures) {
            LOG.log(Level.WARNING, "procmux: " + failure.description());
        }
        return new BackendCatalog<>(kind, settings, found, failures, conflicts);
    }

    /** The kind this catalog holds. */
    public BackendKind<P> kind() {
        return kind;
    }

    /** Every usable-looking provider, highest priority first, ties by name; includes unavailable ones. */
    public List<P> providers() {
        return providers;
    }

    /** Providers that failed to load, failed to describe themselves, or clash by name. */
    public List<ProviderFailure> failures() {
        return failures;
    }

    /** The provider with this exact name, if one is on the classpath. */
    public Optional<P> find(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Why this provider cannot be used: a name clash, the native kill switch, or its own probe
     * (a probe that throws counts as its cause). Empty when it can be used.
     */
    public Optional<Throwable> unavailabilityCause(P provider) {
        ProviderFailure conflict = conflicts.get(provider.name());
        if (conflict != null) {
            return Optional.of(conflict.error());
        }
        if (provider.isNative()) {
            Optional<String> killed = settings.nativeKillSwitch();
            if (killed.isPresent()) {
                return Optional.of(new BackendUnavailableException(killed.get()));
            }
        }
        try {
            return provider.unavailabilityCause();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(e);
        }
    }

    /** Whether {@link #unavailabilityCause(Backend)} is empty. */
    public boolean isAvailable(P provider) {
        return unavailabilityCause(provider).isEmpty();
    }

    /**
     * Chooses a provider by the rules above.
     *
     * @param explicitName a name from the caller (a CLI flag, an API argument), or null to fall back
     *     to the system property, then the environment, then priority
     * @param explicitSource how the caller got the name, used in messages (e.g. {@code --mux})
     * @throws NoSuchBackendException when the name matches no provider, or the kind has none
     * @throws BackendUnavailableException when the named provider, or every provider, is unavailable
     */
    public Selection<P> select(@Nullable String explicitName, String explicitSource) {
        SelectionSettings.NamedBy named = explicitName != null && !explicitName.isBlank()
                ? new SelectionSettings.NamedBy(explicitName.trim(), explicitSource)
                : settings.configuredName(kind).orElse(null);
        if (named != null) {
            return selectNamed(named);
        }
        return selectByPriority();
    }

    /** {@link #select(String, String)} with no explicit name. */
    public Selection<P> select() {
        return select(null, "caller");
    }

    /** What {@link #select()} would choose now, or empty when it would throw. Never throws. */
    public Optional<P> wouldChoose() {
        try {
            return Optional.of(select().provider());
        } catch (NoSuchBackendException | BackendUnavailableException e) {
            return Optional.empty();
        }
    }

    private Selection<P> selectNamed(SelectionSettings.NamedBy named) {
        P provider = find(named.name()).orElseThrow(() -> new NoSuchBackendException(unknownNameMessage(named)));
        Optional<Throwable> cause = unavailabilityCause(provider);
        if (cause.isPresent()) {
            throw new BackendUnavailableException(capitalize(kind.noun()) + " '" + provider.name()
                    + "' (named by " + named.source() + ") is not available: " + describe(cause.get()), cause.get());
        }
        return new Selection<>(provider, "named by " + named.source());
    }

    private Selection<P> selectByPriority() {
        if (providers.isEmpty()) {
            throw new NoSuchBackendException(emptyKindMessage());
        }
        List<String> skipped = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        for (P provider : providers) {
            Optional<Throwable> cause = unavailabilityCause(provider);
            if (cause.isEmpty()) {
                String missing = LOG.isLoggable(Level.INFO) ? missingKnownNames() : "";
                if (LOG.isLoggable(Level.INFO) && (!skipped.isEmpty() || !missing.isEmpty())) {
                    String line = "procmux: " + kind.noun() + " '" + provider.name() + "' chosen"
                            + (skipped.isEmpty() ? "" : "; skipped " + String.join("; ", skipped))
                            + (missing.isEmpty() ? "" : "; not on the classpath: " + missing);
                    if (LOGGED.add(line)) {
                        LOG.log(Level.INFO, line);
                    }
                }
                return new Selection<>(provider, skipped.isEmpty()
                        ? "highest priority" : "highest priority available (skipped " + String.join("; ", skipped) + ")");
            }
            skipped.add(provider.name() + ": " + describe(cause.get()));
            causes.add(cause.get());
        }
        BackendUnavailableException none = new BackendUnavailableException("No " + kind.noun()
                + " is available here: " + String.join("; ", skipped), causes.get(0));
        causes.stream().skip(1).forEach(none::addSuppressed);
        throw none;
    }

    private String unknownNameMessage(SelectionSettings.NamedBy named) {
        TreeSet<String> names = providers.stream().map(Backend::name).collect(Collectors.toCollection(TreeSet::new));
        StringBuilder text = new StringBuilder("No ").append(kind.noun()).append(" '").append(named.name())
                .append("'. Available: ").append(names).append('.');
        String artifact = kind.knownArtifacts().get(named.name());
        if (artifact != null) {
            text.append(" Add io.procmux:").append(artifact).append(" to the classpath.");
        } else {
            NearestName.suggest(named.name(), names).ifPresent(s -> text.append(" Did you mean '").append(s).append("'?"));
        }
        if (!named.source().startsWith("--") && !named.source().equals("caller")) {
            text.append(" (named by ").append(named.source()).append(')');
        }
        return text.toString();
    }

    private String emptyKindMessage() {
        StringBuilder text = new StringBuilder("No ").append(kind.noun()).append(" on the classpath. Add one of: ")
                .append(String.join(", ", kind.artifactCoordinates())).append('.');
        if (!failures.isEmpty()) {
            text.append(" Providers that failed to load: ")
                    .append(failures.stream().map(ProviderFailure::description).collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    private String missingKnownNames() {
        return kind.knownArtifacts().entrySet().stream()
                .filter(e -> find(e.getKey()).isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (io.procmux:" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /** A throwable as one line: its message, or its class name when it has none. */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }

    private static String capitalize(String noun) {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }

    private static String describeLoadFailure(BackendKind<?> kind, Throwable error) {
        StringBuilder text = new StringBuilder("a ").append(kind.noun()).append(" provider failed to load and was skipped: ")
                .append(describe(error));
        Throwable cause = error.getCause();
        if (cause != null && cause != error) {
            text.append(" (").append(cause.getClass().getName()).append(": ").append(describe(cause)).append(')');
        }
        return text.toString();
    }

    static String describeClass(Class<?> type) {
        String where = "unknown location";
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location != null) {
                where = location.toString();
            }
        } catch (SecurityException e) {
            where = "location hidden";
        }
        return type.getName() + " (" + where + ")";
    }

    /**
     * The outcome of {@link #select}: the provider and why it was chosen.
     *
     * @param provider the chosen provider, available at the time of the choice
     * @param reason why, e.g. {@code named by --mux} or {@code highest priority}
     * @param <P> the provider interface
     */
    public record Selection<P extends Backend>(P provider, String reason) {
    }
}
