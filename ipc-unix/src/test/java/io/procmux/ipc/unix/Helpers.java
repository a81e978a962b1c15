package io.procmux.ipc.unix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child processes for the cross-process tests: python3 scripts and a child JVM, spawned with the posix spawner. */
final class Helpers {
    private Helpers() {
    }

    static boolean hasPython() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                return true;
            }
        }
        return false;
    }

    static Spawner posixSpawner() {
        var provider = Backends.discover(BackendKind.SPAWNER).find("posix");
        assumeTrue(provider.isPresent() && provider.get().isAvailable(), "the posix spawner is not available here");
        return provider.get().create();
    }

    /** Runs {@code script} in python3 with {@code inheritedFd} (if not negative) as its descriptor 3. */
    static Child python(Spawner spawner, String script, int inheritedFd) throws IOException {
        SpawnSpec.Builder spec = SpawnSpec.builder("python3", "-c", script)
                .stdout(Redirect.PIPE).stderr(Redirect.PIPE);
        if (inheritedFd >= 0) {
            spec.inheritFd(3, inheritedFd);
        }
        return spawner.spawn(spec.build());
    }

    /** Runs {@code mainClass} from this test classpath in a child JVM. */
    static Child java(Spawner spawner, Class<?> mainClass, String... args) throws IOException {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(launcher, "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", mainClass.getName()));
        argv.addAll(List.of(args));
        return spawner.spawn(SpawnSpec.builder(argv).stdout(Redirect.PIPE).stderr(Redirect.PIPE).build());
    }

    static String stderrOf(Child child) {
        try {
            return new String(child.stderr().readAllBytes());
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }
}
