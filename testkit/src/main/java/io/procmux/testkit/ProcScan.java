package io.procmux.testkit;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux {@code /proc} readings for leak checks in tests: this JVM's open descriptors and threads,
 * its zombie children, and a few fields of any process's {@code stat} line.
 *
 * <p>Cost: each call lists or reads files under {@code /proc}; {@link #zombieChildren()} reads the
 * {@code stat} file of every process on the machine.
 */
public final class ProcScan {
    private static final Path PROC = Path.of("/proc");

    private ProcScan() {
    }

    /** Whether {@code /proc/self} exists (Linux). */
    public static boolean available() {
        return Files.isDirectory(PROC.resolve("self/fd"));
    }

    /** The number of descriptors this JVM has open, from {@code /proc/self/fd}. */
    public static int openFdCount() {
        return list(PROC.resolve("self/fd")).size() - 1; // minus the directory stream's own fd
    }

    /** The descriptor numbers this JVM has open (including the one used to list them). */
    public static List<Integer> openFds() {
        List<Integer> fds = new ArrayList<>();
        for (Path p : list(PROC.resolve("self/fd"))) {
            fds.add(Integer.parseInt(p.getFileName().toString()));
        }
        return fds;
    }

    /** The number of threads of this JVM (all of them, JVM-internal ones included), from {@code /proc/self/task}. */
    public static int threadCount() {
        return list(PROC.resolve("self/task")).size();
    }

    /** The number of live Java threads. */
    public static int javaThreadCount() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** The pids of processes whose parent is this JVM and whose state is {@code Z} (zombie). */
    public static List<Long> zombieChildren() {
        long self = ProcessHandle.current().pid();
        List<Long> zombies = new ArrayList<>();
        for (Path p : list(PROC)) {
            String name = p.getFileName().toString();
            if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                continue;
            }
            Optional<Stat> s = stat(Long.parseLong(name));
            if (s.isPresent() && s.get().ppid() == self && s.get().state() == 'Z') {
                zombies.add(s.get().pid());
            }
        }
        return zombies;
    }

    /**
     * The leading fields of {@code /proc/PID/stat} after the command name.
     *
     * @param pid process id
     * @param state one letter, {@code R}, {@code S}, {@code Z}...
     * @param ppid parent pid
     * @param pgrp process group id
     * @param session session id
     * @param nice nice value
     */
    public record Stat(long pid, char state, long ppid, long pgrp, long session, int nice) {
    }

    /** Reads {@code /proc/PID/stat}; empty when the process is gone. */
    public static Optional<Stat> stat(long pid) {
        String line;
        try {
            line = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(PROC.resolve(Long.toString(pid)))) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        }
        // The command name is in parentheses and may contain spaces: split after the last ')'.
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] = state (field 3), f[1] = ppid (4), f[2] = pgrp (5), f[3] = session (6), f[16] = nice (19)
        return Optional.of(new Stat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Integer.parseInt(f[16])));
    }

    /** The bit mask of signals this JVM ignores ({@code SigIgn} in {@code /proc/self/status}). */
    public static long ignoredSignals() {
        for (String line : lines(PROC.resolve("self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        throw new IllegalStateException("no SigIgn line in /proc/self/status");
    }

    /** Whether this JVM holds {@code CAP_SYS_NICE} (bit 23 of {@code CapEff} in {@code /proc/self/status}). */
    public static boolean hasCapSysNice() {
        for (String line : lines(PROC.resolve("self/status"))) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 23)) != 0;
            }
        }
        return false;
    }

    /** The soft {@code RLIMIT_NICE} of this JVM ({@code Max nice priority} in {@code /proc/self/limits}); 0 forbids lowering. */
    public static long niceLimit() {
        for (String line : lines(PROC.resolve("self/limits"))) {
            if (line.startsWith("Max nice priority")) {
                String soft = line.substring("Max nice priority".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The descriptor number behind a {@link FileDescriptor}, read reflectively; needs
     * {@code --add-opens java.base/java.io=ALL-UNNAMED} (the build's surefire line has it).
     */
    public static int fdNumber(FileDescriptor fd) {
        try {
            Field f = FileDescriptor.class.getDeclaredField("fd");
            f.setAccessible(true);
            return f.getInt(fd);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the descriptor number (is java.io opened to this module?)", e);
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
