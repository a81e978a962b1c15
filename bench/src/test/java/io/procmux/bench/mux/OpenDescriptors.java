package io.procmux.bench.mux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * This JVM's open descriptors by number and target (as {@code /proc/self/fd} links them), for
 * tests that check a run closed what it opened. A bare count is not enough on a JVM: other threads
 * open jars and libraries, and the JDK's process reaper closes an exited child's pipes whenever it
 * gets round to it, so only descriptors of the kinds a multiplexer benchmark opens (sockets, pipes,
 * epoll and event descriptors) that appeared during the run are counted against it.
 */
final class OpenDescriptors {
    private static final Path FD_DIR = Path.of("/proc/self/fd");

    private OpenDescriptors() {
    }

    /** Every open descriptor and what it refers to, e.g. {@code socket:[1234]}. */
    static Map<Integer, String> snapshot() throws IOException {
        Map<Integer, String> open = new HashMap<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FD_DIR)) {
            for (Path fd : fds) {
                try {
                    open.put(Integer.parseInt(fd.getFileName().toString()), Files.readSymbolicLink(fd).toString());
                } catch (NoSuchFileException closedMeanwhile) {
                    // the directory stream's own descriptor, or one another thread closed while we listed
                }
            }
        }
        return open;
    }

    /** The sockets, pipes and anonymous-inode descriptors open now that {@code before} did not have. */
    static Map<Integer, String> openedSince(Map<Integer, String> before) throws IOException {
        Map<Integer, String> opened = new HashMap<>();
        snapshot().forEach((fd, target) -> {
            if (!target.equals(before.get(fd)) && isBenchmarkKind(target)) {
                opened.put(fd, target);
            }
        });
        return opened;
    }

    /** The entries of {@code expected} that are no longer open to the same file. */
    static Map<Integer, String> closedOf(Map<Integer, String> expected) throws IOException {
        Map<Integer, String> now = snapshot();
        Map<Integer, String> closed = new HashMap<>();
        expected.forEach((fd, target) -> {
            if (!target.equals(now.get(fd))) {
                closed.put(fd, target);
            }
        });
        return closed;
    }

    private static boolean isBenchmarkKind(String target) {
        return target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:");
    }
}
