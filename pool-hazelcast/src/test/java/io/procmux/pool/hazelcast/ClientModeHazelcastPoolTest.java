package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.testkit.PoolTasks;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pool conformance suite in client mode: the pool connects to a member started beforehand
 * (in this JVM), which runs the tasks; closing the pool leaves no client thread behind.
 */
class ClientModeHazelcastPoolTest extends InProcessHazelcastPoolTest {
    private HazelcastInstance member;
    private HazelcastPoolOptions client;

    @Override
    protected void beforePools() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String cluster = "procmux-client-test-" + port;
        // the suite's tasks are lambdas and method references written in testkit's contracts and here
        member = ClusterMember.start(HazelcastPoolOptions.builder().clusterName(cluster).port(port)
                .allow("io.procmux.testkit.**", ClientModeHazelcastPoolTest.class.getName()).build(), 2);
        String address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        client = HazelcastPoolOptions.builder().clusterName(cluster).client(true).members(List.of(address)).build();
        // the member's executor threads start with its first tasks; start them before any leak snapshot
        try (Pool warm = newPool(options())) {
            warm.map(PoolTasks::sleepThenEcho, List.of(300, 300, 300, 300), 1);
        }
    }

    @Override
    protected void afterPools() {
        member.shutdown();
    }

    /**
     * The member's own threads and the shared pool's client threads (both start threads on demand)
     * are not the threads of the pool under test.
     */
    @Override
    public boolean isForeignThread(String name) {
        return name.startsWith("hz." + member.getName() + ".") || name.startsWith(callbackThreadName(pool()) + "-");
    }

    @Override
    public Pool newPool(PoolOptions.Builder options) {
        return new HazelcastPoolProvider().create(options.build(), client);
    }

    @Test
    @Override
    void theClusterIsOneLoopbackMemberOfThisJvmWithAnExplicitName() {
        ClusterPool pool = (ClusterPool) pool();
        assertThat(pool.clusterName()).startsWith("procmux-client-test-");
        assertThat(pool.members()).containsExactly("127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort()
                + " pid " + ProcessHandle.current().pid());
    }
}
