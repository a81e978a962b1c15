package io.procmux.mux.posix;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Use after fork is refused: a fake pid source stands in for a forked child. */
class ForkGuardTest {

    @Test
    void allowsTheOpenerAndRefusesAnyOtherProcess() {
        AtomicInteger pid = new AtomicInteger(4242);
        ForkGuard guard = new ForkGuard("posix", pid::get);
        assertThatCode(guard::check).doesNotThrowAnyException();
        pid.set(4243);
        assertThatThrownBy(guard::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opened by process 4242").hasMessageContaining("process 4243 (after fork)");
    }
}
