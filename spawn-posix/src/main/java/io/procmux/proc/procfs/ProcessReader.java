package io.procmux.proc.procfs;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessState;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads one process from {@code /proc/PID}: {@code stat}, {@code status} and {@code cmdline}, each
 * with one {@link Files#readAllBytes}, plus one {@code stat} of the directory for its owner.
 *
 * <p>A process that vanishes while it is read (its files are gone, or the kernel answers
 * {@code ESRCH}) is reported as absent, not as an error. So is a pid that names a thread rather
 * than a process ({@code /proc/TID} answers for every thread even though listing {@code /proc}
 * shows only processes), and a process whose {@code stat} this user may not read ({@code hidepid}).
 * A {@code status} or {@code cmdline} that may not be read leaves its fields empty.
 *
 * <p>Cost: four small reads and no regex per process; allocation is the file contents plus the
 * resulting {@link ProcessInfo}. One reader serves one snapshot; it is not thread-safe.
 */
final class ProcessReader {
    private final Path procRoot;
    private final Charset charset;
    private final BootTime bootTime;
    private final UserNames users = new UserNames();

    ProcessReader(Path procRoot, Charset charset, BootTime bootTime) {
        this.procRoot = procRoot;
        this.charset = charset;
        this.bootTime = bootTime;
    }

    /** The process {@code pid}, or empty when there is none (now). */
    Optional<ProcessInfo> read(long pid) throws IOException {
        if (pid <= 0) {
            return Optional.empty();
        }
        Path dir = procRoot.resolve(Long.toString(pid));
        try {
            return readPresent(pid, dir);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.notExists(dir)) {
                return Optional.empty(); // vanished between open and read (ESRCH)
            }
            throw e;
        }
    }

    private Optional<ProcessInfo> readPresent(long pid, Path dir) throws IOException {
        StatLine stat = parseStat(dir, Files.readAllBytes(dir.resolve("stat")));
        StatusFile status = StatusFile.parse(readOptional(dir.resolve("status")));
        if (stat.pid() != pid || (status.tgid().isPresent() && status.tgid().getAsLong() != pid)) {
            return Optional.empty(); // a thread of another process, not a process
        }
        List<String> command = CommandLine.parse(readOptional(dir.resolve("cmdline")), charset);
        String user = users.ownerOf(dir);
        OptionalLong rss = status.vmRssKiB().isPresent() ? OptionalLong.of(status.vmRssKiB().getAsLong() * 1024)
                : OptionalLong.empty();
        return Optional.of(new ProcessInfo(pid, OptionalLong.of(stat.ppid()), Optional.of(ProcessState.fromCode(stat.state())),
                OptionalInt.of(stat.nice()), OptionalInt.of(stat.priority()), Optional.of(user),
                OptionalInt.of(stat.threads()), rss, Optional.of(bootTime.afterTicks(stat.startTicks())), command,
                Optional.of(stat.comm())));
    }

    private StatLine parseStat(Path dir, byte[] bytes) throws IOException {
        try {
            return StatLine.parse(bytes, charset);
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot read " + dir.resolve("stat") + ": " + e.getMessage(), e);
        }
    }

    /** The file's bytes, or none when this user may not read it. */
    private static byte[] readOptional(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            return new byte[0];
        }
    }
}
