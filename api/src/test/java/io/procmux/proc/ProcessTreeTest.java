package io.procmux.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
    private static ProcessInfo proc(long pid, long ppid, String... argv) {
        return new ProcessInfo(pid, OptionalLong.of(ppid), Optional.of(ProcessState.SLEEPING), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty(),
                List.of(argv), Optional.of("n" + pid));
    }

    private final List<ProcessInfo> snapshot = List.of(proc(1, 0, "init"), proc(10, 1, "a"), proc(12, 10, "b"),
            proc(11, 10, "c"), proc(20, 1, "d"), proc(30, 99));

    @Test
    void buildsSubtreesWithChildrenByPid() {
        ProcessTree tree = ProcessTree.of(snapshot, 10);
        assertThat(tree.process().pid()).isEqualTo(10);
        assertThat(tree.children()).extracting(t -> t.process().pid()).containsExactly(11L, 12L);
        assertThat(ProcessTree.of(snapshot, 1).descendants()).extracting(ProcessInfo::pid)
                .containsExactly(10L, 11L, 12L, 20L);
    }

    @Test
    void unknownRootIsRefused() {
        assertThatThrownBy(() -> ProcessTree.of(snapshot, 5)).hasMessage("No process 5 in the snapshot");
    }

    @Test
    void commandLineFallsBackToTheBracketedName() {
        assertThat(proc(30, 99).commandLine()).isEqualTo("[n30]");
        assertThat(proc(10, 1, "a", "b c").commandLine()).isEqualTo("a b c");
    }

    @Test
    void stateCodes() {
        assertThat(ProcessState.fromCode('Z')).isEqualTo(ProcessState.ZOMBIE);
        assertThat(ProcessState.fromCode('t')).isEqualTo(ProcessState.TRACING_STOP);
        assertThat(ProcessState.fromCode('!')).isEqualTo(ProcessState.UNKNOWN);
    }

    @Test
    void ourOwnPidMatchesTheJdk() {
        assertThat(Processes.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(Processes.ppid()).isPresent();
    }
}
