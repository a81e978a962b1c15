package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What only a local pool may leave behind, beside the threads, descriptors and zombies that
 * testkit's {@code PoolLeaks} checks: live worker processes and private socket directories.
 */
final class Leaks {
    private final List<String> dirs;

    private Leaks(List<String> dirs) {
        this.dirs = dirs;
    }

    static Leaks snapshot() {
        return new Leaks(privateDirs());
    }

    /** Asserts that no worker of a closed and joined pool lives and no new private directory is left. */
    void assertNoneLeft(List<Long> workerPids) {
        assertThat(workerPids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .as("worker %d", pid).isNotEqualTo(Optional.of(true)));
        assertThat(privateDirs()).isSubsetOf(dirs);
    }

    private static List<String> privateDirs() {
        List<String> names = new ArrayList<>();
        for (String base : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
            try (Stream<Path> s = Files.list(Path.of(base))) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("procmux-pool-")).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
