package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.HazelcastInstance;
import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.SerializableFunction;
import io.procmux.testkit.PoolTasks;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.collections4.functors.HarmlessTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtered deserialization end to end: an embedded pool runs what it submits with no
 * configuration; members refuse task classes nobody allowed them, in embedded and client mode,
 * with a {@link ClassRefusedException} on the caller's result naming the class and how to allow
 * it; gadget classes stay refused; Hazelcast's own filter guards the member port; a filter from
 * the user's file is merged.
 */
class FilteredPoolTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final PoolOptions TWO = PoolOptions.builder().processes(2).build();

    /** An argument class of the caller's own. */
    record Box(int value) implements Serializable {
    }

    /** A result class the caller never sends. */
    record Made(int value) implements Serializable {
    }

    /** A task class of the caller's own. */
    record Scale(int factor) implements SerializableFunction<Box, Integer> {
        @Override
        public Integer apply(Box b) {
            return b.value() * factor;
        }
    }

    /** A task class that members are told about. */
    static final class Allowed implements SerializableFunction<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer apply(Integer x) {
            return x + 1;
        }
    }

    /** A task class that no member is told about. */
    static final class Outside implements SerializableFunction<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer apply(Integer x) {
            return x - 1;
        }
    }

    /** What an outsider could send straight to a member's executor, without procmux. */
    static final class RawCallable implements Callable<String>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String call() {
            return "ran";
        }
    }

    private static Throwable failureOf(AsyncResult<?> r) throws InterruptedException {
        try {
            r.get();
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the task did not fail");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String address(HazelcastInstance member) {
        return "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
    }

    @Test
    void anEmbeddedPoolRunsWhatItSubmitsTaskClassesLambdasAndMethodReferencesWithNoConfiguration() throws Exception {
        int offset = 10;
        try (Pool pool = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder().build())) {
            assertThat(pool.apply(new Scale(3), new Box(2))).isEqualTo(6);
            assertThat(pool.map(x -> x + offset, List.of(1, 2, 3))).containsExactly(11, 12, 13);
            assertThat(pool.apply(PoolTasks::square, 9)).isEqualTo(81);
            assertThat(pool.starmap((Box b, Integer n) -> b.value() * n, List.of(java.util.Map.entry(new Box(4), 5))))
                    .containsExactly(20);
        }
    }

    @Test
    void aResultClassTheCallerNeverSentIsRefusedByTheCallerUntilAllowed() throws Exception {
        SerializableFunction<Integer, Made> make = Made::new;
        try (Pool pool = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder().build())) {
            Throwable e = failureOf(pool.applyAsync(make, 1));
            assertThat(e).isInstanceOf(ClassRefusedException.class).hasMessageStartingWith("class " + Made.class.getName()
                    + " in the result was refused in JVM " + PID + ": it is not on the deserialization allow-list there."
                    + " Allow it on every member and client with HazelcastPoolOptions.builder().allow(\""
                    + Made.class.getName() + "\") or -Dprocmux.hazelcast.serialFilter=" + Made.class.getName());
            assertThat(((ClassRefusedException) e).className()).isEqualTo(Made.class.getName());
        }
        try (Pool pool = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder()
                .allow(Made.class.getName()).build())) {
            assertThat(pool.apply(make, 1)).isEqualTo(new Made(1));
        }
    }

    @Test
    void aMemberRefusesTaskClassesItWasNotToldAboutAndTheClientSeesWhy() throws Exception {
        int port = freePort();
        String cluster = "procmux-filter-" + port;
        // an embedded pool's member, in a JVM of its own as far as the client is concerned
        try (Pool host = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder().clusterName(cluster)
                .port(port).allow(Allowed.class.getName()).build());
             Pool client = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder().clusterName(cluster)
                .client(true).members(List.of("127.0.0.1:" + port)).build())) {
            assertThat(client.apply(new Allowed(), 1)).isEqualTo(2);
            Throwable e = failureOf(client.applyAsync(new Outside(), 1));
            assertThat(e).isInstanceOf(ClassRefusedException.class).hasMessageStartingWith("class " + Outside.class.getName()
                    + " in the task function was refused in JVM " + PID + ": it is not on the deserialization allow-list");
            assertThat(e.getMessage()).contains("allow(\"" + Outside.class.getName() + "\")",
                    "-Dprocmux.hazelcast.serialFilter=" + Outside.class.getName());
            // a lambda's capturing class is what the member is asked to trust: this test class is not listed
            int n = 2;
            assertThat(failureOf(client.applyAsync(x -> x * n, 1))).isInstanceOf(ClassRefusedException.class)
                    .hasMessageStartingWith("class " + FilteredPoolTest.class.getName() + " in the task function");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void inLocalPoolModeTheMembersWorkerJvmsReadTasksThroughTheMembersList() throws Exception {
        int port = freePort();
        String cluster = "procmux-filter-workers-" + port;
        HazelcastInstance member = ClusterMember.start(HazelcastPoolOptions.builder().clusterName(cluster).port(port)
                .mode(ExecutionMode.LOCAL_POOL).allow(Allowed.class.getName()).build(), 1);
        try (Pool client = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder().clusterName(cluster)
                .client(true).members(List.of(address(member))).build())) {
            assertThat(client.apply(new Allowed(), 41)).isEqualTo(42);
            Throwable e = failureOf(client.applyAsync(new Outside(), 1));
            assertThat(e).isInstanceOf(ClassRefusedException.class)
                    .hasMessageContaining("class " + Outside.class.getName() + " in the task function was refused in JVM ")
                    .hasMessageNotContaining("in JVM " + PID + ":");
        } finally {
            member.shutdown();
        }
    }

    @Test
    void anEmbeddedPoolsTasksAreRefusedByAJoinedMemberThatWasNotToldAboutThem() throws Exception {
        int port = freePort();
        String cluster = "procmux-filter-join-" + port;
        HazelcastInstance other = ClusterMember.start(HazelcastPoolOptions.builder().clusterName(cluster).port(port)
                .members(List.of("127.0.0.1:" + port)).build(), 2);
        try (Pool pool = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder().clusterName(cluster)
                .port(port + 1).members(List.of(address(other))).build())) {
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.applyAsync(new Outside(), i));
            }
            int refused = 0;
            int ran = 0;
            for (AsyncResult<Integer> r : results) {
                try {
                    r.get();
                    ran++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ClassRefusedException.class)
                            .hasMessageContaining("class " + Outside.class.getName() + " in the task function was refused");
                    refused++;
                }
            }
            // round robin over two members: the pool's own member learned the class, the other refuses it
            assertThat(refused).isEqualTo(2);
            assertThat(ran).isEqualTo(2);
        } finally {
            other.getLifecycleService().terminate();
        }
    }

    @Test
    void aGadgetClassIsRefusedEvenWhenItsPrefixIsAllowedAndThisJvmSubmittedIt() throws Exception {
        try (Pool pool = new HazelcastPoolProvider().create(TWO, HazelcastPoolOptions.builder()
                .allow("org.apache.commons.**").build())) {
            Throwable e = failureOf(pool.applyAsync(PoolTasks::identity, new HarmlessTransformer()));
            assertThat(e).isInstanceOf(ClassRefusedException.class).hasMessage("class " + HarmlessTransformer.class.getName()
                    + " in the argument was refused in JVM " + PID + ": it is a known deserialization gadget (block entry"
                    + " '!org.apache.commons.collections4.functors.**'), which no allow entry overrides");
            assertThat(pool.apply(PoolTasks::square, 4)).isEqualTo(16);
        }
    }

    @Test
    void hazelcastsOwnFilterRefusesAnythingButThePoolsEnvelopesOnTheMemberPort() throws Exception {
        int port = freePort();
        String cluster = "procmux-filter-raw-" + port;
        HazelcastPoolOptions options = HazelcastPoolOptions.builder().clusterName(cluster).port(port).build();
        HazelcastInstance member = ClusterMember.start(options, 2);
        ClientConfig raw = new ClientConfig().setClusterName(cluster);
        raw.getNetworkConfig().addAddress(address(member));
        raw.setProperty("hazelcast.logging.type", "slf4j");
        HazelcastInstance outsider = HazelcastClient.newHazelcastClient(raw);
        try {
            JavaSerializationFilterConfig f = member.getConfig().getSerializationConfig().getJavaSerializationFilterConfig();
            assertThat(f.getWhitelist().getClasses()).containsAll(ClusterSerialFilter.ENVELOPES);
            assertThat(f.getBlacklist().getPrefixes()).contains("javax.management.", "java.rmi.server.");
            assertThat(ClusterConfigs.client(options).getSerializationConfig().getJavaSerializationFilterConfig()
                    .getWhitelist().getClasses()).containsAll(ClusterSerialFilter.ENVELOPES);
            var future = outsider.getExecutorService(ClusterConfigs.EXECUTOR).submit(new RawCallable());
            assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS)).hasStackTraceContaining(
                    "Resolving class " + RawCallable.class.getName() + " is not allowed");
        } finally {
            outsider.shutdown();
            member.shutdown();
        }
    }

    @Test
    void aFilterConfiguredInTheUsersFileIsMergedNotReplaced(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path xml = dir.resolve("member.xml");
        Files.writeString(xml, """
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                  <cluster-name>procmux-filter-file-%d</cluster-name>
                  <network>
                    <port auto-increment="true">%d</port>
                    <join><multicast enabled="false"/><auto-detection enabled="false"/></join>
                    <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                  </network>
                  <serialization>
                    <java-serialization-filter defaults-disabled="true">
                      <whitelist><class>com.example.Kept</class></whitelist>
                    </java-serialization-filter>
                  </serialization>
                </hazelcast>
                """.formatted(port, port));
        HazelcastPoolOptions options = HazelcastPoolOptions.builder().configFile(xml).build();
        Config merged = ClusterConfigs.member(options, 2);
        ClusterSerialFilter.apply(merged.getSerializationConfig(), AllowList.of(options));
        JavaSerializationFilterConfig f = merged.getSerializationConfig().getJavaSerializationFilterConfig();
        assertThat(f.isDefaultsDisabled()).isTrue();
        assertThat(f.getWhitelist().getClasses()).contains("com.example.Kept").containsAll(ClusterSerialFilter.ENVELOPES);
        assertThat(f.getBlacklist().getPrefixes()).contains("javax.management.");
        // with the defaults disabled by the user, the pool's envelopes still pass: the pool runs
        try (Pool pool = new HazelcastPoolProvider().create(TWO, options)) {
            assertThat(pool.apply(PoolTasks::square, 5)).isEqualTo(25);
        }
        // a blacklist-only filter (defaults disabled, no whitelist) stays blacklist-only
        Config blacklistOnly = new Config();
        blacklistOnly.getSerializationConfig().setJavaSerializationFilterConfig(
                new JavaSerializationFilterConfig().setDefaultsDisabled(true));
        ClusterSerialFilter.apply(blacklistOnly.getSerializationConfig(), AllowList.of(List.of()));
        JavaSerializationFilterConfig b = blacklistOnly.getSerializationConfig().getJavaSerializationFilterConfig();
        assertThat(b.getWhitelist().isEmpty()).isTrue();
        assertThat(b.getBlacklist().getPrefixes()).contains("com.sun.org.apache.xalan.");
    }
}
