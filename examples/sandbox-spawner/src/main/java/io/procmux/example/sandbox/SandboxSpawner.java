package io.procmux.example.sandbox;

import io.procmux.spawn.Child;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spawner {@code sandbox}: runs each command through a chain of util-linux and coreutils tools that
 * each change one thing and then {@code exec} the next, so the command keeps the pid procmux
 * reports, receives its signals directly and ends with its own status:
 *
 * <pre>unshare --net -- prlimit --core=0 --nofile=1024 -- nice -n 10 -- ionice -c 3 -- COMMAND ARGS</pre>
 *
 * <p>The command has no network (a new, empty network namespace; without root, in a new user
 * namespace mapped to the caller), no core dumps, at most 1,024 open files, nice 10 (unless the spec
 * asks for a nice value itself) and the idle I/O class. Everything else in the spec (environment,
 * directory, stdio, inherited descriptors, process group, parent-death signal) is the delegate
 * spawner's work. A missing or non-executable command is refused before anything starts, as the
 * posix spawner refuses it, rather than surfacing as the wrapper's exit status 127.
 *
 * <p>Cost: the delegate's spawn plus four {@code execve}s of small programs (about a millisecond
 * each), and one PATH search per spawn. Thread-safe as its delegate.
 */
public final class SandboxSpawner implements Spawner {
    private final Spawner delegate;
    private final Map<String, Path> tools;
    private final boolean root;

    /**
     * A sandbox over {@code delegate}.
     *
     * @param tools absolute paths of {@code unshare}, {@code prlimit}, {@code nice} and {@code ionice}
     *     (the command's own PATH may not have them)
     * @param root whether this process is root (else a user namespace is made for the network one)
     */
    SandboxSpawner(Spawner delegate, Map<String, Path> tools, boolean root) {
        this.delegate = delegate;
        this.tools = Map.copyOf(tools);
        this.root = root;
    }

    /** The {@code unshare} command line that makes the namespaces, without {@code --}. */
    static List<String> isolation(Path unshare, boolean root) {
        return root ? List.of(unshare.toString(), "--net")
                : List.of(unshare.toString(), "--user", "--map-root-user", "--net");
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Child spawn(SpawnSpec spec) throws IOException {
        checkProgram(spec);
        List<String> argv = new ArrayList<>(isolation(tools.get("unshare"), root));
        argv.addAll(List.of("--", tools.get("prlimit").toString(), "--core=0", "--nofile=1024", "--"));
        if (spec.nice().isEmpty()) {
            argv.addAll(List.of(tools.get("nice").toString(), "-n", "10", "--"));
        }
        argv.addAll(List.of(tools.get("ionice").toString(), "-c", "3", "--"));
        argv.addAll(spec.argv());
        return delegate.spawn(spec.withArgv(argv));
    }

    /** Refuses a command that cannot start, with the errno the posix spawner would report. */
    private static void checkProgram(SpawnSpec spec) throws SpawnException {
        String program = spec.program();
        if (program.indexOf('/') >= 0) {
            Path path = Path.of(program);
            if (!path.isAbsolute()) {
                path = spec.directory().orElse(Path.of("")).toAbsolutePath().resolve(path);
            }
            checkExecutable(program, path);
            return;
        }
        Map<String, String> env = spec.environment().resolve(System.getenv());
        String searchPath = env.getOrDefault("PATH", "/bin:/usr/bin");   // glibc's execvp default
        boolean sawFile = false;
        for (String dir : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return;
                }
                sawFile = true;
            }
        }
        throw sawFile ? new SpawnException(program, "EACCES", "permission denied (found on PATH but not executable)")
                : new SpawnException(program, "ENOENT", "no such file on PATH " + searchPath);
    }

    private static void checkExecutable(String program, Path path) throws SpawnException {
        if (!Files.exists(path)) {
            throw new SpawnException(program, "ENOENT", "no such file or directory");
        }
        if (Files.isDirectory(path) || !Files.isExecutable(path)) {
            throw new SpawnException(program, "EACCES", "permission denied");
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
