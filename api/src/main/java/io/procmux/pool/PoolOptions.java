package io.procmux.pool;

import io.procmux.codec.Codec;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Spawner;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * How to build a {@link Pool}: worker count, an initializer run once per worker, recycling after
 * {@code maxTasksPerChild} tasks, JVM options for workers, what to do with worker output, and the
 * backends to build it from (each defaults to what {@link io.procmux.spi.Backends} selects), and
 * the {@link RetryPolicy} for tasks whose worker died.
 * Immutable; build with {@link #builder()}.
 */
public final class PoolOptions {
    private final int processes;
    private final @Nullable SerializableRunnable initializer;
    private final @Nullable Integer maxTasksPerChild;
    private final List<String> jvmOptions;
    private final WorkerOutput workerOutput;
    private final @Nullable Spawner spawner;
    private final @Nullable Multiplexer multiplexer;
    private final @Nullable Codec<Object> codec;
    private final RetryPolicy retry;

    private PoolOptions(Builder b) {
        this.processes = b.processes;
        this.initializer = b.initializer;
        this.maxTasksPerChild = b.maxTasksPerChild;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.workerOutput = b.workerOutput;
        this.spawner = b.spawner;
        this.multiplexer = b.multiplexer;
        this.codec = b.codec;
        this.retry = b.retry;
    }

    /** A builder with the defaults: one worker per available processor, inherited output. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of workers. */
    public int processes() {
        return processes;
    }

    /** Runs once in each worker before its first task. */
    public Optional<SerializableRunnable> initializer() {
        return Optional.ofNullable(initializer);
    }

    /** A worker is replaced after this many tasks; empty for never. */
    public OptionalInt maxTasksPerChild() {
        return maxTasksPerChild == null ? OptionalInt.empty() : OptionalInt.of(maxTasksPerChild);
    }

    /** Extra JVM options for workers, e.g. {@code -Xmx256m}. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * What happens to worker stdout and stderr. Both arrive as written with the {@code posix}
     * spawner (pipes read by the pool's I/O thread). With the {@code jvm} spawner, which hands out
     * no pipe descriptor, {@code System.out}/{@code System.err} are sent live over connections to
     * the pool, but what reaches descriptor 2 in another way (JVM warnings, {@code -Xlog} to
     * stderr, a fatal-error summary, native code), and in {@link WorkerOutput#PREFIX} mode what
     * reaches descriptor 1 in another way, is written to a file and copied only when the worker
     * exits ({@link WorkerOutput#INHERIT} gives descriptor 1 this process's own stdout).
     */
    public WorkerOutput workerOutput() {
        return workerOutput;
    }

    /** The spawner for workers, or empty for the selected default. */
    public Optional<Spawner> spawner() {
        return Optional.ofNullable(spawner);
    }

    /** The multiplexer for the parent's I/O loop, or empty for the selected default. */
    public Optional<Multiplexer> multiplexer() {
        return Optional.ofNullable(multiplexer);
    }

    /** The codec for task payloads, or empty for the pool's default. */
    public Optional<Codec<Object>> codec() {
        return Optional.ofNullable(codec);
    }

    /** Whether a task whose worker died runs again (default {@link RetryPolicy#none()}). */
    public RetryPolicy retry() {
        return retry;
    }

    /** Builds {@link PoolOptions}. Not thread-safe. */
    public static final class Builder {
        private int processes = Runtime.getRuntime().availableProcessors();
        private @Nullable SerializableRunnable initializer;
        private @Nullable Integer maxTasksPerChild;
        private List<String> jvmOptions = List.of();
        private WorkerOutput workerOutput = WorkerOutput.INHERIT;
        private @Nullable Spawner spawner;
        private @Nullable Multiplexer multiplexer;
        private @Nullable Codec<Object> codec;
        private RetryPolicy retry = RetryPolicy.none();

        private Builder() {
        }

        /** The number of workers, 1 or more. */
        public Builder processes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("processes must be 1 or more, not " + count);
            }
            this.processes = count;
            return this;
        }

        /** Runs once in each worker before its first task. */
        public Builder initializer(SerializableRunnable init) {
            this.initializer = init;
            return this;
        }

        /** Replaces a worker after this many tasks (1 or more). */
        public Builder maxTasksPerChild(int tasks) {
            if (tasks < 1) {
                throw new IllegalArgumentException("maxTasksPerChild must be 1 or more, not " + tasks);
            }
            this.maxTasksPerChild = tasks;
            return this;
        }

        /** Extra JVM options for workers. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** What happens to worker output; see {@link PoolOptions#workerOutput()} for what arrives when. */
        public Builder workerOutput(WorkerOutput output) {
            this.workerOutput = output;
            return this;
        }

        /** The spawner to start workers with. */
        public Builder spawner(Spawner s) {
            this.spawner = s;
            return this;
        }

        /** The multiplexer for the parent's I/O loop. */
        public Builder multiplexer(Multiplexer m) {
            this.multiplexer = m;
            return this;
        }

        /** The codec for task payloads. */
        public Builder codec(Codec<Object> c) {
            this.codec = c;
            return this;
        }

        /** Runs a task again when its worker dies, up to the policy's attempts; for idempotent tasks only. */
        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        /** Builds the options. */
        public PoolOptions build() {
            return new PoolOptions(this);
        }
    }
}
