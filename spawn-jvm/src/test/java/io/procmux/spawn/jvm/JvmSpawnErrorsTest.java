package io.procmux.spawn.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spawn.SpawnException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JvmSpawnErrorsTest {

    @Test
    void namesTheErrnoOfTheJdkMessage() {
        IOException jdk = new IOException("Cannot run program \"nope\": error=2, No such file or directory");
        IOException out = JvmSpawnErrors.translate("nope", jdk);
        assertThat(out).isInstanceOfSatisfying(SpawnException.class, e -> {
            assertThat(e.errno()).contains("ENOENT");
            assertThat(e.program()).isEqualTo("nope");
        }).hasMessage("cannot run nope: No such file or directory (ENOENT)").hasCause(jdk);
        assertThat(JvmSpawnErrors.translate("x", new IOException("Cannot run program \"x\": error=13, Permission denied")))
                .hasMessageEndingWith("(EACCES)");
        assertThat(JvmSpawnErrors.translate("x", new IOException("Cannot run program \"x\": error=99, Odd")))
                .hasMessageEndingWith("(errno 99)");
    }

    @Test
    void keepsOtherFailuresAsTheyAre() {
        IOException other = new IOException("something else");
        assertThat(JvmSpawnErrors.translate("x", other)).isSameAs(other);
    }
}
