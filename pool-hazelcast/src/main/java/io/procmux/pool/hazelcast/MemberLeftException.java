package io.procmux.pool.hazelcast;

import io.procmux.pool.WorkerDiedException;
import java.util.List;

/**
 * The cluster member running a task left the cluster (killed, crashed, shut down, cut off)
 * before returning the result. Only the tasks on that member fail; a retry policy may resubmit
 * them to another member. {@link #workerPid()} is the member's pid when procmux started the
 * member (attribute {@value ClusterConfigs#PID_ATTRIBUTE}), else -1.
 */
public class MemberLeftException extends WorkerDiedException {
    private static final long serialVersionUID = 1L;
    private final String memberAddress;
    private final String memberUuid;

    /**
     * Creates the exception.
     *
     * @param memberAddress the member's {@code host:port}
     * @param memberUuid the member's UUID in the cluster
     * @param pid the member's pid, or -1 when unknown
     * @param cause what Hazelcast reported
     */
    public MemberLeftException(String memberAddress, String memberUuid, long pid, Throwable cause) {
        super(pid, "cluster member " + memberAddress + " (" + memberUuid + ") left the cluster", List.of());
        this.memberAddress = memberAddress;
        this.memberUuid = memberUuid;
        initCause(cause);
    }

    /** The member's {@code host:port}. */
    public String memberAddress() {
        return memberAddress;
    }

    /** The member's UUID in the cluster. */
    public String memberUuid() {
        return memberUuid;
    }
}
