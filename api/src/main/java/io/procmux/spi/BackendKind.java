package io.procmux.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of pluggable service: its short id (used in {@code -Dprocmux.<id>} and
 * {@code PROCMUX_<ID>}), the noun used in messages, its provider interface, and the first-party
 * artifacts that provide each known backend name (used to tell a user what to add).
 *
 * <p>Instances are constants; comparing them with {@code ==} is fine.
 *
 * @param <P> the provider interface of this kind
 */
public final class BackendKind<P extends Backend> {

    /** Process spawners: {@code posix}, {@code jvm}. */
    public static final BackendKind<SpawnerProvider> SPAWNER = new BackendKind<>(
            "spawner", "spawner", SpawnerProvider.class,
            Map.of("posix", "procmux-spawn-posix", "jvm", "procmux-spawn-jvm"));

    /** Readiness multiplexers: {@code epoll}, {@code poll}, {@code select}. */
    public static final BackendKind<MultiplexerProvider> MUX = new BackendKind<>(
            "mux", "multiplexer", MultiplexerProvider.class,
            Map.of("epoll", "procmux-mux-epoll", "poll", "procmux-mux-select", "select", "procmux-mux-select"));

    /** Codecs: {@code struct}. */
    public static final BackendKind<CodecProvider> CODEC = new BackendKind<>(
            "codec", "codec", CodecProvider.class,
            Map.of("struct", "procmux-codec-struct"));

    /** Process pools: {@code local}, {@code hazelcast}. */
    public static final BackendKind<PoolProvider> POOL = new BackendKind<>(
            "pool", "pool", PoolProvider.class,
            Map.of("local", "procmux-pool", "hazelcast", "procmux-pool-hazelcast"));

    /** Process tables: {@code procfs}, {@code jvm}. */
    public static final BackendKind<ProcessTableProvider> PROC = new BackendKind<>(
            "proc", "process table", ProcessTableProvider.class,
            Map.of("procfs", "procmux-spawn-posix", "jvm", "procmux-spawn-jvm"));

    /** Unix domain socket implementations: {@code unix}. */
    public static final BackendKind<UnixSocketsProvider> IPC = new BackendKind<>(
            "ipc", "Unix socket backend", UnixSocketsProvider.class,
            Map.of("unix", "procmux-ipc-unix"));

    private static final List<BackendKind<?>> ALL = List.of(SPAWNER, MUX, CODEC, POOL, PROC, IPC);

    private final String id;
    private final String noun;
    private final Class<P> providerType;
    private final Map<String, String> knownArtifacts;

    private BackendKind(String id, String noun, Class<P> providerType, Map<String, String> knownArtifacts) {
        this.id = id;
        this.noun = noun;
        this.providerType = providerType;
        this.knownArtifacts = Map.copyOf(knownArtifacts);
    }

    /** Every kind, in a fixed order: spawner, mux, codec, pool, proc, ipc. */
    public static List<BackendKind<?>> all() {
        return ALL;
    }

    /** The kind with this id ({@code spawner}, {@code mux}, ...). */
    public static BackendKind<?> byId(String id) {
        for (BackendKind<?> kind : ALL) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No backend kind '" + id + "'. Kinds: "
                + ALL.stream().map(BackendKind::id).toList());
    }

    /** The short id: {@code spawner}, {@code mux}, {@code codec}, {@code pool}, {@code proc}, {@code ipc}. */
    public String id() {
        return id;
    }

    /** The noun used in messages, e.g. {@code multiplexer}. */
    public String noun() {
        return noun;
    }

    /** The provider interface that {@link java.util.ServiceLoader} looks up. */
    public Class<P> providerType() {
        return providerType;
    }

    /** The system property that names a backend of this kind: {@code procmux.<id>}. */
    public String propertyName() {
        return "procmux." + id;
    }

    /** The environment variable that names a backend of this kind: {@code PROCMUX_<ID>}. */
    public String environmentVariable() {
        return "PROCMUX_" + id.toUpperCase(Locale.ROOT);
    }

    /** First-party backend names of this kind mapped to the artifactId that provides each. */
    public Map<String, String> knownArtifacts() {
        return knownArtifacts;
    }

    /** The distinct first-party artifacts of this kind, sorted, as {@code io.procmux:<artifactId>}. */
    public List<String> artifactCoordinates() {
        return knownArtifacts.values().stream().distinct().sorted().map(a -> "io.procmux:" + a).toList();
    }

    @Override
    public String toString() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
