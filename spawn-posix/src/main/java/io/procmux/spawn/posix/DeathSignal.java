package io.procmux.spawn.posix;

import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the {@code posix} spawner delivers a signal to a child when this JVM dies
 * ({@code parentDeathSignal}), on Linux. {@code posix_spawn} cannot run
 * {@code prctl(PR_SET_PDEATHSIG)} between fork and exec, so the child execs util-linux
 * {@code setpriv --pdeathsig SIG}, which sets it and execs {@code /bin/sh -c CHECK}, which execs
 * the program (the flag survives both execs). CHECK compares {@code $PPID} with this JVM's pid and
 * sends the signal to itself when they differ: that closes the race in which the JVM died after
 * the spawn but before {@code prctl} ran (the child, already reparented, would never get the
 * signal). Once CHECK has passed, the flag was set while the JVM was alive, so its death signals
 * the child. Such spawns run on a {@link SpawnThread} that lives as long as the JVM, because the
 * kernel sends the signal when the creating <em>thread</em> exits.
 *
 * <p>What differs from a plain spawn: a program without a slash is looked up in this JVM's
 * {@code PATH} here, in Java, and a missing or non-executable one is reported before anything
 * starts; the program then sees its resolved path as {@code argv[0]}, and two more execs happen
 * ({@code setpriv}, {@code sh}) before it runs, about as costly as two more spawns. Residual
 * race: none for the JVM's own death; a set-user-ID or capability-raising program loses the flag
 * at its exec (the kernel clears it), which no wrapper can prevent.
 *
 * <p>Cost: the probe (a look for {@code setpriv} and {@code /bin/sh}, and a scan of setpriv's
 * bytes for the option's name; no process) runs once per JVM; per spawn a few {@code stat} calls for the PATH lookup, the argument list, and the hand-off
 * to the spawn thread.
 */
final class DeathSignal {
    private static final String SHELL = "/bin/sh";
    /** $0 is the resolved program; the check runs after setpriv set the flag. */
    private static final String CHECK = "[ \"$PPID\" = \"%d\" ] || kill -s %s $$; exec \"$0\" \"$@\"";

    private DeathSignal() {
    }

    /** Why parentDeathSignal cannot work here, or empty. Probed once. */
    static Optional<String> unavailabilityReason() {
        return Optional.ofNullable(Probe.REASON);
    }

    /** The setpriv found by the probe. @throws UnsupportedOperationException naming what is missing */
    static String setpriv() {
        if (Probe.REASON != null) {
            throw new UnsupportedOperationException("parentDeathSignal is not available with the posix spawner here: "
                    + Probe.REASON);
        }
        return java.util.Objects.requireNonNull(Probe.SETPRIV);
    }

    /**
     * The argv that runs {@code argv} with {@code signal} as its parent-death signal, checked
     * against {@code jvmPid}; {@code directory} is the child's working directory, against which
     * a relative program path is checked (the child resolves it there, after its chdir).
     *
     * @throws SpawnException ENOENT or EACCES naming the program when it cannot be run
     */
    static List<String> wrap(List<String> argv, Signal signal, long jvmPid, @Nullable Path directory)
            throws SpawnException {
        String name = signal == Signal.KILL ? "KILL" : "TERM";
        List<String> out = new ArrayList<>(argv.size() + 7);
        out.add(setpriv());
        out.add("--pdeathsig");
        out.add(name);
        out.add("--");
        out.add(SHELL);
        out.add("-c");
        out.add(String.format(java.util.Locale.ROOT, CHECK, jvmPid, name));
        out.add(resolve(argv.get(0), System.getenv("PATH"), directory));
        out.addAll(argv.subList(1, argv.size()));
        return out;
    }

    /**
     * The executable {@code program} names: itself when it holds a slash (checked relative to
     * {@code directory} when given), else the first match in {@code path} (as {@code posix_spawnp}
     * would search it).
     *
     * @throws SpawnException ENOENT when nothing matches, EACCES when the match is not executable
     */
    static String resolve(String program, @Nullable String path, @Nullable Path directory) throws SpawnException {
        if (program.indexOf('/') >= 0) {
            Path file = Path.of(program);
            return checked(program, directory == null ? file : directory.resolve(file));
        }
        String dirs = path == null ? "/bin:/usr/bin" : path;
        Path denied = null;
        for (String dir : dirs.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath().toString(); // the child may run elsewhere
                }
                denied = denied == null ? candidate : denied;
            }
        }
        if (denied != null) {
            throw new SpawnException(program, "EACCES", denied + " is not executable");
        }
        throw new SpawnException(program, "ENOENT", "not found in PATH " + dirs);
    }

    private static String checked(String program, Path file) throws SpawnException {
        if (!Files.exists(file)) {
            throw new SpawnException(program, "ENOENT", "No such file or directory");
        }
        if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            throw new SpawnException(program, "EACCES", "Permission denied (not an executable file)");
        }
        return program;
    }

    /** Looks for setpriv (util-linux 2.33+ has --pdeathsig) and /bin/sh, once. */
    private static final class Probe {
        static final @Nullable String SETPRIV;
        static final @Nullable String REASON;

        static {
            String found = null;
            String reason = null;
            if (!Native.isLinux()) {
                reason = "PR_SET_PDEATHSIG is Linux only";
            } else if (!Files.isExecutable(Path.of(SHELL))) {
                reason = SHELL + " is missing";
            } else {
                found = find();
                if (found == null) {
                    reason = "it needs util-linux setpriv (--pdeathsig, util-linux 2.33+), found neither in"
                            + " /usr/bin, /bin nor PATH; install util-linux";
                } else if (!mentionsPdeathsig(Path.of(found))) {
                    reason = found + " has no --pdeathsig option (util-linux 2.33+ has it)";
                    found = null;
                }
            }
            SETPRIV = found;
            REASON = reason;
        }

        /** Whether the binary holds the option's name: a version check that starts no process. */
        private static boolean mentionsPdeathsig(Path setpriv) {
            try {
                byte[] bytes = Files.readAllBytes(setpriv);
                byte[] needle = "pdeathsig".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        }

        private static @Nullable String find() {
            List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin"));
            String path = System.getenv("PATH");
            if (path != null) {
                dirs.addAll(List.of(path.split(File.pathSeparator)));
            }
            for (String dir : dirs) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "setpriv");
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toAbsolutePath().toString();
                }
            }
            return null;
        }
    }
}
