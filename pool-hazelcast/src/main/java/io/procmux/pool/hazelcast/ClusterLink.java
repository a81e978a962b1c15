package io.procmux.pool.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool's own Hazelcast instance: an embedded member (alone, or joining the given addresses)
 * or a client of an existing cluster, started by {@link #open} and shut down by {@link #close}.
 *
 * <p>Threads: Hazelcast's (tens for a member, fewer for a client), all gone after {@link #close}.
 * Cost of {@link #open}: a member start, about a second.
 */
final class ClusterLink {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final HazelcastInstance instance;
    private final IExecutorService executor;

    private ClusterLink(HazelcastInstance instance) {
        this.instance = instance;
        this.executor = instance.getExecutorService(ClusterConfigs.EXECUTOR);
    }

    /** Starts the member or client {@code options} describe; a member runs {@code threads} tasks at once. */
    static ClusterLink open(HazelcastPoolOptions options, int threads) {
        if (options.client()) {
            String name = "procmux-pool-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
            return new ClusterLink(HazelcastClient.newHazelcastClient(ClusterConfigs.client(options).setInstanceName(name)));
        }
        return new ClusterLink(ClusterMember.start(options, threads));
    }

    IExecutorService executor() {
        return executor;
    }

    /** The members that run tasks (lite members excluded), in the cluster's order. */
    List<Member> members() {
        List<Member> data = new ArrayList<>();
        for (Member m : instance.getCluster().getMembers()) {
            if (!m.isLiteMember()) {
                data.add(m);
            }
        }
        return data;
    }

    /** Whether {@code m} is still in the cluster. */
    boolean isMember(Member m) {
        return instance.getLifecycleService().isRunning() && instance.getCluster().getMembers().contains(m);
    }

    /** Leaves the cluster: gracefully, or at once when {@code now}. */
    void close(boolean now) {
        if (now) {
            instance.getLifecycleService().terminate();
        } else {
            instance.shutdown();
        }
    }
}
