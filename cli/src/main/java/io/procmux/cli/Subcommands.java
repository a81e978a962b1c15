package io.procmux.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The subcommands of {@code procmux}, registered on demand. Picocli builds a command's model by
 * reflection over its annotated fields, which costs tens of milliseconds per command on a cold
 * JVM; a command line that names one subcommand ({@code procmux run -- true}) gets only that one.
 * Anything else ({@code --help}, a typo, no command) gets all of them, so help and "did you mean"
 * suggestions stay complete.
 */
final class Subcommands {
    /** Every subcommand, in the order help lists them. */
    private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("backends", BackendsCommand.class);
        ALL.put("doctor", DoctorCommand.class);
        ALL.put("run", RunCommand.class);
        ALL.put("ps", PsCommand.class);
        ALL.put("tree", TreeCommand.class);
        ALL.put("parallel", ParallelCommand.class);
        ALL.put("serve", ServeCommand.class);
        ALL.put("struct", StructCommand.class);
        ALL.put("bench", BenchCommand.class);
    }

    /** Global options that take a value (their value is not a subcommand name). */
    static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("--spawner", "--mux", "--codec");

    private Subcommands() {
    }

    /** The names of every subcommand, in help order. */
    static Set<String> names() {
        return ALL.keySet();
    }

    /**
     * Adds to {@code root} the subcommand {@code args} names; none for a bare {@code --version};
     * all of them otherwise.
     */
    static void register(CommandLine root, String[] args) {
        String named = subcommandName(args);
        if (named != null) {
            root.addSubcommand(named, ALL.get(named));
        } else if (!(args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")))) {
            ALL.forEach(root::addSubcommand);
        }
    }

    /**
     * The first argument that is neither a global option nor a global option's value, if it is a
     * subcommand name; otherwise null.
     */
    static @Nullable String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return ALL.containsKey(arg) ? arg : null;
            } else if (arg.equals("--")) {
                return null;
            }
        }
        return null;
    }
}
