package io.procmux.it;

import io.procmux.codec.Codec;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixSockets;
import io.procmux.mux.Events;
import io.procmux.mux.FileDescriptors;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.Backend;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.CodecProvider;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import io.procmux.spi.UnixSocketsProvider;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One program a user might write, run unchanged on differently composed classpaths by
 * {@link ClasspathScenarioIT}: spawn a child, multiplex a pipe (and the child's pipes and a Unix
 * socket pair where the backends allow), pack a struct. Each step prints one {@code kind=...} line;
 * a kind with no usable backend prints {@code kind=none: <the selection error>}. Exit status 0
 * unless a step that had a backend failed.
 */
public final class Scenario {
    private Scenario() {
    }

    /** Runs the steps; JDK logging at INFO so backend choices are printed on stderr. */
    public static void main(String[] args) throws Exception {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        for (var h : root.getHandlers()) {
            h.setLevel(Level.INFO);
        }
        SpawnerProvider spawner = choose("spawner", () -> Backends.select(BackendKind.SPAWNER));
        MultiplexerProvider mux = choose("mux", () -> Backends.select(BackendKind.MUX));
        UnixSocketsProvider ipc = choose("ipc", () -> Backends.select(BackendKind.IPC));
        CodecProvider codec = choose("codec", () -> Backends.select(BackendKind.CODEC));
        if (spawner != null) {
            spawnStep(spawner);
        }
        if (mux != null) {
            muxStep(mux, ipc);
        }
        if (codec != null) {
            Codec<Object[]> header = codec.create(Object[].class, "<iH");
            System.out.println("struct " + HexFormat.of().formatHex(header.encode(new Object[] {1, 2})));
        }
    }

    private static <P extends Backend> P choose(String kind, Supplier<P> select) {
        try {
            P p = select.get();
            if (!p.isAvailable()) {
                System.out.println(kind + "=none: " + p.unavailabilityCause().map(Throwable::getMessage).orElse("?"));
                return null;
            }
            System.out.println(kind + "=" + p.name());
            return p;
        } catch (RuntimeException e) {
            System.out.println(kind + "=none: " + e.getMessage());
            return null;
        }
    }

    private static void spawnStep(SpawnerProvider provider) throws Exception {
        try (Spawner spawner = provider.create();
             Child child = spawner.spawn(SpawnSpec.builder("sh", "-c", "printf out; printf err >&2; exit 3")
                     .stdout(Redirect.PIPE).stderr(Redirect.PIPE).build())) {
            String out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(child.stderr().readAllBytes(), StandardCharsets.UTF_8);
            ExitStatus status = child.waitFor();
            System.out.println("child " + out + " " + err + " " + status.shellExitCode());
        }
    }

    private static void muxStep(MultiplexerProvider provider, UnixSocketsProvider ipc) throws Exception {
        try (Multiplexer mux = provider.open()) {
            Pipe pipe = Pipe.open();
            try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
                sink.write(ByteBuffer.wrap(new byte[] {1}));
                int fd = FileDescriptors.fdOf(source);
                mux.register(fd, Events.IN, "pipe");
                StringBuilder ready = new StringBuilder("ready");
                mux.poll(Duration.ofSeconds(5)).events().forEach(e -> ready.append(' ').append(e.attachment()));
                mux.unregister(fd);
                if (ipc != null) {
                    UnixSockets sockets = ipc.open();
                    UnixConnection[] pair = sockets.socketPair();
                    try (UnixConnection a = pair[0]; UnixConnection b = pair[1]) {
                        a.outputStream().write('x');
                        mux.register(b.fd(), Events.IN, "socket");
                        mux.poll(Duration.ofSeconds(5)).events().forEach(e -> ready.append(' ').append(e.attachment()));
                        mux.unregister(b.fd());
                    }
                }
                System.out.println(ready);
            }
        }
    }
}
