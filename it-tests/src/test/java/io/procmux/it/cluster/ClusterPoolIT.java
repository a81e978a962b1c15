package io.procmux.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.RetryPolicy;
import io.procmux.pool.SerializableFunction;
import io.procmux.pool.hazelcast.ClassRefusedException;
import io.procmux.pool.hazelcast.ClusterPool;
import io.procmux.pool.hazelcast.HazelcastPoolOptions;
import io.procmux.pool.hazelcast.HazelcastPoolProvider;
import io.procmux.pool.hazelcast.MemberLeftException;
import io.procmux.spawn.Child;
import io.procmux.spawn.Signal;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.testkit.ProcScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code hazelcast} pool on a real cluster: three member JVMs on loopback, started through the
 * procmux spawner with {@code -Dprocmux.hazelcast.serialFilter} naming this class, and the pool as
 * a client. A task class the members were not told about is refused by the member that reads it,
 * naming the class and the way to allow it, while this class's tasks run; a 10,000-task map completes; SIGKILLing a member
 * mid-run fails exactly its tasks with {@link MemberLeftException} naming it; with a retry
 * policy every task completes while one member is killed and another joins, and the one that
 * joined takes work. Cost: four member JVMs, about 40 s of CPU in all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterPoolIT {
    private static final int TASKS = 10_000;
    private Spawner spawner;
    private MemberJvms cluster;
    private List<MemberJvms.Member> members;

    @BeforeAll
    void startThreeMembers() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
        spawner = Backends.select(BackendKind.SPAWNER).create();
        cluster = new MemberJvms(spawner, 4, logs);
        members = cluster.start(3);
    }

    @AfterAll
    void stopMembers() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            spawner.close();
        }
        assertThat(ProcScan.zombieChildren()).isEmpty();
    }

    private ClusterPool pool(RetryPolicy retry) throws InterruptedException {
        ClusterPool pool = (ClusterPool) new HazelcastPoolProvider().create(PoolOptions.builder().processes(6).retry(retry).build(),
                HazelcastPoolOptions.builder().clusterName(cluster.cluster()).client(true).members(cluster.addresses()).build());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pool.members().size() < 3 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(pool.members()).hasSize(3);
        return pool;
    }

    @Test
    @Order(0)
    void membersRunTheListedTasksAndRefuseAClassTheyWereNotToldAbout() throws Exception {
        try (ClusterPool pool = pool(RetryPolicy.none())) {
            assertThat(pool.apply(ClusterTasks::spinThenPid, 10)).isIn(members.stream().map(MemberJvms.Member::pid).toList());
            ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> pool.apply(new UnlistedTask(), 1), ExecutionException.class);
            assertThat(e.getCause()).isInstanceOf(ClassRefusedException.class)
                    .hasMessageContaining("class " + UnlistedTask.class.getName() + " in the task function was refused in JVM ")
                    .hasMessageContaining("-Dprocmux.hazelcast.serialFilter=" + UnlistedTask.class.getName());
            String pid = e.getCause().getMessage().replaceAll(".* refused in JVM (\\d+):.*", "$1");
            assertThat(Long.parseLong(pid)).isIn(members.stream().map(MemberJvms.Member::pid).toList());
        }
    }

    @Test
    @Order(1)
    void aTenThousandTaskMapCompletesOnAllMembers() throws Exception {
        try (ClusterPool pool = pool(RetryPolicy.none())) {
            List<Long> pids = pool.map(ClusterTasks::spinThenPid, IntStream.range(0, TASKS).map(i -> 100).boxed().toList());
            assertThat(pids).hasSize(TASKS);
            assertThat(new HashSet<>(pids)).containsExactlyInAnyOrderElementsOf(members.stream().map(MemberJvms.Member::pid).toList());
        }
    }

    @Test
    @Order(2)
    void killingAMemberMidRunFailsExactlyItsTasksNamingIt() throws Exception {
        MemberJvms.Member victim = members.get(2);
        List<Object> outcomes = new ArrayList<>();
        try (ClusterPool pool = pool(RetryPolicy.none())) {
            AtomicInteger done = new AtomicInteger();
            List<AsyncResult<Long>> results = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                results.add(pool.applyAsync(ClusterTasks::spinThenPid, 300, pid -> done.incrementAndGet(), null));
            }
            while (done.get() < TASKS / 4) {
                Thread.sleep(5);
            }
            assertThat(victim.child().signal(Signal.KILL)).isTrue();
            for (AsyncResult<Long> r : results) {
                try {
                    outcomes.add(r.get(Duration.ofSeconds(60)));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        }
        Set<Long> pids = Set.of(members.get(0).pid(), members.get(1).pid(), victim.pid());
        List<Object> failed = outcomes.stream().filter(o -> !(o instanceof Long)).toList();
        assertThat(outcomes).hasSize(TASKS);
        System.out.println("killed member " + victim.address() + ": " + failed.size() + " of " + TASKS
                + " tasks failed with MemberLeftException, the others completed");
        assertThat(outcomes.stream().filter(o -> o instanceof Long)).allSatisfy(pid -> assertThat(pids).contains((Long) pid));
        assertThat(failed).isNotEmpty().allSatisfy(e -> {
            assertThat(e).isInstanceOf(MemberLeftException.class);
            MemberLeftException left = (MemberLeftException) e;
            assertThat(left).hasMessageContaining("cluster member " + victim.address() + " (");
            assertThat(left.memberAddress()).isEqualTo(victim.address());
            assertThat(left.workerPid()).isEqualTo(victim.pid());
        });
    }

    @Test
    @Order(3)
    void withARetryPolicyEveryTaskCompletesWhileAMemberDiesAndAJoinerTakesWork() throws Exception {
        MemberJvms.Member victim = members.get(1);
        Child joiner = cluster.spawnNext();
        AtomicInteger pulled = new AtomicInteger();
        try (ClusterPool pool = pool(RetryPolicy.maxAttempts(3))) {
            String joinerAddress = cluster.started().get(3).address();
            Iterator<Integer> items = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return pulled.get() < TASKS;
                }

                @Override
                public Integer next() {
                    int n = pulled.incrementAndGet();
                    if (n == TASKS / 4) {
                        victim.child().signal(Signal.KILL);
                    } else if (n == TASKS / 2) {
                        awaitMember(pool, joinerAddress);
                    }
                    return 300;
                }
            };
            List<Long> pids = new ArrayList<>();
            pool.imap(ClusterTasks::spinThenPid, () -> items, 20).forEachRemaining(pids::add);
            assertThat(pids).hasSize(TASKS);
            System.out.println("with retry: " + pids.size() + " results, " + pids.stream().filter(p -> p == joiner.pid()).count()
                    + " run by the member that joined mid-run");
            assertThat(pids).contains(joiner.pid());
            assertThat(new HashSet<>(pids)).isSubsetOf(members.get(0).pid(), victim.pid(), joiner.pid());
        }
    }

    private static void awaitMember(ClusterPool pool, String address) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pool.members().stream().noneMatch(m -> m.startsWith(address + " ")) && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(pool.members()).anySatisfy(m -> assertThat(m).startsWith(address + " "));
    }
}

/** A task class outside the members' allow-list (a top-level class: ClusterPoolIT's nested ones are listed). */
final class UnlistedTask implements SerializableFunction<Integer, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long apply(Integer x) {
        return (long) x;
    }
}
