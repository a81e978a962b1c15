package io.procmux.proc.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.Processes;
import io.procmux.spi.ProcessTableProvider;
import io.procmux.testkit.AbstractProcessTableTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcfsProcessTableTest extends AbstractProcessTableTest {

    @Override
    protected ProcessTableProvider provider() {
        return new ProcfsProcessTableProvider();
    }

    @Override
    protected boolean reportsSchedulingFields() {
        return true;
    }

    @Test
    void aThreadIdIsNotAProcess() throws IOException {
        long pid = Processes.pid();
        long tid;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tid = tasks.mapToLong(t -> Long.parseLong(t.getFileName().toString())).filter(t -> t != pid)
                    .findFirst().orElseThrow();
        }
        assertThat(Files.exists(Path.of("/proc", Long.toString(tid), "stat"))).as("/proc answers for threads").isTrue();

        assertThat(table().get(tid)).isEmpty();
        assertThat(table().snapshot()).extracting(ProcessInfo::pid).doesNotContain(tid);
    }

    @Test
    void everyFieldAgreesWithProcForThisJvm() throws IOException {
        ProcessInfo self = table().get(Processes.pid()).orElseThrow();
        List<String> truth = procStat(Processes.pid());
        assertThat(self.ppid()).hasValue(Long.parseLong(truth.get(1)));
        assertThat(self.priority()).hasValue(Integer.parseInt(truth.get(15)));
        assertThat(self.nice()).hasValue(Integer.parseInt(truth.get(16)));
        String comm = Files.readString(Path.of("/proc/self/comm")).strip();
        assertThat(self.name()).contains(comm);
        assertThat(self.command()).isEqualTo(List.of(
                Files.readString(Path.of("/proc/self/cmdline")).split("\0")));
        assertThat(self.user()).contains(Files.getOwner(Path.of("/proc", Long.toString(Processes.pid()))).getName());
    }

    @Test
    void kernelThreadsHaveNoCommandAndShowTheirNameInBrackets() throws IOException {
        List<ProcessInfo> kernelThreads = table().snapshot().stream()
                .filter(p -> p.pid() == 2 || p.ppid().orElse(-1) == 2).toList();
        assumeTrue(!kernelThreads.isEmpty(), "no kernel threads are visible here (a container?)");
        for (ProcessInfo k : kernelThreads) {
            assertThat(k.command()).as("argv of kernel thread %s", k.pid()).isEmpty();
            assertThat(k.rssBytes()).as("RSS of kernel thread %s", k.pid()).isEmpty();
            assertThat(k.commandLine()).isEqualTo("[" + k.name().orElseThrow() + "]");
        }
    }
}
