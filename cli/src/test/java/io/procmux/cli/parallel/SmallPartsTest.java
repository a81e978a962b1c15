package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spawn.ExitStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Halt policies, exit statuses, shell quoting, joblog lines and option checks. */
class SmallPartsTest {
    private static final TermSequence GRACE = TermSequence.termThenKill(Duration.ofMillis(500));


    @Test
    void haltPoliciesParseAndTrigger() {
        HaltPolicy now1 = HaltPolicy.parse("now,fail=1");
        assertThat(now1).isEqualTo(new HaltPolicy(HaltPolicy.When.NOW, HaltPolicy.Count.FAIL, 1, false));
        assertThat(now1.reached(0, 5, 10)).isFalse();
        assertThat(now1.reached(1, 0, 10)).isTrue();
        HaltPolicy soon = HaltPolicy.parse("soon,fail=30%");
        assertThat(soon.reached(2, 0, 10)).isFalse();
        assertThat(soon.reached(3, 0, 10)).isTrue();
        assertThat(HaltPolicy.parse("now,success=2").reached(5, 2, 10)).isTrue();
        assertThat(HaltPolicy.parse("never").reached(100, 0, 100)).isFalse();
        assertThat(HaltPolicy.parse("2")).isEqualTo(now1);
        assertThat(HaltPolicy.parse("1").when()).isEqualTo(HaltPolicy.When.SOON);
    }

    @Test
    void badHaltPoliciesAreRefused() {
        assertThatThrownBy(() -> HaltPolicy.parse("later,fail=1")).hasMessageContaining("is not understood");
        assertThatThrownBy(() -> HaltPolicy.parse("now,fail=0")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> HaltPolicy.parse("now,fail=101%")).hasMessageContaining("1%..100%");
    }

    @Test
    void exitStatusIsTheFailedCountCappedAt101() {
        assertThat(ExitStatuses.of(0, -1)).isZero();
        assertThat(ExitStatuses.of(7, -1)).isEqualTo(7);
        assertThat(ExitStatuses.of(5000, -1)).isEqualTo(101);
        assertThat(ExitStatuses.of(3, 42)).isEqualTo(42);
    }

    @Test
    void shellQuoting() {
        assertThat(ShellQuote.quote("plain-word_1.txt")).isEqualTo("plain-word_1.txt");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.join(List.of("echo", "$HOME", "*"))).isEqualTo("echo '$HOME' '*'");
    }

    @Test
    void joblogLinesHaveGnuParallelsColumns() {
        String line = JobLog.line(3, 1_700_000_000_123L, 1_500_000_000L, 42, 1, 0, "echo a");
        assertThat(line.split("\t")).containsExactly("3", ":", "1700000000.123", "     1.500", "0", "42", "1", "0", "echo a");
        assertThat(JobLog.HEADER.split("\t")).containsExactly("Seq", "Host", "Starttime", "JobRuntime", "Send",
                "Receive", "Exitval", "Signal", "Command");
        assertThat(JobLog.exitval(new ExitStatus.Signaled(9, false))).isZero();
        assertThat(JobLog.signal(new ExitStatus.Signaled(9, false))).isEqualTo(9);
        assertThat(JobLog.exitval(new ExitStatus.Exited(3))).isEqualTo(3);
    }

    @Test
    void optionCombinationsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new ParallelOptions(1, false, OutputMode.UNGROUP, true, null, GRACE, 1,
                HaltPolicy.NEVER, false, null, null)).hasMessageContaining("--tag");
        assertThatThrownBy(() -> new ParallelOptions(0, false, OutputMode.GROUP, false, null, GRACE, 1,
                HaltPolicy.NEVER, false, null, null)).hasMessageContaining("slots");
    }
}
