package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The CPU-time runner prints one well-formed line per implementation and refuses bad arguments. */
@EnabledOnOs(OS.LINUX)
class MuxCpuTimeTest {

    @Test
    void printsOneLinePerImplementationWithTheFirstAsTheReference() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MuxCpuTime.run(10, 5, 3, List.of("poll", "nio"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("poll 10 cpu-ns/wait median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio 1\\.000");
        assertThat(lines.get(1)).matches("nio 10 cpu-ns/wait median [0-9.]+ min [0-9.]+ max [0-9.]+ ratio [0-9.]+");
    }

    @Test
    void aLentDescriptorSetIsUsedButNotClosedByTheBenchmark() throws Exception {
        IdleSocketPairs.open(2).close();   // loads jnr, which opens its library for good
        long before = openFds();
        try (IdleSocketPairs shared = IdleSocketPairs.open(100)) {
            long open = openFds();
            RawPollWaitBenchmark bench = new RawPollWaitBenchmark();
            bench.n = 100;
            bench.lent = shared;
            bench.setup();
            bench.await();
            assertThat(bench.checksum()).isEqualTo(shared.ready());
            bench.tearDown();
            assertThat(openFds()).as("the lent descriptors stay open").isEqualTo(open);
        }
        assertThat(openFds()).isEqualTo(before);
    }

    @Test
    void runClosesEverythingItOpened() throws Exception {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        MuxCpuTime.run(10, 1, 1, List.of("poll", "epoll", "jnr-poll", "jnr"), discard);   // loads classes for good
        long before = openFds();
        MuxCpuTime.run(100, 1, 1, List.of("poll", "epoll", "jnr-poll", "jnr"), discard);
        assertThat(openFds()).isEqualTo(before);
    }

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
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
