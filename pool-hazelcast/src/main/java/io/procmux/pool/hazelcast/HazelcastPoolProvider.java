package io.procmux.pool.hazelcast;

import com.google.auto.service.AutoService;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.spi.PoolProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider of the {@code hazelcast} pool: the Pool API on the members of a Hazelcast cluster. With
 * no configuration it starts one embedded member on 127.0.0.1 in a cluster of its own; the
 * {@value HazelcastPoolOptions#PREFIX}{@code *} system properties (or {@link #create(PoolOptions,
 * HazelcastPoolOptions)}) join or connect to a real cluster. Priority 10, below {@code local}:
 * chosen only when named ({@code -Dprocmux.pool=hazelcast}).
 *
 * <p>Of {@link PoolOptions} it honours the process count (each member's task concurrency and the
 * chunking width) and the retry policy, and refuses the options it cannot honour (initializer,
 * recycling, JVM options, spawner, multiplexer, codec); in {@code local-pool} mode the member's
 * local pool gets the same process count. Cost of {@link #create}: a member (about a second) or a client start.
 */
@AutoService(PoolProvider.class)
public final class HazelcastPoolProvider implements PoolProvider {
    private static final java.util.concurrent.atomic.AtomicInteger POOLS = new java.util.concurrent.atomic.AtomicInteger();

    /** Creates the provider; loads no Hazelcast class. */
    public HazelcastPoolProvider() {
    }

    @Override
    public String name() {
        return "hazelcast";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Probe.CAUSE;
    }

    /**
     * Where a pool would run, read from the {@value HazelcastPoolOptions#PREFIX}{@code *} system
     * properties without starting anything: {@code cluster}, {@code join}, {@code mode} and
     * {@code serialFilter} (what members and the caller deserialize).
     */
    @Override
    public Map<String, String> capabilities() {
        Map<String, String> facts = new LinkedHashMap<>();
        HazelcastPoolOptions o;
        try {
            o = HazelcastPoolOptions.fromSystem();
        } catch (IllegalArgumentException e) {
            facts.put("config", "invalid: " + e.getMessage());
            return facts;
        }
        facts.put("cluster", System.getProperty(HazelcastPoolOptions.PREFIX + "cluster", "random per pool"));
        facts.put("join", o.configFile().map(f -> "config file " + f)
                .orElse(o.client() ? "client of " + o.members() : o.members().isEmpty() ? "one embedded member alone"
                        : "embedded member joining " + o.members()));
        facts.put("mode", o.mode().label());
        facts.put("serialFilter", o.serialFilter().isEmpty() ? "JDK value types and what this JVM submits"
                : "JDK value types, what this JVM submits, and " + o.serialFilter());
        return facts;
    }

    /** Creates a pool configured by the {@value HazelcastPoolOptions#PREFIX}{@code *} system properties. */
    @Override
    public Pool create(PoolOptions options) {
        return create(options, HazelcastPoolOptions.fromSystem());
    }

    /** Creates a pool on the cluster {@code cluster} describes. */
    public Pool create(PoolOptions options, HazelcastPoolOptions cluster) {
        refuseUnsupported(options);
        String name = "procmux-hz-pool-" + POOLS.incrementAndGet();
        AllowList filter = AllowList.of(cluster);
        ClusterLink link = ClusterLink.open(cluster, options.processes(), name, filter);
        Dispatcher dispatcher = new Dispatcher(link, options.retry(), name, filter);
        return new HazelcastPool(options.processes(), dispatcher, filter);
    }

    /** Options this backend cannot honour are refused rather than ignored. */
    private static void refuseUnsupported(PoolOptions o) {
        List<String> set = new ArrayList<>();
        o.initializer().ifPresent(i -> set.add("initializer"));
        o.maxTasksPerChild().ifPresent(n -> set.add("maxTasksPerChild"));
        if (!o.jvmOptions().isEmpty()) {
            set.add("jvmOptions");
        }
        o.spawner().ifPresent(x -> set.add("spawner"));
        o.multiplexer().ifPresent(x -> set.add("multiplexer"));
        o.codec().ifPresent(x -> set.add("codec"));
        if (!set.isEmpty()) {
            throw new IllegalArgumentException("the hazelcast pool does not support the pool options " + set
                    + "; it honours processes and retry (members are configured with procmux.hazelcast.* properties)");
        }
    }

    /** Whether Hazelcast's classes are on the classpath, probed once. */
    private static final class Probe {
        static final Optional<Throwable> CAUSE = probe();

        private static Optional<Throwable> probe() {
            try {
                Class.forName("com.hazelcast.core.Hazelcast", false, HazelcastPoolProvider.class.getClassLoader());
                return Optional.empty();
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of(e);
            }
        }
    }
}
