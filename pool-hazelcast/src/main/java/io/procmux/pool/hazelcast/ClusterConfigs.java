package io.procmux.pool.hazelcast;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.XmlClientConfigBuilder;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Builds the Hazelcast member and client configurations of a {@code hazelcast} pool from
 * {@link HazelcastPoolOptions}: explicit cluster name, bound to the given interface (loopback by
 * default), multicast and auto-detection off, TCP/IP join of the given addresses (none: a member
 * alone), phone-home off, logging through SLF4J, the {@value #EXECUTOR} executor sized to the
 * pool, and the member's pid as attribute {@value #PID_ATTRIBUTE}; a client also gets Hazelcast's
 * Java deserialization filter ({@link ClusterSerialFilter}; a member gets it when it starts). A
 * configuration file replaces the built network and join settings; the other settings are still
 * applied, and a serialization filter it configures is merged, not replaced.
 *
 * <p>Cost: object building only, or one file read.
 */
public final class ClusterConfigs {
    /** The executor the pool submits to. */
    public static final String EXECUTOR = "procmux-pool";
    /** The member attribute holding the member JVM's pid. */
    public static final String PID_ATTRIBUTE = "procmux.pid";
    /** The member attribute holding the member's {@link ExecutionMode} label. */
    public static final String MODE_ATTRIBUTE = "procmux.mode";

    private ClusterConfigs() {
    }

    /**
     * The configuration of a member that runs {@code threads} tasks at once.
     *
     * @throws UncheckedIOException when the configuration file cannot be read
     */
    public static Config member(HazelcastPoolOptions o, int threads) {
        Config c;
        if (o.configFile().isPresent()) {
            try {
                c = Config.loadFromFile(o.configFile().get().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read hazelcast configuration " + o.configFile().get(), e);
            }
        } else {
            c = new Config();
            c.setClusterName(o.clusterName());
            NetworkConfig net = c.getNetworkConfig();
            net.setPort(o.port()).setPortAutoIncrement(true);
            net.getInterfaces().setEnabled(true).addInterface(o.bindAddress());
            JoinConfig join = net.getJoin();
            join.getMulticastConfig().setEnabled(false);
            join.getAutoDetectionConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(!o.members().isEmpty()).setMembers(o.members());
            c.setProperty("hazelcast.socket.bind.any", "false");
        }
        common(c::setProperty);
        if (!c.getExecutorConfigs().containsKey(EXECUTOR)) {
            c.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(threads));
        }
        c.getMemberAttributeConfig().setAttribute(PID_ATTRIBUTE, Long.toString(ProcessHandle.current().pid()));
        c.getMemberAttributeConfig().setAttribute(MODE_ATTRIBUTE, o.mode().label());
        return c;
    }

    /**
     * The configuration of a client of the cluster the options name.
     *
     * @throws UncheckedIOException when the configuration file cannot be read
     */
    public static ClientConfig client(HazelcastPoolOptions o) {
        ClientConfig c;
        if (o.configFile().isPresent()) {
            Path file = o.configFile().get();
            try {
                c = file.toString().endsWith(".xml") ? new XmlClientConfigBuilder(file.toFile()).build()
                        : new YamlClientConfigBuilder(file.toFile()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read hazelcast client configuration " + file, e);
            }
        } else {
            c = new ClientConfig();
            c.setClusterName(o.clusterName());
            c.getNetworkConfig().setAddresses(o.members());
        }
        common(c::setProperty);
        ClusterSerialFilter.apply(c.getSerializationConfig(), AllowList.of(o));
        return c;
    }

    private static void common(java.util.function.BiConsumer<String, String> property) {
        property.accept("hazelcast.phone.home.enabled", "false");
        property.accept("hazelcast.logging.type", "slf4j");
    }
}
