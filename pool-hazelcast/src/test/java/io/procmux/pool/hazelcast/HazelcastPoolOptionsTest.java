package io.procmux.pool.hazelcast;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.procmux.pool.PoolOptions;
import io.procmux.spi.BackendKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration: defaults, system properties, the member configuration built from them, bad values. */
class HazelcastPoolOptionsTest {

    @Test
    void theProviderIsFoundOnceAndAvailableBelowTheLocalPool() {
        HazelcastPoolProvider p = assertDiscoveredOnce(BackendKind.POOL, "hazelcast", HazelcastPoolProvider.class);
        assertThat(p.isAvailable()).isTrue();
        assertThat(p.priority()).isLessThan(100);
    }

    @Test
    void defaultsAreOneLoopbackMemberAloneWithNoPhoneHomeAndSlf4jLogging() {
        HazelcastPoolOptions o = HazelcastPoolOptions.fromProperties(new Properties());
        assertThat(o.clusterName()).matches("procmux-[0-9a-f]+");
        assertThat(o.client()).isFalse();
        assertThat(o.mode()).isEqualTo(ExecutionMode.IN_PROCESS);
        Config c = ClusterConfigs.member(o, 3);
        assertThat(c.getClusterName()).isEqualTo(o.clusterName());
        assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(c.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
        assertThat(c.getExecutorConfig(ClusterConfigs.EXECUTOR).getPoolSize()).isEqualTo(3);
        assertThat(c.getMemberAttributeConfig().getAttributes())
                .containsEntry(ClusterConfigs.PID_ATTRIBUTE, Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void systemPropertiesNameTheClusterMembersModeAndClient() {
        Properties p = new Properties();
        p.setProperty("procmux.hazelcast.cluster", "prod");
        p.setProperty("procmux.hazelcast.members", "10.0.0.1:5701, 10.0.0.2");
        p.setProperty("procmux.hazelcast.mode", "local-pool");
        p.setProperty("procmux.hazelcast.port", "6000");
        HazelcastPoolOptions o = HazelcastPoolOptions.fromProperties(p);
        assertThat(o.clusterName()).isEqualTo("prod");
        assertThat(o.members()).containsExactly("10.0.0.1:5701", "10.0.0.2");
        assertThat(o.mode()).isEqualTo(ExecutionMode.LOCAL_POOL);
        Config c = ClusterConfigs.member(o, 1);
        assertThat(c.getNetworkConfig().getPort()).isEqualTo(6000);
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2");
        p.setProperty("procmux.hazelcast.client", "true");
        assertThat(ClusterConfigs.client(HazelcastPoolOptions.fromProperties(p)).getNetworkConfig().getAddresses())
                .containsExactly("10.0.0.1:5701", "10.0.0.2");
    }

    @Test
    void aConfigurationFileReplacesTheBuiltNetworkSettings(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("member.yaml");
        Files.writeString(yaml, "hazelcast:\n  cluster-name: from-file\n  network:\n    port:\n      port: 6100\n");
        Config c = ClusterConfigs.member(HazelcastPoolOptions.builder().configFile(yaml).build(), 2);
        assertThat(c.getClusterName()).isEqualTo("from-file");
        assertThat(c.getNetworkConfig().getPort()).isEqualTo(6100);
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    }

    @Test
    void poolOptionsItCannotHonourAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> new HazelcastPoolProvider().create(PoolOptions.builder().maxTasksPerChild(3)
                .jvmOptions(List.of("-Xmx1g")).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the hazelcast pool does not support the pool options [maxTasksPerChild, jvmOptions]");
    }

    @Test
    void badValuesAreRefusedNamingThemAndTheLimit() {
        Properties p = new Properties();
        p.setProperty("procmux.hazelcast.mode", "threads");
        assertThatThrownBy(() -> HazelcastPoolOptions.fromProperties(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown hazelcast execution mode 'threads'; use one of [in-process, local-pool]");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().port(70000)).hasMessage("port must be from 1 to 65535, not 70000");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().members(List.of("host:x")))
                .hasMessage("bad port 'x' in member address 'host:x'");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().members(List.of("host:0")))
                .hasMessage("port 0 in member address 'host:0' is not from 1 to 65535");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().client(true).build())
                .hasMessageContaining("client mode needs member addresses");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().configFile(Path.of("/no/such.xml")))
                .hasMessage("hazelcast configuration file /no/such.xml does not exist");
        Properties bad = new Properties();
        bad.setProperty("procmux.hazelcast.port", "many");
        assertThatThrownBy(() -> HazelcastPoolOptions.fromProperties(bad))
                .hasMessage("procmux.hazelcast.port must be a number from 1 to 65535, not 'many'");
    }
}
