package io.procmux.nativesupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Use after fork is refused; a fake pid source or a wiped page stands in for a forked child. */
class ForkGuardTest {

    @Test
    void withoutAPageComparesThePidOfTheOpener() {
        AtomicInteger pid = new AtomicInteger(4242);
        ForkGuard guard = new ForkGuard("test", pid::get, null);
        assertThatCode(guard::check).doesNotThrowAnyException();
        pid.set(4243);
        assertThatThrownBy(guard::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opened by process 4242").hasMessageContaining("process 4243 (after fork)");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withAWipeOnForkPageRefusesOnceTheMarkerIsGone() {
        WipeOnForkPage page = WipeOnForkPage.tryOpen();
        assumeTrue(page != null, "this kernel has no MADV_WIPEONFORK (Linux 4.14+)");
        ForkGuard guard = new ForkGuard("test", () -> 4242, page);
        try {
            assertThatCode(guard::check).doesNotThrowAnyException();
            page.wipeAsForkWould();
            assertThatThrownBy(guard::check).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("after fork");
        } finally {
            guard.close();
        }
    }
}
