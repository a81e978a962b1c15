package io.procmux.pool.hazelcast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@code hazelcast} pool runs its tasks: by default one embedded member bound to
 * 127.0.0.1 in a cluster of its own (a random {@code procmux-} name, no discovery); or a member
 * that joins the given addresses; or a member or client built from a Hazelcast XML/YAML file; or
 * a client of an existing cluster. Plus the {@link ExecutionMode} of the members this pool starts.
 * Immutable; build with {@link #builder()} or read {@link #fromSystem()}.
 *
 * <p>System properties (each optional): {@value #PREFIX}{@code cluster}, {@code members}
 * (comma-separated {@code host[:port]}), {@code config} (file path), {@code client}
 * ({@code true}/{@code false}), {@code bind}, {@code port}, {@code mode}
 * ({@code in-process}/{@code local-pool}), {@code serialFilter} (comma-separated allow and
 * {@code !} block entries, see {@link Builder#allow}).
 */
public final class HazelcastPoolOptions {
    /** The prefix of the system properties read by {@link #fromSystem()}. */
    public static final String PREFIX = "procmux.hazelcast.";
    /** Hazelcast's default member port, the first one tried. */
    public static final int DEFAULT_PORT = 5701;

    private final String clusterName;
    private final List<String> members;
    private final @Nullable Path configFile;
    private final boolean client;
    private final String bindAddress;
    private final int port;
    private final ExecutionMode mode;
    private final List<String> serialFilter;

    private HazelcastPoolOptions(Builder b) {
        this.clusterName = b.clusterName != null ? b.clusterName
                : "procmux-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        this.members = List.copyOf(b.members);
        this.configFile = b.configFile;
        this.client = b.client;
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.mode = b.mode;
        this.serialFilter = List.copyOf(b.serialFilter);
        if (client && members.isEmpty() && configFile == null) {
            throw new IllegalArgumentException("client mode needs member addresses (" + PREFIX
                    + "members) or a client configuration file (" + PREFIX + "config) to connect to");
        }
    }

    /** A builder with the defaults: embedded member, loopback, in-process execution. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options the {@value #PREFIX}{@code *} system properties give (defaults where unset). */
    public static HazelcastPoolOptions fromSystem() {
        return fromProperties(System.getProperties());
    }

    /**
     * The options {@code props} give under {@value #PREFIX}.
     *
     * @throws IllegalArgumentException naming the property and its bad value
     */
    public static HazelcastPoolOptions fromProperties(Properties props) {
        Builder b = builder();
        String v;
        if ((v = props.getProperty(PREFIX + "cluster")) != null) {
            b.clusterName(v);
        }
        if ((v = props.getProperty(PREFIX + "members")) != null && !v.isBlank()) {
            b.members(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if ((v = props.getProperty(PREFIX + "config")) != null) {
            b.configFile(Path.of(v));
        }
        if ((v = props.getProperty(PREFIX + "client")) != null) {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(PREFIX + "client must be true or false, not '" + v + "'");
            }
            b.client(Boolean.parseBoolean(v));
        }
        if ((v = props.getProperty(PREFIX + "bind")) != null) {
            b.bindAddress(v);
        }
        if ((v = props.getProperty(PREFIX + "port")) != null) {
            try {
                b.port(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PREFIX + "port must be a number from 1 to 65535, not '" + v + "'", e);
            }
        }
        if ((v = props.getProperty(PREFIX + "mode")) != null) {
            b.mode(ExecutionMode.parse(v));
        }
        if ((v = props.getProperty(AllowList.PROPERTY)) != null) {
            try {
                b.allow(AllowList.split(v).toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Bad " + AllowList.PROPERTY + " '" + v + "': " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** The cluster name members and clients must share. */
    public String clusterName() {
        return clusterName;
    }

    /** The {@code host[:port]} addresses to join (member) or connect to (client); empty for none. */
    public List<String> members() {
        return members;
    }

    /** A Hazelcast XML or YAML configuration file, used instead of the built configuration. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** Whether the pool connects as a client instead of starting a member. */
    public boolean client() {
        return client;
    }

    /** The interface the member binds to. */
    public String bindAddress() {
        return bindAddress;
    }

    /** The first port the member tries (it counts up from there when taken). */
    public int port() {
        return port;
    }

    /** How the members this pool starts run tasks. */
    public ExecutionMode mode() {
        return mode;
    }

    /** The deserialization allow entries (and {@code !} block entries) given by {@link Builder#allow}. */
    public List<String> serialFilter() {
        return serialFilter;
    }

    @Override
    public String toString() {
        return (client ? "client" : "member") + " of cluster '" + clusterName + "'"
                + (members.isEmpty() ? "" : " via " + members)
                + (configFile == null ? "" : " configured by " + configFile)
                + (client ? "" : " on " + bindAddress + ":" + port + ", " + mode.label());
    }

    /** Builds {@link HazelcastPoolOptions}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String clusterName;
        private List<String> members = List.of();
        private @Nullable Path configFile;
        private boolean client;
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private ExecutionMode mode = ExecutionMode.IN_PROCESS;
        private final List<String> serialFilter = new ArrayList<>();

        private Builder() {
        }

        /** The cluster name (non-blank); a random {@code procmux-} one when not given. */
        public Builder clusterName(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("the cluster name must not be blank");
            }
            this.clusterName = name;
            return this;
        }

        /** Addresses ({@code host} or {@code host:port}) to join or connect to. */
        public Builder members(List<String> addresses) {
            for (String a : addresses) {
                checkAddress(a);
            }
            this.members = List.copyOf(addresses);
            return this;
        }

        /** A Hazelcast XML or YAML file (member or client configuration, by {@link #client}). */
        public Builder configFile(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("hazelcast configuration file " + file + " does not exist");
            }
            String name = file.getFileName().toString();
            if (!name.endsWith(".xml") && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
                throw new IllegalArgumentException("hazelcast configuration file " + file
                        + " must end in .xml, .yaml or .yml");
            }
            this.configFile = file;
            return this;
        }

        /** Connect as a client instead of starting a member. */
        public Builder client(boolean asClient) {
            this.client = asClient;
            return this;
        }

        /** The interface the member binds to (default 127.0.0.1). */
        public Builder bindAddress(String address) {
            if (address.isBlank()) {
                throw new IllegalArgumentException("the bind address must not be blank");
            }
            this.bindAddress = address;
            return this;
        }

        /** The first port the member tries, 1 to 65535 (default {@value HazelcastPoolOptions#DEFAULT_PORT}). */
        public Builder port(int first) {
            if (first < 1 || first > 65535) {
                throw new IllegalArgumentException("port must be from 1 to 65535, not " + first);
            }
            this.port = first;
            return this;
        }

        /** How the members this pool starts run tasks. */
        public Builder mode(ExecutionMode m) {
            this.mode = m;
            return this;
        }

        /**
         * Adds classes the members and the caller may deserialize: the user's task classes, the
         * classes of their arguments and results, and their exceptions. Each entry is a class
         * ({@code com.example.Task}, nested classes included), a package ({@code com.example.*}),
         * a package and its subpackages ({@code com.example.**}), or a name prefix
         * ({@code com.example.Task*}); {@code !} in front blocks instead. The same entries are
         * read from {@code -Dprocmux.hazelcast.serialFilter}, comma-separated, which is how a member
         * JVM of its own ({@link ClusterMember}) learns them.
         *
         * <p>Without entries a pool still runs everything its own JVM submitted to its embedded
         * member (see {@code AllowList}: those classes are learned at submit time), plus JDK value
         * types; members in other JVMs, clients reading results, and result or exception classes
         * that never travelled as an argument need entries. Known gadget classes stay blocked
         * whatever the entries say.
         *
         * @throws IllegalArgumentException naming a malformed entry, or one that would allow every class
         */
        public Builder allow(String... classOrPackagePatterns) {
            for (String e : classOrPackagePatterns) {
                NamePattern.parse(e);
            }
            serialFilter.addAll(List.of(classOrPackagePatterns));
            return this;
        }

        /** Builds the options. @throws IllegalArgumentException for client mode without an address or file */
        public HazelcastPoolOptions build() {
            return new HazelcastPoolOptions(this);
        }

        private static void checkAddress(String a) {
            int colon = a.lastIndexOf(':');
            if (a.isBlank() || colon == 0) {
                throw new IllegalArgumentException("bad member address '" + a + "'; use host or host:port");
            }
            if (colon > 0) {
                String p = a.substring(colon + 1);
                int n;
                try {
                    n = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad port '" + p + "' in member address '" + a + "'", e);
                }
                if (n < 1 || n > 65535) {
                    throw new IllegalArgumentException("port " + n + " in member address '" + a
                            + "' is not from 1 to 65535");
                }
            }
        }
    }
}
