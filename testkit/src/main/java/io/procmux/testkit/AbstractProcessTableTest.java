package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessState;
import io.procmux.proc.ProcessTable;
import io.procmux.proc.ProcessTree;
import io.procmux.proc.Processes;
import io.procmux.spi.ProcessTableProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The behaviours every {@link ProcessTable} backend must have, subclassed once per backend.
 *
 * <p>The tests start real children ({@code sleep}, {@code sh}, {@code nice}) with
 * {@link ProcessBuilder} and look for them in the table: as children and descendants of this JVM,
 * in its tree, as a zombie, as an orphan under its new parent, with spaces and non-ASCII text in
 * their arguments. Every child is killed and reaped after each test; an orphan (no longer our
 * child) is killed and left to its new parent to reap. Where a test needs the truth to compare
 * against, it reads {@code /proc/PID/stat} itself and is Linux-only.
 *
 * <p>A backend either knows the kernel's scheduling fields (state, nice, priority, threads, RSS)
 * or leaves them empty; {@link #reportsSchedulingFields()} says which, and the tests check both
 * promises. Cost: about a second per subclass, mostly process start-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractProcessTableTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Process> started = new ArrayList<>();
    private final List<Long> orphans = new ArrayList<>();
    private ProcessTable table;

    /** The provider under test, as found on the classpath. */
    protected abstract ProcessTableProvider provider();

    /** Whether the backend reports state, nice, priority, threads and RSS (else they must be empty). */
    protected abstract boolean reportsSchedulingFields();

    /**
     * Whether the backend reports an empty argument and those after it (the JDK's
     * {@link ProcessHandle.Info#arguments()} stops at the first empty one on Linux).
     */
    protected boolean keepsEmptyArguments() {
        return true;
    }

    /** The table under test, opened once per class. */
    protected final ProcessTable table() {
        return table;
    }

    @BeforeAll
    final void openTable() {
        ProcessTableProvider provider = provider();
        assumeTrue(provider.isAvailable(), () -> provider.name() + " is unavailable: " + provider.unavailabilityCause());
        table = provider.open();
        assertThat(table.name()).isEqualTo(provider.name());
    }

    @AfterEach
    final void killEverythingStarted() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Process p : started) {
            List<ProcessHandle> descendants = p.descendants().toList();
            descendants.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            if (!p.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                leaks.add("child " + p.pid() + " did not die");
            }
            p.getOutputStream().close();
            p.getInputStream().close();
            p.getErrorStream().close();
        }
        started.clear();
        for (long pid : orphans) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        orphans.clear();
        assertThat(leaks).as("children left alive").isEmpty();
    }

    // ---------------------------------------------------------------- this JVM

    @Test
    void snapshotIsOrderedByPidAndContainsThisJvmWithItsParent() throws IOException {
        List<ProcessInfo> snapshot = table.snapshot();

        assertThat(snapshot).extracting(ProcessInfo::pid).isSorted().doesNotHaveDuplicates();
        ProcessInfo self = snapshot.stream().filter(p -> p.pid() == Processes.pid()).findFirst()
                .orElseThrow(() -> new AssertionError("this JVM (" + Processes.pid() + ") is not in the snapshot"));
        assertThat(self.ppid()).isEqualTo(Processes.ppid());
        assertThat(self.user()).contains(System.getProperty("user.name"));
        assertThat(self.command()).as("our own command line").isNotEmpty();
        assertThat(self.startTime()).isPresent();
        Optional<Instant> jdkStart = ProcessHandle.current().info().startInstant();
        jdkStart.ifPresent(expected -> assertThat(Duration.between(expected, self.startTime().get()).abs())
                .as("start time against the JDK's").isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(self.startTime().get()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void getFindsThisJvmAndNothingForUnknownPids() throws IOException {
        ProcessInfo self = table.get(Processes.pid()).orElseThrow();
        assertThat(self.pid()).isEqualTo(Processes.pid());
        assertThat(self.ppid()).isEqualTo(Processes.ppid());

        assertThat(table.get(Long.MAX_VALUE)).isEmpty();
        assertThat(table.get(Integer.MAX_VALUE)).isEmpty(); // above any pid_max (2^22)
        assertThat(table.get(-1)).isEmpty();
        assertThat(table.children(Integer.MAX_VALUE)).isEmpty();
        assertThat(table.descendants(Integer.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> table.tree(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsAreKnownOrEmptyAsTheBackendDeclares() throws IOException {
        ProcessInfo self = table.get(Processes.pid()).orElseThrow();
        if (reportsSchedulingFields()) {
            assertThat(self.state()).isPresent();
            assertThat(self.nice().orElseThrow()).isBetween(-20, 19);
            assertThat(self.priority()).isPresent();
            assertThat(self.threads().orElseThrow()).as("a JVM runs several threads").isGreaterThan(1);
            assertThat(self.rssBytes().orElseThrow()).as("RSS of a running JVM").isGreaterThan(1L << 20);
            assertThat(self.name()).isPresent();
        } else {
            for (ProcessInfo p : table.snapshot()) {
                assertThat(p.state()).as("state of %s", p.pid()).isEmpty();
                assertThat(p.nice()).as("nice of %s", p.pid()).isEmpty();
                assertThat(p.priority()).as("priority of %s", p.pid()).isEmpty();
                assertThat(p.threads()).as("threads of %s", p.pid()).isEmpty();
                assertThat(p.rssBytes()).as("RSS of %s", p.pid()).isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- children

    @Test
    void aChildShowsInChildrenDescendantsAndTheTree() throws IOException {
        Process child = start("sleep", "30");
        long ourPid = Processes.pid();

        ProcessInfo info = table.children(ourPid).stream().filter(p -> p.pid() == child.pid()).findFirst()
                .orElseThrow(() -> new AssertionError("child " + child.pid() + " not among our children"));
        assertThat(info.ppid()).hasValue(ourPid);
        assertThat(info.name()).contains("sleep");
        assertThat(arguments(info)).containsExactly("30");
        assertThat(info.user()).contains(System.getProperty("user.name"));
        assertThat(info.startTime().orElseThrow())
                .isAfterOrEqualTo(table.get(ourPid).orElseThrow().startTime().orElseThrow());
        if (reportsSchedulingFields()) {
            assertThat(info.command()).containsExactly("sleep", "30");
            assertThat(info.threads()).hasValue(1);
            assertThat(info.state().orElseThrow()).isIn(ProcessState.SLEEPING, ProcessState.RUNNING);
        }

        assertThat(table.descendants(ourPid)).extracting(ProcessInfo::pid).contains(child.pid());
        assertThat(table.get(child.pid())).map(ProcessInfo::pid).contains(child.pid());
        ProcessTree tree = table.tree(ourPid);
        assertThat(tree.process().pid()).isEqualTo(ourPid);
        assertThat(tree.children()).extracting(t -> t.process().pid()).contains(child.pid());
    }

    @Test
    void aGrandchildIsADescendantButNotAChild() throws IOException {
        Process shell = start("sh", "-c", "sleep 30 & wait");
        long grandchild = awaitPresent("the shell's sleep", () -> table.children(shell.pid()).stream()
                .filter(p -> p.name().filter(n -> n.equals("sleep")).isPresent()).findFirst()).pid();

        long ourPid = Processes.pid();
        assertThat(table.children(ourPid)).extracting(ProcessInfo::pid)
                .contains(shell.pid()).doesNotContain(grandchild);
        assertThat(table.descendants(ourPid)).extracting(ProcessInfo::pid).contains(shell.pid(), grandchild);
        ProcessTree shellTree = table.tree(ourPid).children().stream()
                .filter(t -> t.process().pid() == shell.pid()).findFirst().orElseThrow();
        assertThat(shellTree.children()).extracting(t -> t.process().pid()).containsExactly(grandchild);
        assertThat(table.get(grandchild).orElseThrow().ppid()).hasValue(shell.pid());
    }

    @Test
    void commandLinesKeepSpacesEmptyArgumentsAndNonAsciiText() throws IOException {
        List<String> args = List.of("-c", "read line", "the zero", "arg  with  spaces", "ünïcødé ✓ 日本", "", "last");
        Charset jnu = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        assumeTrue(jnu.newEncoder().canEncode(String.join("", args)),
                () -> "the platform charset " + jnu + " cannot pass non-ASCII arguments");
        List<String> argv = new ArrayList<>();
        argv.add("sh");
        argv.addAll(args);
        Process shell = start(argv.toArray(String[]::new)); // blocks in the read builtin: no child

        ProcessInfo info = table.get(shell.pid()).orElseThrow();
        if (keepsEmptyArguments()) {
            assertThat(arguments(info)).containsExactlyElementsOf(args);
        } else {
            assertThat(arguments(info)).as("the arguments before the empty one, nothing invented")
                    .containsExactlyElementsOf(args.subList(0, args.indexOf("")));
        }
        assertThat(info.commandLine()).contains("arg  with  spaces", "ünïcødé ✓ 日本");
        if (reportsSchedulingFields()) {
            assertThat(info.command()).containsExactlyElementsOf(argv);
        }
    }

    // ---------------------------------------------------------------- zombies, orphans, nice

    @Test
    @EnabledOnOs(OS.LINUX)
    void aZombieIsListedUnderItsParent() throws IOException {
        // The shell forks "sleep 0", then becomes "sleep 30", which never waits: sleep 0 stays a zombie.
        Process sleeper = start("sh", "-c", "sleep 0 & exec sleep 30");
        long zombie = awaitPresent("the zombie child of " + sleeper.pid(), () -> ProcessHandle.of(sleeper.pid())
                .stream().flatMap(ProcessHandle::children).map(ProcessHandle::pid)
                .filter(pid -> "Z".equals(procStat(pid).get(0))).findFirst());

        ProcessInfo info = table.descendants(sleeper.pid()).stream().filter(p -> p.pid() == zombie).findFirst()
                .orElseThrow(() -> new AssertionError("zombie " + zombie + " not among the descendants"));
        assertThat(info.ppid()).hasValue(sleeper.pid());
        assertThat(table.tree(sleeper.pid()).children()).extracting(t -> t.process().pid()).containsExactly(zombie);
        if (reportsSchedulingFields()) {
            assertThat(info.state()).contains(ProcessState.ZOMBIE);
            assertThat(info.command()).as("a zombie has no argv").isEmpty();
            assertThat(info.commandLine()).isEqualTo("[sleep]");
            assertThat(info.rssBytes()).isEmpty();
        } else {
            assertThat(info.state()).isEmpty();
        }
    }

    @Test
    void anOrphanIsListedUnderItsNewParent() throws Exception {
        Process shell = start("sh", "-c", "sleep 30 </dev/null >/dev/null 2>&1 & echo $!");
        long orphan;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII))) {
            orphan = Long.parseLong(out.readLine().strip());
        }
        orphans.add(orphan);
        assertThat(shell.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the shell exits").isTrue();

        long newParent = truePpid(orphan);
        ProcessInfo info = table.get(orphan).orElseThrow();
        assertThat(newParent).as("reparented away from the dead shell").isNotEqualTo(shell.pid());
        assertThat(info.ppid()).as("the table agrees with the OS").hasValue(newParent);
        assertThat(table.children(newParent)).extracting(ProcessInfo::pid).contains(orphan);
        if (newParent != Processes.pid()) { // unless this JVM is itself a subreaper (or pid 1)
            assertThat(table.descendants(Processes.pid())).extracting(ProcessInfo::pid).doesNotContain(orphan);
        }
        assertThat(table.get(shell.pid())).as("the reaped shell").isEmpty();
    }

    @Test
    void theNiceValueOfAChildIsReportedOrEmpty() throws IOException {
        Process niced = start("nice", "-n", "5", "sleep", "30"); // nice execs sleep: same pid
        ProcessInfo info = awaitPresent("nice to exec sleep", () -> table.get(niced.pid())
                .filter(p -> p.name().filter(n -> n.equals("sleep")).isPresent()));
        if (reportsSchedulingFields()) {
            int ours = table.get(Processes.pid()).orElseThrow().nice().orElseThrow();
            int expected = Math.min(19, ours + 5);
            assertThat(info.nice()).hasValue(expected);
            assertThat(info.priority()).as("priority = 20 + nice for normal processes").hasValue(20 + expected);
        } else {
            assertThat(info.nice()).isEmpty();
            assertThat(info.priority()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Starts a child that is killed and reaped after the test. */
    protected final Process start(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    /** A command's arguments after argv[0], which backends may report as typed or as a path. */
    private static List<String> arguments(ProcessInfo info) {
        assertThat(info.command()).as("command of %s", info.pid()).isNotEmpty();
        assertThat(info.command().get(0)).isNotEmpty();
        return info.command().subList(1, info.command().size());
    }

    /** Polls until {@code probe} answers (every 10 ms, for at most 10 s), else fails naming {@code what}. */
    protected static <T> T awaitPresent(String what, IoSupplier<Optional<T>> probe) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                return fail("gave up waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted waiting for " + what);
            }
        }
    }

    /** The parent of {@code pid} as the OS reports it: {@code /proc/PID/stat} on Linux, else the JDK. */
    private static long truePpid(long pid) {
        if (Files.isReadable(Path.of("/proc/self/stat"))) {
            return Long.parseLong(procStat(pid).get(1));
        }
        OptionalLong ppid = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(p -> OptionalLong.of(p.pid()))
                .orElse(OptionalLong.empty());
        return ppid.orElseThrow(() -> new AssertionError("no parent for " + pid));
    }

    /**
     * Fields 3 onwards of {@code /proc/PID/stat} (index 0 is the state, 1 the ppid), read directly
     * as ground truth; a single empty field when the process is gone.
     */
    protected static List<String> procStat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of("");
        }
        return List.of(line.substring(line.lastIndexOf(')') + 2).strip().split(" "));
    }

    /** A supplier that may read files. */
    @FunctionalInterface
    protected interface IoSupplier<T> {
        /** Produces the value. */
        T get() throws IOException;
    }
}
