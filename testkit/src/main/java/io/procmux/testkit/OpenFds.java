package io.procmux.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Counts and inspects this process's open file descriptors through {@code /proc/self} (Linux),
 * for leak tests: compare {@link #count()} before and after, or diff {@link #list()}.
 *
 * <p>Cost: each call lists or reads a {@code /proc} file (one directory descriptor while listing, left out of the answer);
 * allocates freely. Callers check {@link #supported()} and skip otherwise.
 */
public final class OpenFds {
    private static final Path FD_DIR = Path.of("/proc/self/fd");

    private OpenFds() {
    }

    /** Whether {@code /proc/self/fd} exists here. */
    public static boolean supported() {
        return Files.isDirectory(FD_DIR);
    }

    /** The open descriptor numbers, without the one used to list them. */
    public static Set<Integer> list() {
        Set<Integer> fds = new TreeSet<>();
        try (Stream<Path> entries = Files.list(FD_DIR)) {
            entries.forEach(p -> fds.add(Integer.parseInt(p.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fds.removeIf(fd -> !Files.exists(FD_DIR.resolve(Integer.toString(fd)), LinkOption.NOFOLLOW_LINKS));
        return fds;
    }

    /** How many descriptors are open. */
    public static int count() {
        return list().size();
    }

    /** The {@code open(2)} flags of {@code fd} from {@code /proc/self/fdinfo} ({@code O_CLOEXEC} is {@code 02000000}). */
    public static int flags(int fd) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
                if (line.startsWith("flags:")) {
                    return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
                }
            }
            throw new IllegalStateException("no flags line for fd " + fd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The soft {@code RLIMIT_NOFILE} from {@code /proc/self/limits}, {@link Long#MAX_VALUE} when unlimited, -1 when unknown. */
    public static long softLimit() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/limits"));
            for (String line : lines) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
