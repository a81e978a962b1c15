package io.procmux.proc.procfs;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Turns a process's start time in clock ticks since boot ({@code /proc/PID/stat} field 22) into
 * an {@link Instant}, using the boot time ({@code btime}, seconds since the epoch) from
 * {@code /proc/stat}.
 *
 * <p>Linux reports these ticks in {@code USER_HZ} units, which the kernel fixes at 100 per second
 * for user space on every architecture the JDK supports, whatever the kernel's internal HZ. Pure
 * Java cannot call {@code sysconf(_SC_CLK_TCK)}, so {@link #USER_HZ} is that constant; start times
 * are therefore exact to 10 ms, and as exact as {@code btime} (whole seconds). Cost: none after
 * parsing.
 *
 * @param btimeSeconds the boot time in seconds since the epoch
 */
record BootTime(long btimeSeconds) {

    /** Clock ticks per second in {@code /proc} (Linux {@code USER_HZ}). */
    static final int USER_HZ = 100;

    private static final byte[] BTIME = {'b', 't', 'i', 'm', 'e', ' '};

    /**
     * Finds the {@code btime} line of {@code /proc/stat}.
     *
     * @throws IllegalArgumentException when there is none
     */
    static BootTime parse(byte[] procStat) {
        int line = 0;
        while (line < procStat.length) {
            if (ProcBytes.startsWith(procStat, line, BTIME)) {
                OptionalLong seconds = ProcBytes.unsignedAt(procStat, line + BTIME.length);
                if (seconds.isPresent()) {
                    return new BootTime(seconds.getAsLong());
                }
            }
            line = ProcBytes.nextLine(procStat, line);
        }
        throw new IllegalArgumentException("No 'btime' line in /proc/stat");
    }

    /** The wall-clock instant {@code ticks} clock ticks after boot. */
    Instant afterTicks(long ticks) {
        return Instant.ofEpochSecond(btimeSeconds + ticks / USER_HZ, (ticks % USER_HZ) * (1_000_000_000L / USER_HZ));
    }
}
