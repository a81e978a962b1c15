package io.procmux.proc.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The owner of a {@code /proc/PID} directory, by name, or the uid as text when the uid has no
 * name. The kernel gives that directory the process's effective uid, except that a non-dumpable
 * process (one that changed its credentials, such as a setuid program) shows as root.
 *
 * <p>Cost: one {@code stat} per call; the name lookup ({@link Files#getOwner}, which asks the
 * system's user database) runs once per distinct uid and is remembered by this instance. Meant to
 * live for one snapshot, so renamed users are seen by the next one. Not thread-safe.
 */
final class UserNames {
    private final Map<Integer, String> names = new HashMap<>();

    /** The owner of {@code dir}; {@link IOException} when it cannot be read (the process vanished). */
    String ownerOf(Path dir) throws IOException {
        Optional<Integer> uid = uidOf(dir);
        if (uid.isEmpty()) {
            return Files.getOwner(dir).getName();
        }
        String name = names.get(uid.get());
        if (name == null) {
            name = Files.getOwner(dir).getName();
            names.put(uid.get(), name);
        }
        return name;
    }

    /** The uid of {@code dir}, or empty when the file system has no {@code unix} attribute view. */
    private static Optional<Integer> uidOf(Path dir) throws IOException {
        try {
            return Optional.of((Integer) Files.getAttribute(dir, "unix:uid"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
