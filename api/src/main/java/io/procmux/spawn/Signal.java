package io.procmux.spawn;

import java.util.Locale;
import java.util.Optional;

/**
 * The POSIX signals a user sends and sees, with this platform's numbers (Linux and macOS differ
 * for a few, such as {@code SIGUSR1}: 10 on Linux, 30 on macOS). Signals with no constant here
 * (Linux real-time signals) are handled as plain numbers; see {@link #describe(int)}.
 */
public enum Signal {
    HUP(1, 1), INT(2, 2), QUIT(3, 3), ILL(4, 4), TRAP(5, 5), ABRT(6, 6), BUS(7, 10), FPE(8, 8),
    KILL(9, 9), USR1(10, 30), SEGV(11, 11), USR2(12, 31), PIPE(13, 13), ALRM(14, 14), TERM(15, 15),
    CHLD(17, 20), CONT(18, 19), STOP(19, 17), TSTP(20, 18), TTIN(21, 21), TTOU(22, 22), URG(23, 16),
    XCPU(24, 24), XFSZ(25, 25), VTALRM(26, 26), PROF(27, 27), WINCH(28, 28), IO(29, 23), SYS(31, 12);

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    private final int linux;
    private final int darwin;

    Signal(int linux, int darwin) {
        this.linux = linux;
        this.darwin = darwin;
    }

    /** This signal's number on the running platform. */
    public int number() {
        return MAC ? darwin : linux;
    }

    /** The conventional name with its prefix, e.g. {@code SIGTERM}. */
    public String signalName() {
        return "SIG" + name();
    }

    /** The constant with this number on the running platform, if there is one. */
    public static Optional<Signal> of(int number) {
        for (Signal s : values()) {
            if (s.number() == number) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses {@code TERM}, {@code SIGTERM}, {@code sigterm} or a number such as {@code 15}.
     *
     * @throws IllegalArgumentException naming the text when it is no signal
     */
    public static int parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(t);
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("Signal number " + n + " is out of range 1..64");
            }
            return n;
        }
        String bare = t.startsWith("SIG") ? t.substring(3) : t;
        try {
            return valueOf(bare).number();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("No signal '" + text + "'; use a name such as TERM or KILL, or a number", e);
        }
    }

    /** {@code SIGKILL} for 9, {@code signal 40} for a number with no constant. */
    public static String describe(int number) {
        return of(number).map(Signal::signalName).orElse("signal " + number);
    }
}
