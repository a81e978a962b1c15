package io.procmux.pool.local;

import com.google.auto.service.AutoService;
import io.procmux.codec.Codec;
import io.procmux.ipc.UnixSockets;
import io.procmux.mux.Multiplexer;
import io.procmux.pool.JvmProcess;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.PoolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Provider of the {@code local} pool: reused worker JVMs on this machine, built from the api's
 * Spawner, Multiplexer and Unix sockets (each from {@link Backends} unless the options give one).
 *
 * <p>Payloads use Java serialization with an allow-list (see {@link SerialFilter}: the
 * application classes the pool sent, and those the system property
 * {@code procmux.pool.serialFilter} allows) unless the options give a
 * codec, which workers then create by its public no-arg constructor.
 *
 * <p>Cost of {@link #create}: the backends' discovery when not given, one worker JVM spawn per
 * process (started eagerly), one I/O thread.
 */
@AutoService(PoolProvider.class)
public final class LocalPoolProvider implements PoolProvider {
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Creates the provider; touches no native code. */
    public LocalPoolProvider() {
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    /** Starts the process in a child JVM; see {@link LocalJvmProcesses}. */
    @Override
    public JvmProcess.Handle startProcess(JvmProcess process) {
        return LocalJvmProcesses.start(process);
    }

    /** The provider of {@code mux}'s backend, for {@link DirectApply}; null when leading is off or it is not found. */
    private static @Nullable MultiplexerProvider leaderMuxes(Multiplexer mux) {
        if (!DirectApply.enabled()) {
            return null;
        }
        try {
            return Backends.select(BackendKind.MUX, mux.name());
        } catch (RuntimeException e) {
            return null;   // a multiplexer given by the options from a backend discovery does not know
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the initializer cannot be serialized, naming its class, or when
     *     {@code -Dprocmux.pool.applySpinMicros} is not a whole number from 0 to 1000 (see {@link LeadSpin})
     * @throws UncheckedIOException when the multiplexer cannot be opened
     */
    @Override
    public Pool create(PoolOptions options) {
        LeadSpin spin = LeadSpin.fromProperties();
        ClassRegistry classes = options.codec().isPresent() ? null : new ClassRegistry();
        Codec<Object> codec = classes == null ? options.codec().orElseThrow()
                : new JavaSerialCodec(SerialFilter.forParent(classes.names()), classes);
        byte[] init = options.initializer().map(i -> Payloads.encode(codec, i, "initializer")).orElse(new byte[0]);
        List<String> properties = new ArrayList<>();
        String pattern = System.getProperty(SerialFilter.PROPERTY);
        if (pattern != null) {
            properties.add("-D" + SerialFilter.PROPERTY + "=" + pattern);
        }
        if (options.codec().isPresent()) {
            properties.add("-D" + WorkerMain.CODEC_PROPERTY + "=" + codec.getClass().getName());
        }
        Spawner spawner = options.spawner().orElseGet(() -> Backends.select(BackendKind.SPAWNER).create());
        boolean ownSpawner = options.spawner().isEmpty();
        Multiplexer mux;
        try {
            mux = options.multiplexer().isPresent() ? options.multiplexer().get() : Backends.select(BackendKind.MUX).open();
        } catch (IOException e) {
            if (ownSpawner) {
                spawner.close();
            }
            throw new UncheckedIOException("cannot open a multiplexer for the pool: " + e.getMessage(), e);
        }
        boolean ownMux = options.multiplexer().isEmpty();
        Runnable release = () -> {
            if (ownMux) {
                mux.close();
            }
            if (ownSpawner) {
                spawner.close();
            }
        };
        UnixSockets sockets = Backends.select(BackendKind.IPC).open();
        WorkerLauncher launcher = new WorkerLauncher(spawner, sockets, options.jvmOptions(), properties,
                options.workerOutput());
        int max = options.maxTasksPerChild().orElse(0);
        try {
            String thread = "procmux-pool-" + POOLS.incrementAndGet();
            PoolEngine engine = new PoolEngine(options.processes(), max, init, codec, mux, launcher, thread, release,
                    options.retry(), classes);
            return new LocalPool(options.processes(), codec, engine, new DirectApply(engine, codec, spin, leaderMuxes(mux)),
                    thread);
        } catch (IOException | RuntimeException e) {
            launcher.close();
            release.run();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }
}
