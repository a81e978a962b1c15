package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.FileDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The CPU-time runner prints one well-formed line per implementation and refuses bad arguments. */
@EnabledOnOs(OS.LINUX)
class MuxCpuTimeTest {

    @Test
    void printsOneLinePerImplementationWithTheFirstAsTheReference() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MuxCpuTime.run(10, 5, 3, List.of("poll", "nio"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .matches("poll 10 cpu-ns/wait median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio 1\\.000 paired-ratio 1\\.000");
        assertThat(lines.get(1))
                .matches("nio 10 cpu-ns/wait median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio [0-9.]+ paired-ratio [0-9.]+");
    }

    @Test
    void aLentDescriptorSetIsUsedButNotClosedByTheBenchmark() throws Exception {
        IdleSocketPairs.open(2).close();   // loads jnr, which opens its library for good
        Map<Integer, String> before = OpenDescriptors.snapshot();
        try (IdleSocketPairs shared = IdleSocketPairs.open(100)) {
            Map<Integer, String> lent = OpenDescriptors.openedSince(before);
            RawPollWaitBenchmark bench = new RawPollWaitBenchmark();
            bench.n = 100;
            bench.lent = shared;
            bench.setup();
            bench.await();
            assertThat(bench.checksum()).isEqualTo(shared.ready());
            bench.tearDown();
            assertThat(OpenDescriptors.closedOf(lent)).as("the lent descriptors stay open").isEmpty();
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void withNioEveryImplementationWaitsOnTheChannelsDescriptorsAndLeavesThemToTheChannels() throws Exception {
        IdleSocketPairs.open(2).close();   // loads jnr, which opens its library for good
        Map<Integer, String> before = OpenDescriptors.snapshot();
        try (NioSocketPairs channels = NioSocketPairs.open(100)) {
            Map<Integer, String> lent = OpenDescriptors.openedSince(before);
            IdleSocketPairs borrowed = IdleSocketPairs.borrowing(channels);
            assertThat(borrowed.ready()).isEqualTo(FileDescriptors.fdOf(channels.ready()));
            assertThat(borrowed.idle()).hasSize(100).doesNotHaveDuplicates()
                    .contains(FileDescriptors.fdOf(channels.idle().get(99)));
            RawEpollWaitBenchmark bench = new RawEpollWaitBenchmark();
            bench.n = 100;
            bench.lent = borrowed;
            bench.setup();
            bench.await();
            assertThat(bench.checksum()).as("the one ready descriptor is the ready channel's").isEqualTo(borrowed.ready());
            bench.tearDown();
            borrowed.close();
            assertThat(OpenDescriptors.closedOf(lent)).as("the channels' descriptors stay open").isEmpty();
            assertThat(channels.ready().isOpen()).isTrue();
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void runWithNioClosesEverythingItOpened() throws Exception {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        MuxCpuTime.run(10, 1, 1, List.of("epoll", "nio", "jnr"), discard);   // loads classes for good
        Map<Integer, String> before = OpenDescriptors.snapshot();
        MuxCpuTime.run(100, 1, 1, List.of("epoll", "nio", "jnr", "poll"), discard);
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void runClosesEverythingItOpened() throws Exception {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        MuxCpuTime.run(10, 1, 1, List.of("poll", "epoll", "jnr-poll", "jnr"), discard);   // loads classes for good
        Map<Integer, String> before = OpenDescriptors.snapshot();
        MuxCpuTime.run(100, 1, 1, List.of("poll", "epoll", "jnr-poll", "jnr"), discard);
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }


    @Test
    void interleavesTheCLoopAsChildProcessesAndReapsThem(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("mux_wait");
        assumeTrue(compile(binary), "gcc could not build c/mux_wait.c");
        String old = System.getProperty(CMuxWait.BINARY_PROPERTY);
        System.setProperty(CMuxWait.BINARY_PROPERTY, binary.toString());
        System.setProperty(MuxCpuTime.PRINT_SLICES, "true");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MuxCpuTime.run(10, 5, 2, List.of("poll", "c-poll", "c-poll-mt", "c-epoll"),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(2 * 4 + 4);
            assertThat(lines.subList(0, 8)).allMatch(line -> line.matches("slice (poll|c-poll|c-poll-mt|c-epoll) 10 [01] [0-9.]+"));
            assertThat(lines.get(9)).startsWith("c-poll 10 cpu-ns/wait median ");
            assertThat(ProcessHandle.current().children()).as("every mux_wait child is reaped").isEmpty();
        } finally {
            System.clearProperty(MuxCpuTime.PRINT_SLICES);
            if (old == null) {
                System.clearProperty(CMuxWait.BINARY_PROPERTY);
            } else {
                System.setProperty(CMuxWait.BINARY_PROPERTY, old);
            }
        }
    }

    @Test
    void refusesTheCLoopWithoutItsBinary() {
        assumeTrue(System.getProperty(CMuxWait.BINARY_PROPERTY) == null);
        assertThatThrownBy(() -> MuxCpuTime.run(10, 5, 1, List.of("c-poll"), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IMPL 'c-poll' needs the compiled bench/c/mux_wait.c named by -Dprocmux.bench.muxWait=PATH; got null");
    }

    private static boolean compile(Path binary) throws InterruptedException {
        try {
            Process gcc = new ProcessBuilder("gcc", "-O2", "-pthread", "-o", binary.toString(), "c/mux_wait.c")
                    .inheritIO().start();
            return gcc.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"10", "5", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3 arguments");
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"ten", "5", "3", "poll"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("N must be a whole number, got 'ten'");
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"10", "0", "3", "poll"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SLICE_MS must be at least 1, got 0");
        assertThatThrownBy(() -> MuxCpuTime.main(new String[] {"10", "5", "3", "kqueue"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown IMPL 'kqueue'");
    }
}
