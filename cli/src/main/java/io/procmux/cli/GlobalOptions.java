package io.procmux.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every subcommand accepts: backend overrides and verbosity. They beat the system
 * properties and environment variables that name backends.
 */
public final class GlobalOptions {

    @Option(names = "--spawner", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Spawner backend to use (posix, jvm). Default: -Dprocmux.spawner, $PROCMUX_SPAWNER, else the best available.")
    @Nullable String spawner;

    @Option(names = "--mux", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Multiplexer backend to use (epoll, poll, select). Default: -Dprocmux.mux, $PROCMUX_MUX, else the best available.")
    @Nullable String mux;

    @Option(names = "--codec", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Codec backend to use (struct). Default: -Dprocmux.codec, $PROCMUX_CODEC, else the best available.")
    @Nullable String codec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Explain backend choices on stderr and print stack traces on failure.")
    boolean verbose;

    /** The explicit name given for a kind's flag, or null. Only kinds with a flag have one. */
    @Nullable String explicitName(String kindId) {
        return switch (kindId) {
            case "spawner" -> spawner;
            case "mux" -> mux;
            case "codec" -> codec;
            default -> null;
        };
    }

    /** The flag that names a kind, for messages. */
    static String flagFor(String kindId) {
        return switch (kindId) {
            case "spawner", "mux", "codec" -> "--" + kindId;
            default -> "caller";
        };
    }
}
