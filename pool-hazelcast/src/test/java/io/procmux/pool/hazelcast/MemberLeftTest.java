package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second member in this JVM joins the pool's member, takes half the tasks, and is terminated
 * mid-task: its tasks fail with {@link MemberLeftException} naming it (each ran at most once), or,
 * with a retry policy, run again on the member that stayed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemberLeftTest {
    private static final int TASKS = 8;

    @BeforeEach
    void clearRuns() {
        HazelcastTasks.RUNS.clear();
    }

    @Test
    void tasksOnAMemberThatLeftFailNamingItAndRanOnce() throws Exception {
        List<Object> outcomes = runWhileAMemberLeaves(RetryPolicy.none());
        List<MemberLeftException> lost = outcomes.stream().filter(MemberLeftException.class::isInstance)
                .map(MemberLeftException.class::cast).toList();
        assertThat(lost).isNotEmpty().allSatisfy(e -> {
            assertThat(e.memberAddress()).isEqualTo(leaver);
            assertThat(e.getMessage()).contains("cluster member " + leaver).contains("left the cluster");
            assertThat(e.workerPid()).isEqualTo(ProcessHandle.current().pid());
        });
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(Integer.class, MemberLeftException.class));
        assertThat(HazelcastTasks.RUNS.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void withARetryPolicyEveryTaskCompletes() throws Exception {
        List<Object> outcomes = runWhileAMemberLeaves(RetryPolicy.maxAttempts(3));
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            expected.add(i);
        }
        assertThat(outcomes).isEqualTo(expected);
        assertThat(HazelcastTasks.RUNS.values()).contains(2);
    }

    private String leaver = "";

    /** Each task's value, or the exception it failed with. */
    private List<Object> runWhileAMemberLeaves(RetryPolicy retry) throws Exception {
        int port = freePort();
        String cluster = "procmux-left-" + port;
        // another member, as if in another JVM: it learns nothing from this pool and is told what it may run
        HazelcastInstance other = ClusterMember.start(HazelcastPoolOptions.builder().clusterName(cluster).port(port)
                .members(List.of("127.0.0.1:" + port)).allow(MemberLeftTest.class.getName()).build(), 2);
        leaver = "127.0.0.1:" + other.getCluster().getLocalMember().getAddress().getPort();
        List<Object> outcomes = new ArrayList<>();
        try (Pool pool = new HazelcastPoolProvider().create(PoolOptions.builder().processes(2).retry(retry).build(),
                HazelcastPoolOptions.builder().clusterName(cluster).port(port + 1).members(List.of(leaver)).build())) {
            assertThat(other.getCluster().getMembers()).hasSize(2);
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                results.add(pool.applyAsync(HazelcastTasks::countThenHold, i));
            }
            Thread.sleep(500);
            other.getLifecycleService().terminate();
            for (AsyncResult<Integer> r : results) {
                try {
                    outcomes.add(r.get(Duration.ofSeconds(60)));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            other.getLifecycleService().terminate();
        }
        return outcomes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
