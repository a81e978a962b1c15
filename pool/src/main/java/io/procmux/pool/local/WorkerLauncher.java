package io.procmux.pool.local;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.ipc.UnixSockets;
import io.procmux.pool.WorkerOutput;
import io.procmux.spawn.Child;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starts worker JVMs: {@code java.home/bin/java}, the user's JVM options, this JVM's class path,
 * and {@link WorkerMain}. Each worker gets a one-time random token as the first line on its stdin
 * pipe (never on a command line) and a control channel: one end of a socketpair handed over as
 * descriptor {@value #CHANNEL_FD} where the spawner can hand descriptors over, otherwise a Unix
 * socket in a fresh 0700 directory (socket 0600, same uid only) that the worker connects to.
 *
 * <p>Each worker is asked to lead its own process group and to receive SIGTERM when this JVM dies;
 * a spawner that refuses an option (UnsupportedOperationException) is asked again without it,
 * once per pool: the first accepted combination is kept.
 *
 * <p>Workers map a class-data-sharing archive of their classes when one exists for this JDK and
 * class path; the first worker of a pool without one writes it ({@link WorkerArchive}).
 *
 * <p>Cost per worker: one spawn, a socketpair (or an accept), one 33-byte write to stdin.
 */
final class WorkerLauncher implements AutoCloseable {
    static final int CHANNEL_FD = 3;

    /** The combinations tried in order: descriptor hand-over, process group, parent-death signal. */
    private static final boolean[][] VARIANTS = {
        {true, true, true}, {true, true, false}, {true, false, false},
        {false, true, true}, {false, true, false}, {false, false, true}, {false, false, false}};

    private final Spawner spawner;
    private final UnixSockets sockets;
    private final List<String> jvmOptions;
    private final List<String> systemProperties;
    private final WorkerOutput output;
    private final WorkerArchive archive;
    private final SecureRandom random = new SecureRandom();
    private int variant;
    private int serial;
    private @Nullable Path privateDir;
    private @Nullable UnixServer server;

    WorkerLauncher(Spawner spawner, UnixSockets sockets, List<String> jvmOptions, List<String> systemProperties,
            WorkerOutput output) {
        this.spawner = spawner;
        this.sockets = sockets;
        this.jvmOptions = jvmOptions;
        this.systemProperties = systemProperties;
        this.output = output;
        this.archive = WorkerArchive.forWorkers(jvmOptions);
    }

    /** The listening socket of path mode, once there is one (the I/O loop accepts on it). */
    @Nullable UnixServer server() {
        return server;
    }

    /** Starts one worker. */
    Worker launch() throws IOException {
        while (true) {
            boolean[] v = VARIANTS[variant];
            try {
                return v[0] ? launchWithFd(v[1], v[2]) : launchWithPath(v[1], v[2]);
            } catch (UnsupportedOperationException refused) {
                if (variant == VARIANTS.length - 1) {
                    throw refused;
                }
                variant++;
            }
        }
    }

    private Worker launchWithFd(boolean group, boolean deathSignal) throws IOException {
        UnixConnection[] pair = sockets.socketPair();
        Child child;
        try {
            SpawnSpec.Builder spec = spec(group, deathSignal, List.of("--add-opens", "java.base/java.io=ALL-UNNAMED"),
                    List.of("fd", Integer.toString(CHANNEL_FD)))
                    .inheritFd(CHANNEL_FD, pair[1].fd())
                    .stderr(Redirect.PIPE)
                    .stdout(output == WorkerOutput.PREFIX ? Redirect.PIPE : stdoutRedirect());
            child = spawner.spawn(spec.build());
            archive.started(child);
        } catch (IOException | RuntimeException e) {
            archive.notStarted();
            pair[0].close();
            throw e;
        } finally {
            pair[1].close();
        }
        String token = sendToken(child);
        pair[0].configureBlocking(false);
        Worker w = new Worker(child, token, group, null, null,
                new OutputTail(output, System.err, child.pid(), true),
                output == WorkerOutput.PREFIX ? new OutputTail(output, System.out, child.pid(), false) : null);
        w.connection = pair[0];
        w.stderrPipe = child.stderr();
        w.stdoutPipe = output == WorkerOutput.PREFIX ? child.stdout() : null;
        return w;
    }

    private Worker launchWithPath(boolean group, boolean deathSignal) throws IOException {
        Path dir = privateDir();
        if (server == null) {
            UnixServer s = sockets.bind(UnixAddress.of(dir.resolve("control.sock")), BindOptions.DEFAULTS);
            s.configureBlocking(false);
            server = s;
        }
        int n = ++serial;
        Path errFile = dir.resolve("worker-" + n + ".err");
        Path outFile = output == WorkerOutput.PREFIX ? dir.resolve("worker-" + n + ".out") : null;
        SpawnSpec.Builder spec = spec(group, deathSignal, List.of(),
                List.of("path", server.address().text(), outFile != null ? "out,err" : "err"))
                .stderr(Redirect.write(errFile))
                .stdout(outFile != null ? Redirect.write(outFile) : stdoutRedirect());
        Child child;
        try {
            child = spawner.spawn(spec.build());
        } catch (IOException | RuntimeException e) {
            archive.notStarted();
            throw e;
        }
        archive.started(child);
        String token = sendToken(child);
        return new Worker(child, token, group, errFile, outFile,
                new OutputTail(output, System.err, child.pid(), true),
                outFile != null ? new OutputTail(output, System.out, child.pid(), false) : null);
    }

    private Redirect stdoutRedirect() {
        return output == WorkerOutput.DISCARD ? Redirect.DISCARD : Redirect.INHERIT;
    }

    private SpawnSpec.Builder spec(boolean group, boolean deathSignal, List<String> extraJvm, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            argv.add("-XX:+UseSerialGC");
        }
        argv.add("-XX:-UsePerfData");
        argv.add("-Xshare:auto");
        argv.addAll(jvmOptions);
        argv.addAll(archive.optionsForNextWorker());
        argv.addAll(extraJvm);
        argv.addAll(systemProperties);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(WorkerMain.class.getName());
        argv.addAll(args);
        SpawnSpec.Builder b = SpawnSpec.builder(argv).stdin(Redirect.PIPE);
        if (group) {
            b.processGroup(ProcessGroupMode.NEW_GROUP);
        }
        if (deathSignal) {
            b.parentDeathSignal(Signal.TERM);
        }
        return b;
    }

    private String sendToken(Child child) throws IOException {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        try (OutputStream stdin = child.stdin()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            child.signal(Signal.KILL);
            child.close();
            throw e;
        }
        return token;
    }

    private Path privateDir() throws IOException {
        if (privateDir == null) {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            if (base.toString().length() > 60) {
                base = Path.of("/tmp");
            }
            privateDir = Files.createTempDirectory(base, "procmux-pool-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return privateDir;
    }

    /**
     * Closes the listening socket (its file goes with it), removes the private directory, and keeps
     * or discards the class-data archive a worker was asked to write ({@link WorkerArchive#finish}).
     */
    @Override
    public void close() {
        archive.finish();
        try {
            if (server != null) {
                server.close();
            }
            if (privateDir != null) {
                try (var files = Files.list(privateDir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(privateDir);
            }
        } catch (IOException e) {
            System.getLogger(WorkerLauncher.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remove the pool's private directory " + privateDir, e);
        }
    }
}
