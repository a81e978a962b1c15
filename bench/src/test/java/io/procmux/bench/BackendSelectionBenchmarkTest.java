package io.procmux.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendSelectionBenchmarkTest {
    @Test
    void theBenchmarkSelectsTheBestAvailableProvider() {
        BackendSelectionBenchmark bench = new BackendSelectionBenchmark();
        bench.providers = 30;
        bench.setup();
        // backends 15..29 are unavailable, so the highest available priority is 14.
        assertThat(bench.catalogAndSelect().name()).isEqualTo("backend14");
    }
}
