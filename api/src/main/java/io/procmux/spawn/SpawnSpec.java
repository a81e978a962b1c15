package io.procmux.spawn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything about a child to start: argv (the program is looked up on {@code PATH} when it has no
 * slash), environment, working directory, the three standard streams, extra descriptors handed
 * over at given numbers, process group or session, nice value, and a signal for the child when
 * this JVM dies. Immutable; build with {@link #builder(String...)}.
 *
 * <p>Validation happens in {@link Builder#build()}, so a spec that exists is well formed; whether
 * a backend supports every option is checked by the backend's {@code spawn}.
 */
public final class SpawnSpec {
    private final List<String> argv;
    private final EnvironmentSpec environment;
    private final @Nullable Path directory;
    private final Redirect stdin;
    private final Redirect stdout;
    private final Redirect stderr;
    private final SortedMap<Integer, Integer> inheritedFds;
    private final ProcessGroupMode processGroup;
    private final @Nullable Integer nice;
    private final @Nullable Signal parentDeathSignal;

    private SpawnSpec(Builder b) {
        this.argv = List.copyOf(b.argv);
        this.environment = new EnvironmentSpec(b.inheritEnvironment, b.setEnv, b.removeEnv);
        this.directory = b.directory;
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.inheritedFds = Collections.unmodifiableSortedMap(new TreeMap<>(b.inheritedFds));
        this.processGroup = b.processGroup;
        this.nice = b.nice;
        this.parentDeathSignal = b.parentDeathSignal;
    }

    /** A spec with only argv set: inherited environment, directory and stdio. */
    public static SpawnSpec of(String... argv) {
        return builder(argv).build();
    }

    /** A builder with argv set. */
    public static Builder builder(String... argv) {
        return new Builder(List.of(argv));
    }

    /** A builder with argv set. */
    public static Builder builder(List<String> argv) {
        return new Builder(argv);
    }

    /** A builder holding this spec's values, to derive a variant. */
    public Builder toBuilder() {
        return copyInto(new Builder(argv));
    }

    /**
     * This spec with another argv and every other value kept: for spawners that wrap a command in
     * another (a sandbox, {@code setpriv}, {@code sudo}).
     *
     * @throws IllegalArgumentException for an empty argv
     */
    public SpawnSpec withArgv(List<String> newArgv) {
        return copyInto(new Builder(newArgv)).build();
    }

    private Builder copyInto(Builder b) {
        b.inheritEnvironment = environment.inherit();
        b.setEnv.putAll(environment.set());
        b.removeEnv.addAll(environment.remove());
        b.directory = directory;
        b.stdin = stdin;
        b.stdout = stdout;
        b.stderr = stderr;
        b.inheritedFds.putAll(inheritedFds);
        b.processGroup = processGroup;
        b.nice = nice;
        b.parentDeathSignal = parentDeathSignal;
        return b;
    }

    /** The program (argv[0]) followed by its arguments. */
    public List<String> argv() {
        return argv;
    }

    /** The program, argv[0]. */
    public String program() {
        return argv.get(0);
    }

    /** How the child's environment derives from this process's. */
    public EnvironmentSpec environment() {
        return environment;
    }

    /** The child's working directory, or empty for this process's. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Where the child's stdin comes from. */
    public Redirect stdin() {
        return stdin;
    }

    /** Where the child's stdout goes. */
    public Redirect stdout() {
        return stdout;
    }

    /** Where the child's stderr goes. */
    public Redirect stderr() {
        return stderr;
    }

    /** Descriptor number in the child mapped to the descriptor in this process it duplicates. */
    public SortedMap<Integer, Integer> inheritedFds() {
        return inheritedFds;
    }

    /** The child's process group and session. */
    public ProcessGroupMode processGroup() {
        return processGroup;
    }

    /** The child's nice value, or empty to inherit this process's. */
    public OptionalInt nice() {
        return nice == null ? OptionalInt.empty() : OptionalInt.of(nice);
    }

    /** The signal the child receives when this JVM dies, or empty for none. */
    public Optional<Signal> parentDeathSignal() {
        return Optional.ofNullable(parentDeathSignal);
    }

    @Override
    public String toString() {
        return "SpawnSpec" + argv;
    }

    /** Builds a {@link SpawnSpec}; every setter returns this builder. Not thread-safe. */
    public static final class Builder {
        private final List<String> argv;
        private boolean inheritEnvironment = true;
        private final Map<String, String> setEnv = new HashMap<>();
        private final Set<String> removeEnv = new HashSet<>();
        private @Nullable Path directory;
        private Redirect stdin = Redirect.INHERIT;
        private Redirect stdout = Redirect.INHERIT;
        private Redirect stderr = Redirect.INHERIT;
        private final Map<Integer, Integer> inheritedFds = new HashMap<>();
        private ProcessGroupMode processGroup = ProcessGroupMode.INHERIT;
        private @Nullable Integer nice;
        private @Nullable Signal parentDeathSignal;

        private Builder(List<String> argv) {
            this.argv = new ArrayList<>(argv);
        }

        /** Sets one environment variable. */
        public Builder env(String name, String value) {
            setEnv.put(name, value);
            removeEnv.remove(name);
            return this;
        }

        /** Sets several environment variables. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Removes an inherited environment variable. */
        public Builder unsetEnv(String name) {
            removeEnv.add(name);
            setEnv.remove(name);
            return this;
        }

        /** Starts the child's environment empty instead of from this process's. */
        public Builder clearEnv() {
            inheritEnvironment = false;
            return this;
        }

        /** Sets the working directory. */
        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        /** Sets stdin; {@link Redirect#TO_STDOUT} and write files are refused at build time. */
        public Builder stdin(Redirect redirect) {
            this.stdin = redirect;
            return this;
        }

        /** Sets stdout; {@link Redirect#TO_STDOUT} and read files are refused at build time. */
        public Builder stdout(Redirect redirect) {
            this.stdout = redirect;
            return this;
        }

        /** Sets stderr; {@link Redirect#TO_STDOUT} merges it into stdout. */
        public Builder stderr(Redirect redirect) {
            this.stderr = redirect;
            return this;
        }

        /** Hands this process's descriptor {@code parentFd} to the child as {@code childFd} (3 or more). */
        public Builder inheritFd(int childFd, int parentFd) {
            inheritedFds.put(childFd, parentFd);
            return this;
        }

        /** Chooses the process group and session. */
        public Builder processGroup(ProcessGroupMode mode) {
            this.processGroup = mode;
            return this;
        }

        /** Sets the nice value, -20 (most favoured) to 19; lowering it below ours needs privilege. */
        public Builder nice(int value) {
            this.nice = value;
            return this;
        }

        /** Asks that the child receive {@code signal} (TERM or KILL) when this JVM dies. */
        public Builder parentDeathSignal(Signal signal) {
            this.parentDeathSignal = signal;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the offending option
         */
        public SpawnSpec build() {
            if (argv.isEmpty() || argv.get(0).isEmpty()) {
                throw new IllegalArgumentException("argv must start with a non-empty program name");
            }
            for (int i = 0; i < argv.size(); i++) {
                if (argv.get(i).indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("argv[" + i + "] contains a NUL character");
                }
            }
            if (stdin instanceof Redirect.WriteFile || stdin instanceof Redirect.ToStdout) {
                throw new IllegalArgumentException("stdin cannot be " + stdin + ": it is an input");
            }
            if (stdout instanceof Redirect.ReadFile || stdout instanceof Redirect.ToStdout) {
                throw new IllegalArgumentException("stdout cannot be " + stdout);
            }
            if (stderr instanceof Redirect.ReadFile) {
                throw new IllegalArgumentException("stderr cannot be " + stderr + ": it is an output");
            }
            for (Map.Entry<Integer, Integer> e : inheritedFds.entrySet()) {
                if (e.getKey() < 3) {
                    throw new IllegalArgumentException("Child descriptor " + e.getKey()
                            + " is a standard stream; use stdin/stdout/stderr redirects for 0, 1 and 2");
                }
                if (e.getValue() < 0) {
                    throw new IllegalArgumentException("Parent descriptor " + e.getValue() + " for child fd "
                            + e.getKey() + " is negative");
                }
            }
            if (nice != null && (nice < -20 || nice > 19)) {
                throw new IllegalArgumentException("nice " + nice + " is outside -20..19");
            }
            if (parentDeathSignal != null && parentDeathSignal != Signal.TERM && parentDeathSignal != Signal.KILL) {
                throw new IllegalArgumentException("parentDeathSignal must be TERM or KILL, not " + parentDeathSignal);
            }
            return new SpawnSpec(this);
        }
    }
}
