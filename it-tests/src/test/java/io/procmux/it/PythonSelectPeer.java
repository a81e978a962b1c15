package io.procmux.it;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A python3 child that owns inherited descriptors and answers {@code register}, {@code modify},
 * {@code unregister}, {@code close} and {@code poll} commands, one per line on its stdin, with
 * CPython's {@code select.poll}, {@code select.epoll} or {@code select.select}. A poll is answered
 * with one line {@code fd:events ...} sorted by fd (select's answer is turned into IN, OUT and PRI
 * bits, which have poll's values).
 */
final class PythonSelectPeer implements AutoCloseable {
    private static final String SCRIPT = """
            import os, select, sys
            kind = sys.argv[1]
            if kind == 'epoll':
                p = select.epoll()
            elif kind == 'poll':
                p = select.poll()
            else:
                p = None
                masks = {}
            def poll():
                if p is not None:
                    return p.poll(0)
                r, w, x = select.select([f for f, m in masks.items() if m & 1], [f for f, m in masks.items() if m & 4],
                                        [f for f, m in masks.items() if m & 2], 0)
                ready = {}
                for bit, fds in ((1, r), (4, w), (2, x)):
                    for f in fds:
                        ready[f] = ready.get(f, 0) | bit
                return list(ready.items())
            while True:
                line = sys.stdin.readline()
                if not line:
                    break
                op, *args = line.split()
                args = [int(a) for a in args]
                if op == 'register':
                    if p is None: masks[args[0]] = args[1]
                    else: p.register(args[0], args[1])
                elif op == 'modify':
                    if p is None: masks[args[0]] = args[1]
                    else: p.modify(args[0], args[1])
                elif op == 'unregister':
                    if p is None: del masks[args[0]]
                    else: p.unregister(args[0])
                elif op == 'close':
                    os.close(args[0])
                elif op == 'poll':
                    print(' '.join('%d:%d' % fe for fe in sorted(poll())), flush=True)
                else:
                    print('unknown command ' + op, flush=True)
            """;

    private final Child child;
    private final OutputStream commands;
    private final BufferedReader answers;

    /**
     * Starts {@code python3 -c SCRIPT kind} with {@code fds} (child number to our number) inherited.
     */
    PythonSelectPeer(Spawner spawner, String kind, Map<Integer, Integer> fds) throws IOException {
        SpawnSpec.Builder spec = SpawnSpec.builder("python3", "-c", SCRIPT, kind)
                .stdin(Redirect.PIPE).stdout(Redirect.PIPE);
        fds.forEach(spec::inheritFd);
        child = spawner.spawn(spec.build());
        commands = child.stdin();
        answers = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.US_ASCII));
    }

    /** Whether a python3 is on the PATH. */
    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                return true;
            }
        }
        return false;
    }

    void send(String command) throws IOException {
        commands.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        commands.flush();
    }

    /** Polls with timeout 0 and returns fd (child's number) to events. */
    Map<Integer, Integer> poll() throws IOException {
        send("poll");
        String line = answers.readLine();
        if (line == null) {
            throw new IOException("python3 ended without answering; see its stderr above");
        }
        Map<Integer, Integer> ready = new TreeMap<>();
        for (String pair : line.trim().split(" ")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (!pair.contains(":")) {
                throw new IOException("python3 answered '" + line + "'");
            }
            String[] parts = pair.split(":");
            ready.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        return ready;
    }

    @Override
    public void close() throws IOException {
        try {
            commands.close();
            Optional<ExitStatus> status = child.waitFor(Duration.ofSeconds(20));
            if (status.isEmpty()) {
                throw new IOException("python3 did not exit after its stdin closed");
            }
            if (status.get().shellExitCode() != 0) {
                throw new IOException("python3 failed: " + status.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for python3", e);
        } finally {
            child.close();
        }
    }
}
