package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code procmux parallel} as a user runs it: the packaged CLI in its own JVM, real commands,
 * byte-exact output. Other Parallel*IT classes reuse {@link Cli}.
 */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class ParallelIT {

    @TempDir
    Path dir;

    /** Runs the packaged CLI; stdout as bytes. */
    static final class Cli {
        static Process start(Path work, byte[] stdin, List<String> args, Path out, Path err) throws IOException {
            Path dist = Path.of(System.getProperty("procmux.dist", "../cli/target/procmux")).toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", dist.resolve("procmux.jar").toString(),
                    "io.procmux.cli.Main", "parallel"));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("PROCMUX_"));
            Path in = Files.createTempFile(work, "in", ".bin");
            Files.write(in, stdin);
            pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            return pb.start();
        }

        static Result run(Path work, byte[] stdin, String... args) throws IOException, InterruptedException {
            Path out = Files.createTempFile(work, "out", ".bin");
            Path err = Files.createTempFile(work, "err", ".txt");
            Process p = start(work, stdin, List.of(args), out, err);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("procmux parallel did not finish in 120 s: " + List.of(args));
            }
            return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        }

        static Result run(Path work, String... args) throws IOException, InterruptedException {
            return run(work, new byte[0], args);
        }
    }

    /**
     * One run's exit status and output.
     *
     * @param status exit status
     * @param outBytes stdout
     * @param err stderr
     */
    record Result(int status, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }
    }

    /** Whether a process is gone or a zombie. */
    static boolean dead(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /** Waits up to {@code limit} for every pid to be dead. */
    static boolean allDeadWithin(List<Long> pids, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!pids.stream().allMatch(ParallelIT::dead)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    static List<Long> pidsIn(Path folder) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith("pid")) {
                    for (String line : Files.readAllLines(f)) {
                        if (!line.isBlank()) {
                            pids.add(Long.parseLong(line.trim()));
                        }
                    }
                }
            }
        }
        return pids;
    }

    @Test
    void keepOrderPrintsInInputOrder() throws Exception {
        Result r = Cli.run(dir, "-j", "4", "-k", "sh", "-c", "sleep $1; echo $1", "sh", ":::", "0.4", "0.3", "0.2", "0.1", "0");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("0.4\n0.3\n0.2\n0.1\n0\n");
    }

    @Test
    void inputsFromStdinLinesOrNulsAreNeverReSplit() throws Exception {
        Result lines = Cli.run(dir, "a b\n$HOME\n'q'\n".getBytes(StandardCharsets.UTF_8), "-k", "-j", "2",
                "printf", "<%s>\\n");
        assertThat(lines.out()).isEqualTo("<a b>\n<$HOME>\n<'q'>\n");
        Result nul = Cli.run(dir, "x\ny\0z\0".getBytes(StandardCharsets.UTF_8), "-0", "-k", "printf", "<%s>");
        assertThat(nul.out()).isEqualTo("<x\ny><z>");
    }

    @Test
    void crossProductAndReplacementStrings() throws Exception {
        Result r = Cli.run(dir, "-k", "-j", "3", "echo", "{#}", "{1}", "{2/.}", ":::", "a", "b", ":::", "d/x.txt", "y.c");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("1 a x\n2 a y\n3 b x\n4 b y\n");
    }

    @Test
    void shellModeQuotesInputs() throws Exception {
        Result r = Cli.run(dir, "--shell", "echo {} | tr a-z A-Z", ":::", "it's; a $test");
        assertThat(r.out()).isEqualTo("IT'S; A $TEST\n");
    }

    @Test
    void dryRunPrintsCommandsAndRunsNothing() throws Exception {
        Result r = Cli.run(dir, "--dry-run", "touch", "{}", ":::", "a b", "c");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("touch 'a b'\ntouch c\n");
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void exitStatusIsTheNumberOfFailedJobsCappedAt101() throws Exception {
        assertThat(Cli.run(dir, "true", ":::", "1", "2").status()).isZero();
        assertThat(Cli.run(dir, "sh", "-c", "exit $1", "sh", ":::", "0", "1", "2", "0", "3").status()).isEqualTo(3);
        List<String> args = new ArrayList<>(List.of("-j", "8", "false", ":::"));
        for (int i = 0; i < 105; i++) {
            args.add(Integer.toString(i));
        }
        assertThat(Cli.run(dir, args.toArray(new String[0])).status()).isEqualTo(101);
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() throws Exception {
        Path marker = dir.resolve("ran");
        Result unknown = Cli.run(dir, "touch", marker.toString(), "{..}", ":::", "a");
        assertThat(unknown.status()).isEqualTo(255);
        assertThat(unknown.err()).contains("unknown replacement string {..}");
        Result missing = Cli.run(dir, "touch", marker.toString(), "::::", "no-such-file");
        assertThat(missing.status()).isEqualTo(255);
        assertThat(missing.err()).contains("input file no-such-file does not exist");
        Result nul = Cli.run(dir, "a\nb\0c\n".getBytes(StandardCharsets.UTF_8), "touch", marker.toString());
        assertThat(nul.status()).isEqualTo(255);
        assertThat(nul.err()).contains("stdin, line 2, contains a NUL byte");
        Result empty = Cli.run(dir, ":::", "a");
        assertThat(empty.status()).isEqualTo(255);
        assertThat(empty.err()).contains("no command given");
        Result program = Cli.run(dir, "no-such-program-xyz", ":::", "a");
        assertThat(program.err()).contains("command 'no-such-program-xyz' not found on PATH");
        Result option = Cli.run(dir, "--no-such-option", "true");
        assertThat(option.status()).isEqualTo(255);
        assertThat(marker).doesNotExist();
    }

    @Test
    void joblogHasGnuParallelsColumnsAndEveryJob() throws Exception {
        Path log = dir.resolve("jobs.tsv");
        Result r = Cli.run(dir, "--joblog", log.toString(), "-j", "2", "sh", "-c", "printf abc; exit $1", "sh",
                ":::", "0", "3", "0");
        assertThat(r.status()).isEqualTo(1);
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(0)).isEqualTo("Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand");
        assertThat(lines).hasSize(4);
        List<String> bySeq = lines.subList(1, 4).stream().sorted().toList();
        for (int i = 0; i < 3; i++) {
            String[] c = bySeq.get(i).split("\t");
            assertThat(c).hasSize(9);
            assertThat(c[0]).isEqualTo(Integer.toString(i + 1));
            assertThat(c[1]).isEqualTo(":");
            assertThat(c[2]).matches("[0-9]+\\.[0-9]{3}");
            assertThat(c[3].trim()).matches("[0-9]+\\.[0-9]{3}");
            assertThat(c[4]).isEqualTo("0");
            assertThat(c[5]).isEqualTo("3");
            assertThat(c[6]).isEqualTo(i == 1 ? "3" : "0");
            assertThat(c[7]).isEqualTo("0");
            assertThat(c[8]).isEqualTo("sh -c 'printf abc; exit $1' sh " + (i == 1 ? "3" : "0"));
        }
    }

    @Test
    void haltNowFail1StopsAtTheFirstFailureWithItsStatus() throws Exception {
        Result r = Cli.run(dir, "-j", "1", "--halt", "now,fail=1", "sh", "-c", "touch ran-$1; exit $1", "sh",
                ":::", "0", "4", "0", "0");
        assertThat(r.status()).isEqualTo(4);
        assertThat(dir.resolve("ran-0")).exists();
        assertThat(dir.resolve("ran-4")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("ran-")).count()).isEqualTo(2);
        }
    }

    @Test
    void haltNowKillsRunningJobsAndHaltSoonLetsThemFinish() throws Exception {
        Result now = Cli.run(dir, "-j", "2", "--halt", "now,fail=1", "--shell",
                "if [ {} = fail ]; then sleep 0.5; exit 2; else sleep 30; echo finished; fi", ":::", "slow", "fail");
        assertThat(now.status()).isEqualTo(2);
        assertThat(now.out()).doesNotContain("finished");
        Result soon = Cli.run(dir, "-j", "2", "--halt", "soon,fail=25%", "--shell",
                "if [ {} = fail ]; then exit 2; else sleep 1; echo finished {}; fi", ":::", "slow", "fail", "x", "y");
        assertThat(soon.out()).isEqualTo("finished slow\n");
        assertThat(soon.status()).isEqualTo(1);
    }

    @Test
    void retriesRunAFailingJobUpToNTimes() throws Exception {
        Result r = Cli.run(dir, "--retries", "3", "--shell", "echo x >> count-{}; false", ":::", "a");
        assertThat(r.status()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("count-a"))).hasSize(3);
        Result ok = Cli.run(dir, "--retries", "3", "--shell",
                "echo x >> count-{}; [ $(wc -l < count-{}) -ge 2 ] && echo ok", ":::", "b");
        assertThat(ok.status()).isZero();
        assertThat(ok.out()).isEqualTo("ok\n");
    }

    @Test
    void aTimeoutKillsTheJobsGrandchildrenToo() throws Exception {
        Path log = dir.resolve("log");
        Result r = Cli.run(dir, "--timeout", "500ms", "--kill-after", "300ms", "--joblog", log.toString(), "--shell",
                "trap '' TERM; sleep 60 & echo $! > pid-{}; sh -c 'trap \"\" TERM; sleep 60' & echo $! >> pid-{}; wait",
                ":::", "a", "b");
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("timed out after 500ms");
        List<Long> pids = pidsIn(dir);
        assertThat(pids).hasSize(4);
        assertThat(allDeadWithin(pids, Duration.ofSeconds(10))).as("grandchildren %s ended", pids).isTrue();
        assertThat(Files.readAllLines(log).subList(1, 3)).allSatisfy(l -> assertThat(l.split("\t")[6]).isEqualTo("-1"));
    }

    @Test
    void tagAndResults() throws Exception {
        Result r = Cli.run(dir, "-k", "--tag", "--results", "res", "--shell", ": {}; echo one; echo two >&2", ":::", "a b", "c");
        assertThat(r.out()).isEqualTo("a b\tone\nc\tone\n");
        assertThat(r.err()).isEqualTo("a b\ttwo\nc\ttwo\n");
        assertThat(Files.readString(dir.resolve("res/2/stdout"))).isEqualTo("one\n");
        assertThat(Files.readString(dir.resolve("res/1/stderr"))).isEqualTo("two\n");
    }

    @Test
    void aFileSourceWorksLikeGnuParallelsFourColons() throws Exception {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "x\ny\n");
        Result r = Cli.run(dir, "-k", "echo", ":::", "1", "2", "::::", list.toString());
        assertThat(r.out()).isEqualTo("1 x\n1 y\n2 x\n2 y\n");
    }

    @Test
    void lineBufferPrintsWholeLinesAsTheyComeAndJobsZeroRunsAllAtOnce() throws Exception {
        Result lb = Cli.run(dir, "--line-buffer", "--tag", "--shell", "echo a{}; sleep 1; echo b{}", ":::", "1", "2");
        assertThat(lb.status()).as(lb.err()).isZero();
        List<String> lines = lb.out().lines().toList();
        assertThat(lines).containsExactlyInAnyOrder("1\ta1", "2\ta2", "1\tb1", "2\tb2");
        assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder("1\ta1", "2\ta2");
        Result all = Cli.run(dir, "-j", "0", "--shell", "echo {%}", ":::", "a", "b", "c", "d", "e");
        assertThat(all.out().lines().sorted().toList()).containsExactly("1", "2", "3", "4", "5");
    }
}
