package io.procmux.bench.spawn;

import java.util.List;

/**
 * Positional arguments of a driver main: checks their number and parses counts, with errors that
 * name the argument and repeat the usage line. Cost: nothing worth mentioning.
 */
final class Args {
    private final String usage;
    private final String[] args;

    /**
     * @param usage the usage line, e.g. {@code SpawnLoop posix|jvm|pb COUNT [WARMUP]}
     * @param required how many arguments must be present
     * @throws IllegalArgumentException when fewer than {@code required} or more than {@code maximum} are given
     */
    Args(String usage, String[] args, int required, int maximum) {
        this.usage = usage;
        this.args = args.clone();
        if (args.length < required || args.length > maximum) {
            throw new IllegalArgumentException("expected " + (required == maximum ? required : required + " to " + maximum)
                    + " arguments, got " + args.length + "; usage: " + usage);
        }
    }

    /** Argument {@code index}, which must be one of {@code allowed}. */
    String choice(int index, String name, List<String> allowed) {
        String value = args[index];
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ", not '" + value + "'; usage: " + usage);
        }
        return value;
    }

    /** Argument {@code index} as a comma-separated list, each element one of {@code allowed}, none twice. */
    List<String> choices(int index, String name, List<String> allowed) {
        List<String> out = new java.util.ArrayList<>();
        for (String value : args[index].split(",", -1)) {
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(name + " must be one of " + allowed + ", not '" + value + "'; usage: " + usage);
            }
            if (out.contains(value)) {
                throw new IllegalArgumentException(name + " '" + value + "' is given twice; usage: " + usage);
            }
            out.add(value);
        }
        return out;
    }

    /** Argument {@code index} as given. */
    String text(int index) {
        return args[index];
    }

    /** Argument {@code index} as a count of at least {@code min}, or {@code fallback} when absent. */
    int count(int index, String name, int min, int fallback) {
        if (index >= args.length) {
            return fallback;
        }
        String value = args[index];
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, not '" + value + "'; usage: " + usage, e);
        }
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + n + "; usage: " + usage);
        }
        return n;
    }

    /** Runs a driver body; a bad argument prints its message and exits with status 2, any other failure with 1. */
    static void run(String program, Body body) {
        try {
            body.run();
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println(program + ": " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** A driver body. */
    interface Body {
        void run() throws Exception;
    }
}
