package io.procmux.proc.procfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void argumentsWithSpacesNonAsciiTextAndAnEmptyLastArgument() {
        // captured: './p) R 9 (q) x' -c 'read l' 'arg with  space' 'ünïcødé ✓' ''
        assertThat(CommandLine.parse(ProcSamples.bytes("9449/cmdline"), UTF_8))
                .containsExactly("./p) R 9 (q) x", "-c", "read l", "arg with  space", "ünïcødé ✓", "");
        assertThat(CommandLine.parse(ProcSamples.bytes("9714/cmdline"), UTF_8)).containsExactly("sleep", "20");
    }

    @Test
    void kernelThreadsAndZombiesHaveNone() {
        assertThat(CommandLine.parse(ProcSamples.bytes("11/cmdline"), UTF_8)).isEmpty();
        assertThat(CommandLine.parse(ProcSamples.bytes("9716/cmdline"), UTF_8)).isEmpty();
    }

    @Test
    void aRewrittenArgumentAreaWithoutFinalNulIsKeptAsWritten() {
        assertThat(CommandLine.parse("nginx: worker process".getBytes(UTF_8), UTF_8))
                .containsExactly("nginx: worker process");
        assertThat(CommandLine.parse("a\0b".getBytes(UTF_8), UTF_8)).containsExactly("a", "b");
        assertThat(CommandLine.parse("\0".getBytes(UTF_8), UTF_8)).containsExactly("");
    }
}
