package io.procmux.proc.procfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The captured {@code /proc} samples under {@code src/test/resources/.../fakeproc}. */
final class ProcSamples {
    private ProcSamples() {
    }

    /** The root of the captured tree, shaped like {@code /proc}. */
    static Path root() {
        try {
            return Path.of(ProcSamples.class.getResource("fakeproc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of one captured file, e.g. {@code bytes("9449/stat")}. */
    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
