package io.procmux.pool.hazelcast;

import io.procmux.pool.Pool;
import java.util.List;

/**
 * A {@link Pool} whose tasks run on the members of a Hazelcast cluster; what a
 * {@code hazelcast} pool is, for callers that want to see the cluster (tests, diagnostics).
 */
public interface ClusterPool extends Pool {

    /** The members that run tasks now, each as {@code host:port pid N} (pid -1 when unknown). */
    List<String> members();

    /** The cluster's name. */
    String clusterName();
}
