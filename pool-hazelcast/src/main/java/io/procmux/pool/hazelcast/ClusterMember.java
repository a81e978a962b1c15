package io.procmux.pool.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.InputStream;

/**
 * A cluster member that runs pool tasks, configured like a pool's embedded member: as a library
 * call ({@link #start}) or as a JVM of its own ({@link #main}), e.g. one per machine or, in tests,
 * several on loopback. The member's tasks run in {@code -Dprocmux.hazelcast.mode} (in-process by
 * default); in {@code local-pool} mode the member keeps {@code -Dprocmux.hazelcast.threads} worker
 * JVMs (default: available processors). It reads tasks only of the classes its allow-list admits
 * ({@code -Dprocmux.hazelcast.serialFilter}, see {@link HazelcastPoolOptions.Builder#allow}).
 *
 * <p>Threads: Hazelcast's member threads; plus the local pool's once it runs tasks.
 */
public final class ClusterMember {
    /** The system property with the member's task concurrency (and local pool size). */
    public static final String THREADS_PROPERTY = HazelcastPoolOptions.PREFIX + "threads";

    private ClusterMember() {
    }

    /** Starts a member as {@code options} describe, running {@code threads} tasks at once. */
    public static HazelcastInstance start(HazelcastPoolOptions options, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        return start(ClusterConfigs.member(options, threads), options.mode(), threads,
                AllowList.of(options));
    }

    /**
     * Starts a member from {@code config} (see {@link ClusterConfigs#member}) running tasks in
     * {@code mode}, reading them through the {@code -Dprocmux.hazelcast.serialFilter} allow-list.
     */
    public static HazelcastInstance start(Config config, ExecutionMode mode, int threads) {
        return start(config, mode, threads, AllowList.fromSystem());
    }

    /** Starts a member reading tasks through {@code filter}; Hazelcast's own filter is merged into {@code config}. */
    static HazelcastInstance start(Config config, ExecutionMode mode, int threads, AllowList filter) {
        ClusterSerialFilter.apply(config.getSerializationConfig(), filter);
        MemberRuntime.install(config, mode, threads, filter);
        return Hazelcast.newHazelcastInstance(config);
    }

    /**
     * Runs a member until its standard input ends (or it is killed), then leaves the cluster.
     * Prints {@code member HOST:PORT ready} on stdout once it has joined.
     */
    public static void main(String[] args) throws IOException {
        int threads = Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
        HazelcastInstance member = start(HazelcastPoolOptions.fromSystem(), threads);
        var address = member.getCluster().getLocalMember().getAddress();
        System.out.println("member " + address.getHost() + ":" + address.getPort() + " ready");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the parent keeps the pipe open while the member should run
        }
        member.shutdown();
    }
}
