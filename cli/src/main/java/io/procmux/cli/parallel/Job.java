package io.procmux.cli.parallel;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One job of a run: its number and input, and while it runs its child, slot, buffered output and
 * deadlines. Mutable; touched only by the run's single thread. Cost: this object and its buffers.
 */
final class Job {
    final long seq;
    final List<String> args;
    int attempt;
    List<String> argv = List.of();
    String display = "";

    @Nullable Child child;
    int slot;
    long startNanos;
    long startMillis;
    long received;
    final OutputBuffer out = new OutputBuffer();
    final OutputBuffer err = new OutputBuffer();
    int outFd = -1;
    int errFd = -1;
    int exitFd = -1;
    @Nullable ExitStatus status;
    /** Set when procmux terminated the job (timeout, halt, signal): the joblog's Exitval is then -1. */
    boolean killedByUs;
    boolean timedOut;
    long deadline = Long.MAX_VALUE;
    /** When the next step of the termination sequence is due; {@link Long#MAX_VALUE} when none is. */
    long nextSignalAt = Long.MAX_VALUE;
    /** The index of the next step of the termination sequence to send. */
    int termStep;
    long lastIoRound = -1;
    long drainSince = -1;

    Job(long seq, List<String> args) {
        this.seq = seq;
        this.args = args;
    }

    boolean pipesOpen() {
        return outFd >= 0 || errFd >= 0;
    }

    /** The {@code --tag} text: the inputs joined by spaces. */
    String tag() {
        return String.join(" ", args);
    }

    /** Multiplexer attachment for one of this job's descriptors. */
    record Source(Job job, int kind) {
        static final int STDOUT = 1;
        static final int STDERR = 2;
        static final int EXIT = 3;
    }
}
