package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class SubcommandsTest {

    @Test
    void theNamedSubcommandIsFoundPastGlobalOptionsAndTheirValues() {
        assertThat(Subcommands.subcommandName(new String[] {"run", "--", "true"})).isEqualTo("run");
        assertThat(Subcommands.subcommandName(new String[] {"-v", "--spawner", "jvm", "run", "--", "ps"})).isEqualTo("run");
        assertThat(Subcommands.subcommandName(new String[] {"--mux", "run", "backends"})).isEqualTo("backends");
        assertThat(Subcommands.subcommandName(new String[] {"--mux=poll", "serve"})).isEqualTo("serve");
    }

    @Test
    void anythingElseNamesNoSubcommand() {
        assertThat(Subcommands.subcommandName(new String[] {})).isNull();
        assertThat(Subcommands.subcommandName(new String[] {"--help"})).isNull();
        assertThat(Subcommands.subcommandName(new String[] {"frobnicate", "run"})).isNull();
        assertThat(Subcommands.subcommandName(new String[] {"--", "run"})).isNull();
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltNoneForVersionAndAllOtherwise() {
        CommandLine one = new CommandLine(new ProcmuxCommand());
        Subcommands.register(one, new String[] {"-v", "ps"});
        assertThat(one.getSubcommands().keySet()).containsExactly("ps");

        CommandLine all = new CommandLine(new ProcmuxCommand());
        Subcommands.register(all, new String[] {"--help"});
        CommandLine none = new CommandLine(new ProcmuxCommand());
        Subcommands.register(none, new String[] {"--version"});
        assertThat(none.getSubcommands()).isEmpty();
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(Subcommands.names());
    }

    @Test
    void theValueTakingGlobalOptionsAreExactlyThoseOfGlobalOptions() {
        CommandLine root = new CommandLine(new ProcmuxCommand());
        Set<String> withValue = root.getCommandSpec().options().stream()
                .filter(o -> o.arity().max() > 0 && o.scopeType() == CommandLine.ScopeType.INHERIT)
                .map(OptionSpec::longestName)
                .collect(Collectors.toSet());
        assertThat(withValue).isEqualTo(Subcommands.GLOBAL_OPTIONS_WITH_VALUE);
    }
}
