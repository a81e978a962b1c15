package io.procmux.pool.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerOutput;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * What a member started by procmux knows about running tasks: its {@link ExecutionMode} and, in
 * {@code local-pool} mode, its own pool of worker JVMs, reached through {@link Backends} (backend
 * {@code local}) and started on the first task; and the {@link AllowList} through which its tasks
 * are read (a worker JVM receives it with each task, as a spec string), with the configuration's
 * class loader (an embedded member's: its pool's) consulted first for their classes. Kept in the member's user
 * context; the pool is terminated when the member shuts down.
 *
 * <p>Threads and processes: those of the local pool once started (one I/O thread, one JVM per
 * process); none in {@code in-process} mode.
 */
public final class MemberRuntime implements LifecycleListener {
    static final String KEY = "procmux.member";
    private final ExecutionMode mode;
    private final int processes;
    private final AllowList filter;
    private final @Nullable ClassLoader loader;
    private @Nullable Pool local;
    private boolean closed;

    private MemberRuntime(ExecutionMode mode, int processes, AllowList filter, @Nullable ClassLoader loader) {
        this.mode = mode;
        this.processes = processes;
        this.filter = filter;
        this.loader = loader;
    }

    /**
     * Installs a runtime with this mode (and local pool size) in {@code config}, closed on member
     * shutdown, reading tasks through the {@code procmux.hazelcast.serialFilter} allow-list.
     */
    public static void install(Config config, ExecutionMode mode, int processes) {
        install(config, mode, processes, AllowList.fromSystem());
    }

    static void install(Config config, ExecutionMode mode, int processes, AllowList filter) {
        MemberRuntime runtime = new MemberRuntime(mode, processes, filter, config.getClassLoader());
        config.getUserContext().put(KEY, runtime);
        config.addListenerConfig(new ListenerConfig(runtime));
    }

    /** The runtime of {@code member}, or null for a member procmux did not configure. */
    static @Nullable MemberRuntime of(HazelcastInstance member) {
        return member.getUserContext().get(KEY) instanceof MemberRuntime r ? r : null;
    }

    /** Runs {@code call} as this member's mode says; a worker death or a stopped pool becomes a failed outcome. */
    Outcome run(Invocation call) {
        if (mode == ExecutionMode.IN_PROCESS) {
            return Invocation.run(call, filter, loader);
        }
        try {
            return localPool().apply(Handoff::run, new Handoff(call, filter.spec()));
        } catch (ExecutionException e) {
            return Outcome.failure(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure(new IllegalStateException("the member was stopped while its local pool ran the task"));
        } catch (RuntimeException e) {
            return Outcome.failure(e);
        }
    }

    private synchronized Pool localPool() {
        if (closed) {
            throw new IllegalStateException("the member is shutting down; its local pool is closed");
        }
        if (local == null) {
            local = Backends.select(BackendKind.POOL, "local").create(PoolOptions.builder().processes(processes)
                    .workerOutput(WorkerOutput.INHERIT).build());
        }
        return local;
    }

    /** A task as the member hands it to a worker JVM: with the member's allow-list, which the worker rebuilds. */
    record Handoff(Invocation call, String filter) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Outcome run(Handoff h) {
            return Invocation.run(h.call, AllowList.forSpec(h.filter), null);
        }
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
            close();
        }
    }

    /** Terminates the local pool, if started, and waits up to 10 s for its workers. */
    void close() {
        Pool p;
        synchronized (this) {
            closed = true;
            p = local;
            local = null;
        }
        if (p != null) {
            p.terminate();
            try {
                p.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
