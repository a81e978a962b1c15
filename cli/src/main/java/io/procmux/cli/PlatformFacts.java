package io.procmux.cli;

import io.procmux.ipc.UnixAddress;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code procmux doctor} reports about the machine: the platform (OS, kernel, libc, JDK), the
 * limits that bound procmux (open files, processes, select's FD_SETSIZE, pid_max, epoll watches,
 * listen backlog, Unix socket path length) and the kernel features it uses. Read from system
 * properties, {@code /proc} and {@code /proc/sys} where they exist; a fact that cannot be read is
 * reported as {@code unknown} with the reason, never guessed. Cost: a few small file reads and one
 * spawn of {@code getconf} for the libc version.
 */
final class PlatformFacts {
    /** select(2) cannot watch a descriptor at or above this (glibc and macOS). */
    static final int FD_SETSIZE = 1024;

    private final Path proc;

    /** Facts read from {@code proc} (normally {@code /proc}). */
    PlatformFacts(Path proc) {
        this.proc = proc;
    }

    /** OS, kernel, architecture, libc, JDK and CPUs. */
    Map<String, String> platform(Spawner spawner) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")");
        m.put("libc", libc(spawner));
        m.put("jdk", System.getProperty("java.runtime.version") + ", " + System.getProperty("java.vm.name")
                + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"));
        m.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return m;
    }

    /** The limits that bound how many children, descriptors and connections procmux can handle. */
    Map<String, String> limits() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("open files (RLIMIT_NOFILE)", limit("Max open files"));
        m.put("processes (RLIMIT_NPROC)", limit("Max processes"));
        m.put("select FD_SETSIZE", FD_SETSIZE + " (select refuses descriptors from " + FD_SETSIZE
                + " on; poll and epoll have no such limit)");
        m.put("pid_max", sysctl("kernel/pid_max"));
        m.put("epoll max_user_watches", sysctl("fs/epoll/max_user_watches"));
        m.put("listen backlog (somaxconn)", sysctl("net/core/somaxconn"));
        m.put("Unix socket path", UnixAddress.MAX_PATH_BYTES + " bytes at most (longer paths are refused, never cut)");
        return m;
    }

    /** Kernel features procmux uses where they exist. */
    Map<String, String> features() {
        Map<String, String> m = new LinkedHashMap<>();
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        m.put("procfs", Files.isDirectory(proc.resolve("self")) ? "yes: " + proc + " (process table 'procfs')"
                : "no: " + proc + " is missing (process table 'jvm' only)");
        m.put("pidfd (Linux 5.3+)", linux ? kernelAtLeast(5, 3) : "no: not Linux");
        m.put("abstract Unix socket names", linux ? "yes" : "no: not Linux");
        return m;
    }

    private String libc(Spawner spawner) {
        SpawnSpec spec = SpawnSpec.builder(List.of("getconf", "GNU_LIBC_VERSION"))
                .stdout(Redirect.PIPE).stderr(Redirect.DISCARD).stdin(Redirect.DISCARD).build();
        try (Child child = spawner.spawn(spec)) {
            String out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8).trim();
            Optional<ExitStatus> status = child.waitFor(Duration.ofSeconds(5));
            if (status.isPresent() && status.get().success() && !out.isEmpty()) {
                return out;
            }
            return "not glibc, or unknown ('getconf GNU_LIBC_VERSION' "
                    + status.map(s -> "ended " + s).orElse("did not answer in 5 s") + ")";
        } catch (IOException | RuntimeException e) {
            return "unknown (getconf: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    /** A row of {@code /proc/self/limits} as {@code SOFT soft / HARD hard}. */
    String limit(String name) {
        Path file = proc.resolve("self/limits");
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name + " ")) {
                    String[] cols = line.substring(name.length()).trim().split("\\s+");
                    return cols[0] + " soft / " + cols[1] + " hard";
                }
            }
            return "unknown (no '" + name + "' in " + file + ")";
        } catch (IOException e) {
            return "unknown (" + file + " cannot be read)";
        }
    }

    private String sysctl(String name) {
        Path file = proc.resolve("sys").resolve(name);
        try {
            // readAllLines, not readString: /proc files report a size of 0, and readString then reads one byte
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "unknown (" + file + " is empty)" : lines.get(0).trim();
        } catch (IOException e) {
            return "unknown (" + file + " cannot be read)";
        }
    }

    private static String kernelAtLeast(int major, int minor) {
        String version = System.getProperty("os.version");
        String[] parts = version.split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor) ? "yes: kernel " + version
                    : "no: kernel " + version + " is older than " + major + "." + minor;
        } catch (NumberFormatException e) {
            return "unknown (kernel version '" + version + "')";
        }
    }
}
