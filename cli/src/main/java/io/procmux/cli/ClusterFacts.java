package io.procmux.cli;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.PoolProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code cluster} section of {@code procmux doctor}: the hazelcast pool's configuration (from
 * its provider's capabilities, nothing started) and, when asked ({@code --cluster}), the members
 * seen after joining the cluster with a one-process pool. Cost without joining: none; joining
 * starts a Hazelcast member or client (about a second) and leaves it before returning.
 */
final class ClusterFacts {
    private ClusterFacts() {
    }

    /** Whether the pool kind is set to hazelcast by property or environment. */
    static boolean configured() {
        String named = System.getProperty("procmux.pool", System.getenv("PROCMUX_POOL"));
        return "hazelcast".equals(named);
    }

    static Map<String, String> report(BackendCatalog<PoolProvider> pools, boolean join) {
        Map<String, String> m = new LinkedHashMap<>();
        PoolProvider hz = pools.providers().stream().filter(p -> p.name().equals("hazelcast")).findFirst().orElse(null);
        if (hz == null) {
            m.put("hazelcast", "not on the classpath (add io.procmux:procmux-pool-hazelcast)");
            return m;
        }
        if (hz.unavailabilityCause().isPresent()) {
            m.put("hazelcast", "off: " + hz.unavailabilityCause().get());
            return m;
        }
        m.put("configuration", hz.capabilities().toString());
        if (!join) {
            m.put("members", "not joined; 'procmux doctor --cluster' joins and lists them");
            return m;
        }
        try (Pool pool = hz.create(PoolOptions.builder().processes(1).build())) {
            m.put("members", pool.toString());
        } catch (RuntimeException e) {
            m.put("members", "cannot join: " + e.getMessage());
        }
        return m;
    }
}
