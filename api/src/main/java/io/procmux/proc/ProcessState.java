package io.procmux.proc;

/**
 * A process's scheduling state as {@code ps} shows it in the STAT column's first letter
 * (Linux's {@code /proc/PID/stat} field 3).
 */
public enum ProcessState {
    RUNNING('R'), SLEEPING('S'), DISK_SLEEP('D'), STOPPED('T'), TRACING_STOP('t'), ZOMBIE('Z'),
    DEAD('X'), IDLE('I'), PARKED('P'), WAKING('W'), UNKNOWN('?');

    private final char code;

    ProcessState(char code) {
        this.code = code;
    }

    /** The one-letter code, e.g. {@code Z}. */
    public char code() {
        return code;
    }

    /** The state for a code letter; {@link #UNKNOWN} for letters this enum does not know. */
    public static ProcessState fromCode(char code) {
        for (ProcessState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
