package io.procmux.pool.hazelcast;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import java.util.List;

/**
 * Turns on Hazelcast's own Java deserialization filter in a member or client configuration: what
 * Hazelcast itself reads off the network with Java serialization. The pool ships its tasks as
 * byte arrays inside three envelope classes, so that filter needs to admit only Hazelcast's defaults
 * ({@code com.hazelcast.}, {@code java}, arrays) and those envelopes; the task payloads are filtered
 * by {@link AllowList} where they are read. Its blacklist gets {@link KnownGadgets} and the user's
 * {@code !} entries.
 *
 * <p>A filter the user configured (in a Hazelcast XML/YAML file) is kept and merged, never
 * replaced: the envelopes join its whitelist (unless it is a blacklist-only filter, with defaults
 * disabled and no whitelist, which admits them already) and the block entries join its blacklist.
 *
 * <p>Cost: configuration objects only.
 */
final class ClusterSerialFilter {
    /** The classes Hazelcast itself deserializes for the pool: three records holding byte arrays. */
    static final List<String> ENVELOPES = List.of(RemoteCall.class.getName(), Invocation.class.getName(),
            Outcome.class.getName(), byte[].class.getName());

    private ClusterSerialFilter() {
    }

    /** Sets or merges the filter into {@code config}. */
    static void apply(SerializationConfig config, AllowList filter) {
        JavaSerializationFilterConfig f = config.getJavaSerializationFilterConfig();
        if (f == null) {
            f = new JavaSerializationFilterConfig();
            config.setJavaSerializationFilterConfig(f);
        }
        boolean blacklistOnly = f.isDefaultsDisabled() && f.getWhitelist().isEmpty();
        if (!blacklistOnly) {
            f.getWhitelist().addClasses(ENVELOPES.toArray(String[]::new));
        }
        ClassFilter blacklist = f.getBlacklist();
        for (NamePattern p : filter.blocked()) {
            p.addTo(blacklist);
        }
    }
}
