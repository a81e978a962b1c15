package io.procmux.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A process's CPU time is read from /proc, grows with work done, and a missing process is named. */
@EnabledOnOs(OS.LINUX)
class ProcessCpuTest {

    @Test
    void readsThisProcesssCpuTimeAndSeesItGrowWithWork() throws IOException {
        long pid = ProcessHandle.current().pid();
        long before = ProcessCpu.nanos(pid);
        long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long spin = 0;
        while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore < 50_000_000L) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        long after = ProcessCpu.nanos(pid);
        assertThat(spin).isNotNegative();
        assertThat(after - before).as("50 ms of this thread's CPU are in the process's total")
                .isGreaterThanOrEqualTo(40_000_000L);
    }

    @Test
    void aProcessThatIsGoneIsNamed() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        long pid = child.pid();
        assertThatThrownBy(() -> ProcessCpu.nanos(pid))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("No CPU time for process " + pid + ": /proc/" + pid + "/task does not exist");
    }
}
