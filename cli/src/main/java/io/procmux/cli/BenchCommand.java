package io.procmux.cli;

import io.procmux.cli.bench.SideBySide;
import io.procmux.codec.Codec;
import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.FileDescriptors;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Child;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.Backend;
import io.procmux.spi.BackendKind;
import io.procmux.spi.CodecProvider;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.PoolProvider;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.SerializableFunction;
import io.procmux.spi.SpawnerProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmux bench spawn|mux|struct}: the backends available on this machine, timed side by
 * side (see {@link SideBySide}); a quick look for users, not the project's benchmark suite
 * ({@code bench/run} in the source tree measures against C, NIO and CPython).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.SpawnBench.class, BenchCommand.MuxBench.class, BenchCommand.StructBench.class,
            BenchCommand.PoolBench.class},
        description = {
            "Time the backends available here side by side: spawn (spawn + wait of 'true' per spawner), "
                + "mux (one wait with N idle descriptors and one ready, per multiplexer), struct (pack and unpack "
                + "per codec, beside a hand-written ByteBuffer), pool (apply round trip and map per item, per pool "
                + "backend, 2 workers).",
            "",
            "Backends alternate round by round after a warm-up round; the table shows the median, min and max "
                + "time per operation and each median divided by the fastest."},
        footer = {"", "Example: procmux bench mux --fds 1000 --rounds 7"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: spawn, mux, struct or pool");
    }

    /** Options every bench subcommand shares. */
    static final class Rounds {
        @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Timed rounds (default: ${DEFAULT-VALUE}).")
        int rounds;
    }

    /** The top-level command of a bench subcommand (procmux, then bench, then it). */
    static ProcmuxCommand root(CommandSpec subcommand) {
        return (ProcmuxCommand) subcommand.parent().parent().userObject();
    }

    static <P extends Backend> List<P> available(ProcmuxCommand root, BackendKind<P> kind) {
        BackendInventory inventory = root.injector().getInstance(BackendInventory.class);
        return inventory.catalog(kind).providers().stream().filter(Backend::isAvailable).toList();
    }

    @Command(name = "spawn", mixinStandardHelpOptions = true, description = "Spawn + wait of 'true', per spawner.")
    static final class SpawnBench implements Callable<Integer> {
        @ParentCommand
        private BenchCommand bench;

        @picocli.CommandLine.Mixin
        private Rounds rounds;

        @Option(names = "--count", paramLabel = "N", defaultValue = "100", description = "Spawns per round (default: ${DEFAULT-VALUE}).")
        private int count;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ProcmuxCommand root = root(spec);
            SpawnSpec trueSpec = SpawnSpec.builder("true").stdin(Redirect.DISCARD).stdout(Redirect.DISCARD)
                    .stderr(Redirect.DISCARD).build();
            SideBySide timing = new SideBySide();
            List<Spawner> open = new ArrayList<>();
            try {
                for (SpawnerProvider p : available(root, BackendKind.SPAWNER)) {
                    Spawner s = p.create();
                    open.add(s);
                    timing.add(p.name(), n -> {
                        for (int i = 0; i < n; i++) {
                            try (Child c = s.spawn(trueSpec)) {
                                c.waitFor();
                            }
                        }
                    });
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("spawn + wait of 'true': " + count + " per round, " + rounds.rounds + " rounds");
                timing.run(count, rounds.rounds, out);
            } finally {
                open.forEach(Spawner::close);
            }
            return 0;
        }
    }

    @Command(name = "mux", mixinStandardHelpOptions = true,
            description = "One wait (timeout 0) with N idle pipes and one ready, per multiplexer.")
    static final class MuxBench implements Callable<Integer> {
        private static final EventSink IGNORE = (fd, events, attachment) -> { };

        @picocli.CommandLine.Mixin
        private Rounds rounds;

        @Option(names = "--fds", paramLabel = "N", defaultValue = "100", description = "Idle pipes watched (default: ${DEFAULT-VALUE}).")
        private int fds;

        @Option(names = "--waits", paramLabel = "N", defaultValue = "20000", description = "Waits per round (default: ${DEFAULT-VALUE}).")
        private int waits;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ProcmuxCommand root = root(spec);
            List<Pipe> pipes = new ArrayList<>();
            List<Multiplexer> open = new ArrayList<>();
            PrintWriter out = spec.commandLine().getOut();
            try {
                for (int i = 0; i <= fds; i++) {
                    pipes.add(Pipe.open());
                }
                pipes.get(fds).sink().write(ByteBuffer.wrap(new byte[] {1}));
                int highest = 0;
                for (Pipe p : pipes) {
                    highest = Math.max(highest, Math.max(FileDescriptors.fdOf(p.source()), FileDescriptors.fdOf(p.sink())));
                }
                SideBySide timing = new SideBySide();
                for (MultiplexerProvider p : available(root, BackendKind.MUX)) {
                    int maxFd = p.muxCapabilities().maxFd();
                    if (maxFd > 0 && highest > maxFd) {
                        out.println(p.name() + ": skipped, descriptor " + highest + " is above its limit " + maxFd);
                        continue;
                    }
                    Multiplexer m = p.open();
                    open.add(m);
                    for (Pipe pipe : pipes) {
                        m.register(FileDescriptors.fdOf(pipe.source()), Events.IN, null);
                    }
                    timing.add(p.name(), n -> {
                        for (int i = 0; i < n; i++) {
                            m.poll(0, IGNORE);
                        }
                    });
                }
                out.println("one wait with " + fds + " idle pipes and 1 ready: " + waits + " per round, " + rounds.rounds + " rounds");
                timing.run(waits, rounds.rounds, out);
            } finally {
                open.forEach(Multiplexer::close);
                for (Pipe p : pipes) {
                    p.source().close();
                    p.sink().close();
                }
            }
            return 0;
        }
    }

    @Command(name = "struct", mixinStandardHelpOptions = true,
            description = "Pack and unpack of '<iHd' per codec, beside a hand-written ByteBuffer.")
    static final class StructBench implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        private Rounds rounds;

        @Option(names = "--records", paramLabel = "N", defaultValue = "200000", description = "Records per round (default: ${DEFAULT-VALUE}).")
        private int records;

        @Spec
        private CommandSpec spec;

        /** Keeps results alive so the JIT cannot drop the work. */
        private long sink;

        @Override
        public Integer call() throws Exception {
            ProcmuxCommand root = root(spec);
            SideBySide timing = new SideBySide();
            Object[] values = {7, 80, 3.5};
            for (CodecProvider p : available(root, BackendKind.CODEC)) {
                Codec<Object[]> codec = p.create(Object[].class, "<iHd");
                ByteBuffer buffer = ByteBuffer.allocate(64);
                timing.add(p.name() + " pack+unpack", n -> {
                    for (int i = 0; i < n; i++) {
                        buffer.clear();
                        codec.encode(values, buffer);
                        buffer.flip();
                        sink += ((Number) codec.decode(buffer)[0]).longValue();
                    }
                });
            }
            ByteBuffer hand = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            timing.add("ByteBuffer by hand", n -> {
                for (int i = 0; i < n; i++) {
                    hand.clear();
                    hand.putInt(7).putShort((short) 80).putDouble(3.5).flip();
                    sink += hand.getInt() + hand.getShort() + (long) hand.getDouble();
                }
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println("pack + unpack of '<iHd' (int, unsigned short, double): " + records + " per round, "
                    + rounds.rounds + " rounds");
            timing.run(records, rounds.rounds, out);
            return 0;
        }
    }

    @Command(name = "pool", mixinStandardHelpOptions = true,
            description = "Per pool backend with 2 workers: the round trip of apply(x -> x + 1) and map per item.")
    static final class PoolBench implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        private Rounds rounds;

        @Option(names = "--tasks", paramLabel = "N", defaultValue = "2000", description = "Tasks per round (default: ${DEFAULT-VALUE}).")
        private int tasks;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ProcmuxCommand root = root(spec);
            SideBySide timing = new SideBySide();
            List<Pool> open = new ArrayList<>();
            SerializableFunction<Integer, Integer> increment = x -> x + 1;
            List<Integer> items = java.util.stream.IntStream.range(0, tasks).boxed().toList();
            try {
                for (PoolProvider p : available(root, BackendKind.POOL)) {
                    Pool pool = p.create(PoolOptions.builder().processes(2).build());
                    open.add(pool);
                    timing.add(p.name() + ": apply round trip", n -> {
                        for (int i = 0; i < n; i++) {
                            pool.apply(increment, i);
                        }
                    });
                    timing.add(p.name() + ": map, per item", n -> pool.map(increment, items.subList(0, n)));
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("pool with 2 workers, task x -> x + 1: " + tasks + " per round, " + rounds.rounds + " rounds");
                timing.run(tasks, rounds.rounds, out);
            } finally {
                open.forEach(Pool::close);
            }
            return 0;
        }
    }
}
