package io.procmux.pool.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The callable Hazelcast ships to a member: one {@link Invocation}, run in the member's JVM or
 * handed to the member's local pool, as the member's {@link MemberRuntime} says (in-process when
 * the member was not started by procmux, reading it through the {@code procmux.hazelcast.serialFilter}
 * allow-list).
 *
 * <p>Cost: Hazelcast serializes the two byte arrays; nothing else travels.
 */
final class RemoteCall implements Callable<Outcome>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private final Invocation invocation;
    private transient @Nullable HazelcastInstance member;

    RemoteCall(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.member = instance;
    }

    @Override
    public Outcome call() {
        MemberRuntime runtime = member == null ? null : MemberRuntime.of(member);
        return runtime == null ? Invocation.run(invocation, AllowList.fromSystem(), null) : runtime.run(invocation);
    }
}
