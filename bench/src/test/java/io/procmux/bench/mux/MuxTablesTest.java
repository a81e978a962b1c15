package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MuxTablesTest {
    private static Series s(String impl, int n, double... nanos) {
        return new Series(impl, n, java.util.Arrays.stream(nanos).boxed().toList(), OptionalDouble.empty());
    }

    @Test
    void seriesGivesMedianMinAndMax() {
        Series odd = s("epoll", 10, 5, 1, 3);
        assertThat(odd.median()).isEqualTo(3);
        assertThat(odd.min()).isEqualTo(1);
        assertThat(odd.max()).isEqualTo(5);
        assertThat(s("epoll", 10, 4, 1, 3, 10).median()).isEqualTo(3.5);
        assertThatThrownBy(() -> s("epoll", 10)).hasMessage("No samples for epoll at N=10");
    }

    @Test
    void waitsTableListsEachNInOrderWithBytesWhereMeasured() {
        MuxTables tables = new MuxTables(List.of(
                new Series("epoll", 1000, List.of(700.0), OptionalDouble.of(0.0)),
                s("c-epoll", 1000, 600, 500, 550),
                s("nio", 10, 80.25)));
        assertThat(tables.waits()).isEqualTo("""
                | N idle | implementation | median ns/wait | min | max | samples | bytes/wait |
                |---:|---|---:|---:|---:|---:|---:|
                | 10 | JDK NIO `Selector` | 80.3 | 80.3 | 80.3 | 1 | not measured |
                | 1,000 | C `epoll_wait` | 550 | 500 | 600 | 3 | n/a |
                | 1,000 | procmux `epoll` | 700 | 700 | 700 | 1 | 0.00 |
                """);
    }

    @Test
    void ratiosAreMediansOverMediansMarkedAgainstTheirTargets() {
        MuxTables tables = new MuxTables(List.of(
                s("epoll", 10, 120, 130, 125), s("c-epoll", 10, 100), s("nio", 10, 200),
                s("poll", 10, 140), s("c-poll", 10, 100),
                s("epoll", 100, 500), s("nio", 100, 400)));
        assertThat(tables.ratios()).isEqualTo("""
                | N idle | epoll / C epoll (target ≤ 1.3) | epoll / NIO (target < 1) | poll / C poll (target ≤ 1.3) |
                |---:|---:|---:|---:|
                | 10 | 1.25 within | 0.63 within | 1.40 **over** |
                | 100 | – | 1.25 **over** | – |
                """);
        assertThat(tables.over()).containsExactly("N=10: poll / C poll (target ≤ 1.3) is 1.40",
                "N=100: epoll / NIO (target < 1) is 1.25");
    }

    @Test
    void informationalRatiosHaveNoVerdict() {
        MuxTables tables = new MuxTables(List.of(s("select", 10, 300), s("c-select", 10, 100)));
        assertThat(tables.ratios()).contains("| 10 | 3.00 |");
        assertThat(tables.over()).isEmpty();
    }

    @Test
    void refusesUnknownImplementations() {
        assertThatThrownBy(() -> new MuxTables(List.of(s("kqueue", 10, 1))))
                .hasMessageStartingWith("Unknown implementation 'kqueue'; known: c-epoll, c-epoll-mt, jnr-epoll, epoll");
    }
}
