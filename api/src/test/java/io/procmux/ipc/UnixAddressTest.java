package io.procmux.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class UnixAddressTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void theLimitIs107BytesOnLinux() {
        assertThat(UnixAddress.MAX_PATH_BYTES).isEqualTo(107);
    }

    @Test
    void acceptsAPathAtTheLimitAndRefusesOneByteMoreWithBothNumbers() {
        String atLimit = "/" + "a".repeat(UnixAddress.MAX_PATH_BYTES - 1);
        assertThat(UnixAddress.ofPath(atLimit).encoded()).hasSize(UnixAddress.MAX_PATH_BYTES);
        String tooLong = atLimit + "b";
        assertThatThrownBy(() -> UnixAddress.ofPath(tooLong))
                .hasMessageStartingWith("Unix socket path is " + (UnixAddress.MAX_PATH_BYTES + 1)
                        + " bytes long; the limit is " + UnixAddress.MAX_PATH_BYTES + " bytes");
    }

    @Test
    void measuresEncodedBytesNotCharacters() {
        String accents = "/" + "é".repeat(54); // 1 + 108 bytes, 55 characters
        assertThatThrownBy(() -> UnixAddress.ofPath(accents)).hasMessageStartingWith("Unix socket path is 109 bytes long");
    }

    @Test
    void refusesEmptyAndNul() {
        assertThatThrownBy(() -> UnixAddress.ofPath("")).hasMessage("A Unix socket path must not be empty");
        assertThatThrownBy(() -> UnixAddress.ofPath("/tmp/a\0b"))
                .hasMessage("Unix socket address contains a NUL character at index 6");
        assertThatThrownBy(() -> UnixAddress.abstractName("")).hasMessage("An abstract socket name must not be empty");
    }

    @Test
    void abstractNamesAreMarkedAndHaveNoPath() {
        UnixAddress a = UnixAddress.abstractName("procmux-test");
        assertThat(a.isAbstract()).isTrue();
        assertThat(a.path()).isEmpty();
        assertThat(a).hasToString("@procmux-test");
        assertThat(a).isNotEqualTo(UnixAddress.ofPath("procmux-test"));
        assertThat(UnixAddress.of(Path.of("/tmp/s")).path()).contains(Path.of("/tmp/s"));
    }

    @Test
    void bindOptionsRefuseABadBacklog() {
        assertThatThrownBy(() -> new BindOptions(0, true, true)).hasMessage("backlog must be 1 or more, not 0");
        assertThat(BindOptions.DEFAULTS.sameUidOnly()).isTrue();
    }
}
