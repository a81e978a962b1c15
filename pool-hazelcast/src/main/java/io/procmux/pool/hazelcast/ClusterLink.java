package io.procmux.pool.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * The pool's own Hazelcast instance: an embedded member (alone, or joining the given addresses)
 * or a client of an existing cluster, started by {@link #open} and shut down by {@link #close}.
 *
 * <p>Threads: Hazelcast's (tens for a member, fewer for a client), all gone after {@link #close}.
 * Cost of {@link #open}: a member start, about a second.
 */
final class ClusterLink {
    private final HazelcastInstance instance;
    private final IExecutorService executor;
    private final String clusterName;
    private final boolean client;
    private final @Nullable ClassLoader loader;

    private ClusterLink(HazelcastInstance instance, String clusterName, boolean client, @Nullable ClassLoader loader) {
        this.instance = instance;
        this.clusterName = clusterName;
        this.client = client;
        this.loader = loader;
        this.executor = instance.getExecutorService(ClusterConfigs.EXECUTOR);
    }

    /**
     * Starts the member or client {@code options} describe, named {@code name}{@code -client} or
     * {@code -member} (Hazelcast prefixes its threads with it); a member runs {@code threads} tasks at once
     * and reads them through {@code filter}, the pool's own (so it admits what the pool learned).
     */
    static ClusterLink open(HazelcastPoolOptions options, int threads, String name, AllowList filter) {
        avoidThreadPerCompletion();
        ClassLoader loader = callersLoader();
        if (options.client()) {
            ClientConfig config = ClusterConfigs.client(options).setInstanceName(name + "-client").setClassLoader(loader);
            return new ClusterLink(HazelcastClient.newHazelcastClient(config), config.getClusterName(), true, loader);
        }
        Config config = ClusterConfigs.member(options, threads).setInstanceName(name + "-member").setClassLoader(loader);
        return new ClusterLink(ClusterMember.start(config, options.mode(), threads, filter), config.getClusterName(),
                false, loader);
    }

    /**
     * The calling thread's context class loader when it is not this module's own (an application
     * server's, a plugin's, a test runner's), else null: task classes only it can see are then
     * found by the embedded member and in results. Sound because the member runs in this JVM and
     * lives no longer than the pool; a member in another JVM has only its own class path.
     */
    private static @Nullable ClassLoader callersLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context == ClusterLink.class.getClassLoader() ? null : context;
    }

    /**
     * Where the common fork-join pool has a single thread (2 cores or fewer), Hazelcast completes
     * its futures' dependents on a new thread each (about 1 ms of CPU per task); there, make them
     * run on the completing thread instead, as Hazelcast does internally. JVM-wide and once.
     */
    private static void avoidThreadPerCompletion() {
        if (ForkJoinPool.getCommonPoolParallelism() <= 1
                && ConcurrencyUtil.getDefaultAsyncExecutor() != ConcurrencyUtil.CALLER_RUNS) {
            ConcurrencyUtil.setDefaultAsyncExecutor(ConcurrencyUtil.CALLER_RUNS);
        }
    }

    /** The caller's class loader consulted first for task, result and exception classes; null for the default. */
    @Nullable ClassLoader classLoader() {
        return loader;
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

    String clusterName() {
        return clusterName;
    }

    /** Whether {@code m} is still in the cluster. */
    boolean isMember(Member m) {
        return instance.getLifecycleService().isRunning() && instance.getCluster().getMembers().contains(m);
    }

    /**
     * Leaves the cluster: gracefully, or at once when {@code now}. A client always shuts down
     * gracefully: its tasks were cancelled already, and it holds no cluster data to hand over.
     */
    void close(boolean now) {
        if (now && !client) {
            instance.getLifecycleService().terminate();
        } else {
            instance.shutdown();
        }
    }
}
