package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    /** The outcome of one in-process run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void versionNamesProcmuxAndTheJdk() {
        Run r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("procmux 0.").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpExplainsBackendSelectionAndExitCodes() {
        Run r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--spawner=NAME", "--mux=NAME", "--codec=NAME", "backends",
                "-Dprocmux.<kind>=NAME", "Exit status: 0 success, 1 failure");
    }

    @Test
    void noCommandIsAUsageError() {
        Run r = run();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void backendsListsEveryKindAndEveryFirstPartyProvider() {
        Run r = run("backends");
        assertThat(r.status()).isZero();
        for (String name : new String[] {"posix", "jvm", "epoll", "poll", "select", "struct", "local", "procfs", "unix"}) {
            assertThat(r.out()).containsPattern("(?m)^[ *] (spawner|mux|codec|pool|proc|ipc) +" + name + " ");
        }
        assertThat(r.out()).contains("* = the backend chosen now");
    }

    @Test
    void backendsMarksAtMostOneChosenProviderPerKind() {
        Run r = run("backends");
        for (String kind : new String[] {"spawner", "mux", "codec", "pool", "proc", "ipc"}) {
            long chosen = r.out().lines().filter(l -> l.startsWith("* " + kind + " ")).count();
            long noneLine = r.out().lines().filter(l -> l.startsWith("  " + kind + " ") && l.contains(" would be chosen: ")).count();
            assertThat(chosen + noneLine).as("kind %s has exactly one choice line or one reason", kind).isEqualTo(1);
        }
    }

    @Test
    void aMistypedBackendFlagFailsWithTheSuggestion() {
        Run r = run("backends", "--mux", "epol");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("procmux: No multiplexer 'epol'. Available: [epoll, poll, select]. Did you mean 'epoll'?");
    }

    @Test
    void globalFlagsWorkBeforeAndAfterTheSubcommand() {
        Run before = run("--mux", "nosuch", "backends");
        Run after = run("backends", "--mux", "nosuch");
        assertThat(before.status()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(1);
        assertThat(before.err()).contains("No multiplexer 'nosuch'");
        assertThat(after.err()).isEqualTo(before.err());
    }

    @Test
    void jsonListsTheSameProvidersAsTheTable() {
        Run r = run("backends", "--json");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"kinds\":[{\"kind\":\"spawner\"").endsWith("}\n");
        for (String name : new String[] {"posix", "jvm", "epoll", "poll", "select", "struct", "local", "procfs", "unix"}) {
            assertThat(r.out()).contains("{\"name\":\"" + name + "\",\"priority\":");
        }
    }

    @Test
    void psListsThisJvmWithItsParent() {
        Run r = run("ps");
        assertThat(r.status()).as(r.err()).isZero();
        long pid = ProcessHandle.current().pid();
        long ppid = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(r.out()).startsWith("    PID    PPID STAT  NI       RSS CMD")
                .containsPattern("(?m)^ +" + pid + " +" + ppid + " [RS] ");
    }

    @Test
    void psJsonHasEveryFieldAndNullsForTheUnknown() {
        Run r = run("ps", "--json", "--proc", "jvm");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("{\"pid\":" + ProcessHandle.current().pid() + ",\"ppid\":")
                .contains("\"state\":null,\"nice\":null");
    }

    @Test
    void treeOfThisJvmStartsWithItsOwnLabel() {
        long pid = ProcessHandle.current().pid();
        Run r = run("tree", Long.toString(pid));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("java(" + pid + ")");
    }

    @Test
    void treeOfAMissingPidFails() {
        Run r = run("tree", "2147483647");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("procmux: No process 2147483647" + System.lineSeparator());
    }

    @Test
    void runExitsWithTheChildsCodeAndPrintsNothingOfItsOwn() {
        Run r = run("run", "--", "sh", "-c", "exit 3");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void runReportsASignalLikeAShell() {
        Run r = run("run", "--spawner", "posix", "--", "sh", "-c", "kill -TERM $$");
        assertThat(r.status()).isEqualTo(128 + 15);
        assertThat(r.err()).isEqualTo("killed by SIGTERM" + System.lineSeparator());
    }

    @Test
    void onTheJvmSpawnerASignalDeathHasTheShellStatusButCannotBeNamed() {
        // ProcessBuilder reports a death by SIGTERM as exit code 143, exactly like 'exit 143'.
        Run r = run("run", "--spawner", "jvm", "--", "sh", "-c", "kill -TERM $$");
        assertThat(r.status()).isEqualTo(128 + 15);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void runTimeoutKillsTheWholeTreeAndExits124() throws Exception {
        java.nio.file.Path pidFile = java.nio.file.Files.createTempFile("procmux-run", ".pid");
        try {
            Run r = run("run", "--timeout", "300ms", "--kill-after", "1s", "--", "sh", "-c",
                    "sleep 60 & echo $! > " + pidFile + "; wait");
            assertThat(r.status()).isEqualTo(RunCommand.TIMEOUT_STATUS);
            assertThat(r.err()).contains("timed out after 300ms; terminated");
            long grandchild = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
            var handle = ProcessHandle.of(grandchild);
            if (handle.isPresent()) {
                handle.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive)).as("grandchild %s", grandchild)
                    .isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(pidFile);
        }
    }

    @Test
    void runOfAMissingProgramFailsWithOneLine() {
        Run r = run("run", "--", "procmux-no-such-program");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("procmux: cannot run procmux-no-such-program: No such file or directory (ENOENT)"
                + System.lineSeparator());
    }

    @Test
    void runAppliesEnvironmentAndDirectory() throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempFile("procmux-run", ".txt");
        try {
            Run r = run("run", "--env", "GREETING=hello", "--cwd", "/tmp", "--", "sh", "-c",
                    "echo \"$GREETING $(pwd)\" > " + out);
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(java.nio.file.Files.readString(out)).isEqualTo("hello /tmp\n");
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }

    @Test
    void aBadDurationIsAUsageError() {
        Run r = run("run", "--timeout", "soon", "--", "true");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("'soon' is not a duration");
    }

    @Test
    void structPacksUnpacksAndSizesLikeCpython() {
        Run pack = run("struct", "pack", "<iHd", "1", "2", "3.5");
        assertThat(pack.status()).as(pack.err()).isZero();
        assertThat(pack.out()).isEqualTo("0100000002000000000000000c40" + System.lineSeparator());
        Run unpack = run("struct", "unpack", "<iH?d4s", "01000000", "0200", "05", "000000000000f87f", "61620000");
        assertThat(unpack.status()).as(unpack.err()).isZero();
        assertThat(unpack.out().lines()).containsExactly("1", "2", "True", "nan", "b'ab\\x00\\x00'");
        Run size = run("struct", "calcsize", "@ci");
        assertThat(size.out()).isEqualTo("8" + System.lineSeparator());
    }

    @Test
    void structErrorsAreOneLineWithCpythonsMeaning() {
        Run bad = run("struct", "calcsize", "<iZ");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("procmux: ").contains("'Z'").contains("2");
        Run range = run("struct", "pack", "<B", "256");
        assertThat(range.status()).isEqualTo(1);
        assertThat(range.err()).contains("B").contains("255");
        Run notHex = run("struct", "unpack", "<B", "zz");
        assertThat(notHex.status()).isEqualTo(1);
        assertThat(notHex.err()).contains("'zz' is not hex");
    }
}
