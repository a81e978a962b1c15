package io.procmux.pool.local;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerOutput;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM that runs a one-worker pool, asks the worker whether the file named by its argument is
 * mapped into it (a class-data archive in use shows in {@code /proc/self/maps}), prints
 * {@code mapped} or {@code not mapped}, and closes the pool.
 */
public final class ArchiveHostMain {
    private ArchiveHostMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Pool pool = Backends.select(BackendKind.POOL).create(PoolOptions.builder().processes(1)
                .workerOutput(WorkerOutput.INHERIT).build())) {
            boolean mapped = pool.apply(ArchiveHostMain::mapsFileNamed, args[0]);
            System.out.println(mapped ? "mapped" : "not mapped");
        }
    }

    /** Runs in the worker: whether a mapping of this process names a file whose name starts with {@code prefix}. */
    static boolean mapsFileNamed(String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.lastIndexOf('/');
                if (slash >= 0 && line.substring(slash + 1).startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
