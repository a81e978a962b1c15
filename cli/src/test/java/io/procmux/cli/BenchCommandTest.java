package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.cli.bench.SideBySide;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void everyContenderRunsTheWarmUpAndEachRoundInTurn() throws Exception {
        StringBuilder order = new StringBuilder();
        AtomicInteger ops = new AtomicInteger();
        SideBySide s = new SideBySide()
                .add("a", n -> { order.append('a'); ops.addAndGet(n); })
                .add("b", n -> { order.append('b'); ops.addAndGet(n); });
        StringWriter out = new StringWriter();
        s.run(10, 3, new PrintWriter(out));
        assertThat(order).hasToString("ab" + "ababab");
        assertThat(ops).hasValue(80);
        assertThat(out.toString()).containsPattern("(?m)^a +\\S+ \\S+ +\\S+ \\S+ +\\S+ \\S+ +\\d+\\.\\d\\d$");
    }

    @Test
    void spawnBenchListsEveryAvailableSpawner() {
        MainTest.Run r = MainTest.run("bench", "spawn", "--count", "2", "--rounds", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^posix +").containsPattern("(?m)^jvm +").contains("÷ FASTEST");
    }

    @Test
    void muxBenchSkipsSelectAboveItsLimitAndSaysWhy() {
        MainTest.Run r = MainTest.run("bench", "mux", "--fds", "600", "--waits", "10", "--rounds", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^epoll +").containsPattern("(?m)^poll +")
                .containsPattern("select: skipped, descriptor \\d+ is above its limit 1023");
    }

    @Test
    void structBenchComparesWithAHandWrittenBuffer() {
        MainTest.Run r = MainTest.run("bench", "struct", "--records", "100", "--rounds", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^struct pack\\+unpack +").containsPattern("(?m)^ByteBuffer by hand +");
    }

    @Test
    void poolBenchRunsTasksInWorkers() {
        MainTest.Run r = MainTest.run("bench", "pool", "--tasks", "20", "--rounds", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^local: apply round trip +").containsPattern("(?m)^local: map, per item +");
    }
}
