package io.procmux.proc.procfs;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Linux process table read in pure Java from {@code /proc}: every field of
 * {@link ProcessInfo} is known, except RSS for kernel threads and zombies, and the command line,
 * which is empty for them.
 *
 * <p>Names and arguments are decoded with the charset the JDK uses for file names and process
 * arguments ({@code sun.jnu.encoding}), so a command started with {@link ProcessBuilder} reads
 * back as it was given. Start times are exact to 10 ms (see {@code USER_HZ}).
 *
 * <p>Cost: a snapshot lists {@code /proc} once, reads {@code /proc/stat} once for the boot time,
 * then reads three small files and stats one directory per process (a few milliseconds for a few
 * hundred processes); {@link #get} reads only that one process. Nothing is held open between calls,
 * and instances are immutable and thread-safe.
 */
public final class ProcfsProcessTable implements ProcessTable {
    private final Path procRoot;
    private final Charset charset;

    /** A table over the system's {@code /proc}. */
    public ProcfsProcessTable() {
        this(Path.of("/proc"));
    }

    /** A table over a {@code /proc}-shaped directory (tests read captured samples this way). */
    ProcfsProcessTable(Path procRoot) {
        this.procRoot = procRoot;
        this.charset = platformCharset();
    }

    @Override
    public String name() {
        return "procfs";
    }

    @Override
    public List<ProcessInfo> snapshot() throws IOException {
        long[] pids = listPids();
        ProcessReader reader = newReader();
        List<ProcessInfo> processes = new ArrayList<>(pids.length);
        for (long pid : pids) {
            reader.read(pid).ifPresent(processes::add);
        }
        return processes;
    }

    @Override
    public Optional<ProcessInfo> get(long pid) throws IOException {
        if (pid <= 0) {
            return Optional.empty();
        }
        return newReader().read(pid);
    }

    private ProcessReader newReader() throws IOException {
        Path stat = procRoot.resolve("stat");
        BootTime bootTime;
        try {
            bootTime = BootTime.parse(Files.readAllBytes(stat));
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot read the boot time from " + stat + ": " + e.getMessage(), e);
        }
        return new ProcessReader(procRoot, charset, bootTime);
    }

    /** The numeric entries of {@code /proc}, sorted. */
    private long[] listPids() throws IOException {
        long[] pids = new long[512];
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
            for (Path entry : entries) {
                long pid = parsePid(entry.getFileName().toString());
                if (pid > 0) {
                    if (n == pids.length) {
                        pids = Arrays.copyOf(pids, n * 2);
                    }
                    pids[n++] = pid;
                }
            }
        }
        long[] sorted = Arrays.copyOf(pids, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The pid a {@code /proc} entry names, or -1 when it names none ({@code self}, {@code stat}, ...). */
    static long parsePid(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Charset platformCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        if (name == null) {
            return Charset.defaultCharset();
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) { // also UnsupportedCharsetException
            return StandardCharsets.UTF_8;
        }
    }

    @Override
    public String toString() {
        return "ProcfsProcessTable[" + procRoot + "]";
    }
}
