package io.procmux.spawn.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.SpawnException;
import io.procmux.spawn.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeathSignal}: the wrapper's argument list and the PATH lookup it does in Java. */
class DeathSignalTest {
    @TempDir
    Path tmp;

    @Test
    void looksUpAProgramInPathInOrderAndSkipsNonExecutableMatches() throws Exception {
        Path first = Files.createDirectory(tmp.resolve("first"));
        Path second = Files.createDirectory(tmp.resolve("second"));
        Path plain = Files.writeString(first.resolve("prog"), "#!/bin/sh\n");
        Path runnable = Files.writeString(second.resolve("prog"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(runnable, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(DeathSignal.resolve("prog", first + ":" + second, null)).isEqualTo(runnable.toString());
        assertThatThrownBy(() -> DeathSignal.resolve("prog", first.toString(), null))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("EACCES"))
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> DeathSignal.resolve("procmux-no-such", first + ":" + second, null))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("ENOENT"))
                .hasMessageContaining("procmux-no-such").hasMessageContaining(second.toString());
    }

    @Test
    void takesAProgramWithASlashAsItIs() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        assertThat(DeathSignal.resolve("/bin/sh", null, null)).isEqualTo("/bin/sh");
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(DeathSignal.resolve("./run.sh", null, dir)).as("relative to the child's directory").isEqualTo("./run.sh");
        assertThatThrownBy(() -> DeathSignal.resolve("./run.sh", null, tmp))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("ENOENT"));
        assertThatThrownBy(() -> DeathSignal.resolve(dir.toString(), null, null))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("EACCES"));
        assertThatThrownBy(() -> DeathSignal.resolve(tmp.resolve("missing").toString(), null, null))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("ENOENT"));
    }

    @Test
    void runsTheProgramThroughSetprivAndAParentCheck() throws Exception {
        assumeTrue(DeathSignal.unavailabilityReason().isEmpty(), () -> "no setpriv: " + DeathSignal.unavailabilityReason());
        List<String> argv = DeathSignal.wrap(List.of("/bin/sh", "-c", "exit 0"), Signal.KILL, 4242, null);
        assertThat(argv.subList(1, 6)).containsExactly("--pdeathsig", "KILL", "--", "/bin/sh", "-c");
        assertThat(argv.get(0)).endsWith("/setpriv");
        assertThat(argv.get(6)).contains("\"$PPID\" = \"4242\"").contains("kill -s KILL $$").contains("exec \"$0\" \"$@\"");
        assertThat(argv.subList(7, argv.size())).containsExactly("/bin/sh", "-c", "exit 0");
    }
}
