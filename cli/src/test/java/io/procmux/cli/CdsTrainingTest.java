package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class CdsTrainingTest {

    @Test
    void everyTrainingCommandLineSucceeds() {
        // A renamed command or option would silently shrink the launcher's archive; fail here instead.
        assertThat(CdsTraining.train())
                .as("exit statuses of %s", CdsTraining.COMMAND_LINES)
                .containsExactlyElementsOf(Collections.nCopies(CdsTraining.COMMAND_LINES.size(), 0));
    }
}
