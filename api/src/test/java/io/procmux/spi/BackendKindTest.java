package io.procmux.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendKindTest {
    @Test
    void namesFollowTheDesign() {
        assertThat(BackendKind.MUX.propertyName()).isEqualTo("procmux.mux");
        assertThat(BackendKind.MUX.environmentVariable()).isEqualTo("PROCMUX_MUX");
        assertThat(BackendKind.SPAWNER.environmentVariable()).isEqualTo("PROCMUX_SPAWNER");
        assertThat(BackendKind.all()).extracting(BackendKind::id)
                .containsExactly("spawner", "mux", "codec", "pool", "proc", "ipc");
    }

    @Test
    void byIdFindsKindsAndRefusesUnknownOnes() {
        assertThat(BackendKind.byId("codec")).isSameAs(BackendKind.CODEC);
        assertThatThrownBy(() -> BackendKind.byId("gpu")).hasMessage(
                "No backend kind 'gpu'. Kinds: [spawner, mux, codec, pool, proc, ipc]");
    }

    @Test
    void artifactCoordinatesAreDistinctAndSorted() {
        assertThat(BackendKind.MUX.artifactCoordinates())
                .containsExactly("io.procmux:procmux-mux-epoll", "io.procmux:procmux-mux-select");
    }
}
