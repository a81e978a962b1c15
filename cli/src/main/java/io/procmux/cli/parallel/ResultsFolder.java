package io.procmux.cli.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * {@code --results DIR}: each finished job's output saved as {@code DIR/<seq>/stdout} and
 * {@code DIR/<seq>/stderr} (the job number, so any input is a safe name), beside the normal
 * printing. Does nothing without a folder. Cost: a directory and two files per job.
 */
final class ResultsFolder {
    private final @Nullable Path dir;

    ResultsFolder(@Nullable Path dir) {
        this.dir = dir;
    }

    void write(Job job) throws IOException {
        if (dir == null) {
            return;
        }
        Path jobDir = Files.createDirectories(dir.resolve(Long.toString(job.seq)));
        try (OutputStream o = Files.newOutputStream(jobDir.resolve("stdout"))) {
            job.out.writeTo(o);
        }
        try (OutputStream o = Files.newOutputStream(jobDir.resolve("stderr"))) {
            job.err.writeTo(o);
        }
    }
}
