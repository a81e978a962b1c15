package io.procmux.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    @Test
    void distanceCountsEdits() {
        assertThat(NearestName.distance("epol", "epoll")).isEqualTo(1);
        assertThat(NearestName.distance("sleect", "select")).isEqualTo(2);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("same", "same")).isZero();
    }

    @Test
    void suggestsOnlyCloseNamesCaseInsensitively() {
        assertThat(NearestName.suggest("EPOLL", List.of("epoll", "poll"))).contains("epoll");
        assertThat(NearestName.suggest("sleect", List.of("epoll", "poll", "select"))).contains("select");
        assertThat(NearestName.suggest("kqueue", List.of("epoll", "poll", "select"))).isEmpty();
        assertThat(NearestName.suggest("x", List.of())).isEmpty();
    }
}
