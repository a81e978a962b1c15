package io.procmux.pool.local;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The class-data-sharing (AppCDS) archive of worker JVMs, opt-in: the classes a worker loads, parsed
 * and verified once, then mapped by every later worker with the same JDK and class path. Measured
 * here it saved nothing a worker's start could show (bench/RESULTS.md, "Process pool": the JDK's
 * own classes are already shared by default, and a worker loads few others), so it is off unless
 * the system property {@value #PROPERTY} is {@code true}.
 *
 * <p>JDK 17 cannot make such an archive by itself, so a pool without one asks its first worker to
 * write it when it exits ({@code -XX:ArchiveClassesAtExit}, into a file of its own); when the pool
 * has ended and that worker exited normally, the file is renamed into place atomically. A worker
 * that died, or a race with another JVM, leaves no half-written archive in place. The JVM checks
 * an archive against the class path (every jar's size and modification time) and ignores one that
 * does not match; the archive's name is also a hash of the JDK, the class path with those sizes and
 * times, and the worker's JVM options, so a changed jar gets a new archive, not a rejected one.
 *
 * <p>Where: {@code $XDG_CACHE_HOME/procmux} or {@code ~/.cache/procmux} (made 0700), or the
 * directory in the system property {@value #DIRECTORY_PROPERTY}. Off unless the system property
 * {@value #PROPERTY} is {@code true}; off also when the user's JVM options already choose a CDS
 * setting, and when the class path holds a directory (JDK 17 archives jars only).
 *
 * <p>Cost: a hash over the class path's entries per pool; the training worker takes longer to exit
 * (the archive is written then, about 1 MB, once per JDK and class path).
 */
final class WorkerArchive {
    /** {@code true} turns the archive on. */
    static final String PROPERTY = "procmux.pool.cds";
    /** Where archives are kept, instead of the user's cache directory. */
    static final String DIRECTORY_PROPERTY = "procmux.pool.cdsDir";
    /** JVM options that silence CDS's notes (classes it skips) on the worker's stderr. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final @Nullable Path archive;
    private final String reason;
    private @Nullable Path training;
    private @Nullable Child trainer;

    private WorkerArchive(@Nullable Path archive, String reason) {
        this.archive = archive;
        this.reason = reason;
    }

    /** The archive for workers of this JVM's class path with {@code jvmOptions}, or an inactive one saying why. */
    static WorkerArchive forWorkers(List<String> jvmOptions) {
        return forWorkers(jvmOptions, System.getProperty("java.class.path", ""));
    }

    /** As {@link #forWorkers(List)}, for workers started with {@code classPath}. */
    static WorkerArchive forWorkers(List<String> jvmOptions, String classPath) {
        if (!"true".equals(System.getProperty(PROPERTY))) {
            return off("off unless -D" + PROPERTY + "=true");
        }
        for (String o : jvmOptions) {
            if (o.startsWith("-Xshare") || o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")) {
                return off("the JVM options choose CDS themselves (" + o + ")");
            }
        }
        StringBuilder key = new StringBuilder(512).append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n').append(jvmOptions).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                return off("the class path holds a directory (" + entry + "); JDK 17 archives jars only");
            }
            try {
                key.append(p.toAbsolutePath()).append(' ').append(Files.size(p)).append(' ')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            } catch (IOException e) {
                key.append(entry).append(" absent\n"); // the JVM skips a missing entry too
            }
        }
        Path dir = directory();
        if (dir == null) {
            return off("no cache directory (neither -D" + DIRECTORY_PROPERTY + ", XDG_CACHE_HOME nor user.home)");
        }
        return new WorkerArchive(dir.resolve("worker-" + hash(key.toString()) + ".jsa"), "");
    }

    private static WorkerArchive off(String why) {
        return new WorkerArchive(null, why);
    }

    private static @Nullable Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "procmux");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isEmpty() || home.equals("?") ? null : Path.of(home, ".cache", "procmux");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The archive's path when archives are in use, else empty. */
    Optional<Path> path() {
        return Optional.ofNullable(archive);
    }

    /** Why archives are not in use, or empty when they are. */
    String reason() {
        return reason;
    }

    /**
     * The JVM options for the next worker: map the archive when it exists; otherwise, for the first
     * worker of this pool only, write one at exit. Call {@link #started} with the worker's child.
     */
    synchronized List<String> optionsForNextWorker() {
        if (archive == null) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET.get(0), QUIET.get(1));
        }
        if (training != null) {
            return List.of();
        }
        try {
            Path dir = archive.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            training = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
        } catch (IOException | UnsupportedOperationException e) {
            return List.of(); // no archive this time; workers start as they would without one
        }
        return List.of("-XX:ArchiveClassesAtExit=" + training, QUIET.get(0), QUIET.get(1));
    }

    /** The worker just spawned with {@link #optionsForNextWorker()}'s options. */
    synchronized void started(Child worker) {
        if (training != null && trainer == null) {
            trainer = worker;
        }
    }

    /** The training worker could not be spawned: forget it, so the next worker trains. */
    synchronized void notStarted() {
        if (trainer == null) {
            training = null;
        }
    }

    /**
     * At the pool's end, after its workers exited: keeps the training worker's archive when it
     * exited normally (its JVM wrote the archive on the way out) and removes it otherwise.
     */
    synchronized void finish() {
        Path t = training;
        Child c = trainer;
        training = null;
        trainer = null;
        if (t == null || archive == null) {
            return;
        }
        try {
            Optional<ExitStatus> status = c == null ? Optional.empty() : c.poll();
            if (status.isPresent() && status.get() instanceof ExitStatus.Exited e && e.code() == 0 && Files.size(t) > 0) {
                try {
                    Files.move(t, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e2) {
                    Files.move(t, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a missing training file means the worker never wrote one: nothing to keep
        } finally {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // a leftover .tmp in the cache directory is harmless and is never mapped
            }
        }
    }
}
