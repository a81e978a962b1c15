package io.procmux.spawn.posix;

import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jnr.constants.platform.OpenFlags;

/**
 * The descriptor plan of one spawn: turns the spec's three {@link Redirect}s and its inherited
 * descriptors into {@link FileActions}, creating the pipes and opening the files in this process
 * (so a missing file is reported by name), and finally closes every other descriptor in the
 * child ({@code closefrom}), so nothing of this JVM leaks into it even if it lacks close-on-exec.
 *
 * <p>Every descriptor this class creates is close-on-exec in this process. After the spawn,
 * {@link #afterSpawn()} closes the child's ends here and keeps this process's pipe ends, which
 * {@link #takeParentEnd(int)} hands over; {@link #close()} closes whatever was not handed over.
 *
 * <p>Cost: per pipe one {@code pipe2}, per file one {@code open}, per inherited descriptor one
 * {@code fcntl(F_DUPFD_CLOEXEC)}; then one file action each.
 */
final class Stdio implements AutoCloseable {
    private static final int F_DUPFD_CLOEXEC = Native.isLinux() ? 1030 : 67;
    private static final int O_CLOEXEC = OpenFlags.O_CLOEXEC.intValue();
    private static final int O_RDONLY = OpenFlags.O_RDONLY.intValue();
    private static final int O_WRONLY = OpenFlags.O_WRONLY.intValue();
    private static final int O_RDWR = OpenFlags.O_RDWR.intValue();
    private static final int O_CREAT = OpenFlags.O_CREAT.intValue();
    private static final int O_TRUNC = OpenFlags.O_TRUNC.intValue();
    private static final int O_APPEND = OpenFlags.O_APPEND.intValue();

    private final Native nat;
    private final String program;
    private final List<Integer> childEnds = new ArrayList<>();
    private final int[] parentEnds = {-1, -1, -1};

    private Stdio(Native nat, String program) {
        this.nat = nat;
        this.program = program;
    }

    /** Creates pipes and opens files for {@code spec} and adds the matching actions to {@code fa}. */
    static Stdio plan(Native nat, SpawnSpec spec, FileActions fa) throws IOException {
        Stdio s = new Stdio(nat, spec.program());
        try {
            s.stream(0, spec.stdin(), fa);
            s.stream(1, spec.stdout(), fa);
            s.stream(2, spec.stderr(), fa);
            s.inherited(spec.inheritedFds(), fa);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void stream(int target, Redirect r, FileActions fa) throws IOException {
        if (r instanceof Redirect.Inherit) {
            return;
        }
        if (r instanceof Redirect.Discard) {
            fa.open(target, "/dev/null", target == 0 ? O_RDONLY : O_RDWR, 0);
        } else if (r instanceof Redirect.ToStdout) {
            fa.dup2(1, 2);
        } else if (r instanceof Redirect.Pipe) {
            int[] p = pipe();
            int childEnd = target == 0 ? p[0] : p[1];
            parentEnds[target] = target == 0 ? p[1] : p[0];
            childEnds.add(childEnd);
            fa.dup2(childEnd, target);
        } else if (r instanceof Redirect.ReadFile f) {
            childEnds.add(openFile(target, f.file().toString(), O_RDONLY, 0));
            fa.dup2(childEnds.get(childEnds.size() - 1), target);
        } else if (r instanceof Redirect.WriteFile f) {
            int flags = O_WRONLY | O_CREAT | (f.append() ? O_APPEND : O_TRUNC);
            childEnds.add(openFile(target, f.file().toString(), flags, 0666));
            fa.dup2(childEnds.get(childEnds.size() - 1), target);
        } else {
            throw new IllegalArgumentException("Unknown redirect " + r);
        }
    }

    /**
     * Duplicates each handed-over descriptor above every target number first, so that targets
     * that overlap sources (or equal them, where dup2 would keep close-on-exec) come out right.
     */
    private void inherited(Map<Integer, Integer> fds, FileActions fa) throws IOException {
        if (fds.isEmpty()) {
            if (nat.hasCloseFromAction()) {
                fa.closeFrom(3); // the common case, without the general path's set and stream
            }
            return;
        }
        int highest = fds.keySet().stream().mapToInt(Integer::intValue).max().orElse(2);
        for (Map.Entry<Integer, Integer> e : fds.entrySet()) {
            int copy = nat.libc().fcntl(e.getValue(), F_DUPFD_CLOEXEC, highest + 1);
            if (copy < 0) {
                int errno = nat.errno();
                throw new SpawnException(program, Native.errnoName(errno), "descriptor " + e.getValue()
                        + " to hand over as child fd " + e.getKey() + " is not usable: " + Native.errnoText(errno));
            }
            childEnds.add(copy);
            fa.dup2(copy, e.getKey());
        }
        closeRest(3, fds.keySet(), fa);
    }

    /** Closes in the child every descriptor from {@code from} up except {@code keep}. */
    private void closeRest(int from, Set<Integer> keep, FileActions fa) throws IOException {
        if (!nat.hasCloseFromAction()) {
            return; // documented: then only close-on-exec protects this JVM's descriptors
        }
        int highest = keep.stream().mapToInt(Integer::intValue).max().orElse(from - 1);
        for (int fd = from; fd <= highest; fd++) {
            if (!keep.contains(fd)) {
                fa.close(fd);
            }
        }
        fa.closeFrom(highest + 1);
    }

    private int[] pipe() throws IOException {
        int[] p = new int[2];
        int rc = Native.isLinux() ? nat.libc().pipe2(p, O_CLOEXEC) : pipeThenCloexec(p);
        if (rc != 0) {
            int errno = nat.errno();
            throw new IOException("pipe for " + program + ": " + Native.errnoText(errno) + " (" + Native.errnoName(errno) + ")");
        }
        return p;
    }

    private int pipeThenCloexec(int[] p) {
        int rc = nat.libc().pipe(p);
        if (rc == 0) {
            for (int fd : p) {
                nat.libc().fcntl(fd, jnr.constants.platform.Fcntl.F_SETFD.intValue(), 1);
            }
        }
        return rc;
    }

    private int openFile(int target, String path, int flags, int mode) throws IOException {
        int fd = nat.libc().open(path, flags | O_CLOEXEC, mode);
        if (fd < 0) {
            int errno = nat.errno();
            String stream = target == 0 ? "stdin" : target == 1 ? "stdout" : "stderr";
            throw new SpawnException(program, Native.errnoName(errno),
                    "cannot open " + stream + " file " + path + ": " + Native.errnoText(errno));
        }
        return fd;
    }

    /** After a successful spawn: closes the child's ends in this process. */
    void afterSpawn() {
        for (int fd : childEnds) {
            nat.libc().close(fd);
        }
        childEnds.clear();
    }

    /** This process's end of the pipe for {@code stream} (0, 1, 2), or -1; ownership moves to the caller. */
    int takeParentEnd(int stream) {
        int fd = parentEnds[stream];
        parentEnds[stream] = -1;
        return fd;
    }

    /** Closes everything not handed over. */
    @Override
    public void close() {
        afterSpawn();
        for (int i = 0; i < 3; i++) {
            if (parentEnds[i] >= 0) {
                nat.libc().close(parentEnds[i]);
                parentEnds[i] = -1;
            }
        }
    }
}
