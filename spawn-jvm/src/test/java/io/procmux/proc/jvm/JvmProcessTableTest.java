package io.procmux.proc.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.Processes;
import io.procmux.spi.ProcessTableProvider;
import io.procmux.testkit.AbstractProcessTableTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JvmProcessTableTest extends AbstractProcessTableTest {

    @Override
    protected ProcessTableProvider provider() {
        return new JvmProcessTableProvider();
    }

    @Override
    protected boolean reportsSchedulingFields() {
        return false;
    }

    @Override
    protected boolean keepsEmptyArguments() {
        return false; // ProcessHandle.Info.arguments() ends at the first empty argument (seen on JDK 17, Linux)
    }

    @Test
    void theCommandStartsWithTheExecutablePathTheJdkReports() throws IOException {
        ProcessInfo self = table().get(Processes.pid()).orElseThrow();
        ProcessHandle.Info info = ProcessHandle.current().info();
        assertThat(self.command().get(0)).isEqualTo(info.command().orElseThrow());
        assertThat(self.command().subList(1, self.command().size()))
                .containsExactly(info.arguments().orElse(new String[0]));
        assertThat(self.name()).contains(java.nio.file.Path.of(info.command().orElseThrow()).getFileName().toString());
        assertThat(self.startTime()).isEqualTo(info.startInstant());
        assertThat(self.user()).isEqualTo(info.user());
    }
}
