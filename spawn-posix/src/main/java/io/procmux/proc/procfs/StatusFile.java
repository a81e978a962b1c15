package io.procmux.proc.procfs;

import java.util.OptionalLong;

/**
 * The fields procmux uses from {@code /proc/PID/status}: the thread group id (to tell a process
 * from one of its threads, which {@code /proc} also answers for) and {@code VmRSS}, which the
 * kernel leaves out for kernel threads and zombies. Cost: one pass over the bytes comparing line
 * prefixes; no regex, no String per line.
 *
 * @param tgid the {@code Tgid:} line, the pid of the process a thread belongs to
 * @param vmRssKiB the {@code VmRSS:} line in KiB (the kernel writes "kB"), absent when not listed
 */
record StatusFile(OptionalLong tgid, OptionalLong vmRssKiB) {

    private static final byte[] TGID = {'T', 'g', 'i', 'd', ':'};
    private static final byte[] VM_RSS = {'V', 'm', 'R', 'S', 'S', ':'};

    /** Parses a status file; lines other than the two above are ignored, and either may be absent. */
    static StatusFile parse(byte[] bytes) {
        OptionalLong tgid = OptionalLong.empty();
        OptionalLong rss = OptionalLong.empty();
        int line = 0;
        while (line < bytes.length) {
            if (ProcBytes.startsWith(bytes, line, TGID)) {
                tgid = ProcBytes.unsignedAt(bytes, line + TGID.length);
            } else if (ProcBytes.startsWith(bytes, line, VM_RSS)) {
                rss = ProcBytes.unsignedAt(bytes, line + VM_RSS.length);
                break; // VmRSS comes after Tgid
            }
            line = ProcBytes.nextLine(bytes, line);
        }
        return new StatusFile(tgid, rss);
    }
}
