package io.procmux.cli.parallel;

import io.procmux.spawn.Child;
import io.procmux.spawn.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Ends jobs' process groups with the {@link TermSequence} (by default SIGTERM, then SIGKILL when
 * the grace is over), each signal to the whole group at once, and enforces per-job timeouts. A
 * group whose leader already exited but whose other members live on (a background process that
 * ignored SIGTERM) is kept here until its sequence reaches SIGKILL, so nothing of a terminated job
 * survives. Runs on the run's thread. Cost: one {@code kill(2)} per signal; a scan of the running
 * jobs per loop round.
 */
final class GroupTerminator {
    private final List<TermSequence.Step> steps;
    private final List<Job> lingering = new ArrayList<>();

    GroupTerminator(TermSequence sequence) {
        this.steps = sequence.steps();
    }

    /** Starts the termination sequence on the job's group now; the job counts as killed by procmux. */
    void terminate(Job job, long now) {
        job.killedByUs = true;
        job.termStep = 0;
        sendNextStep(job, now);
    }

    /** Sends the next signal of the job's sequence and schedules the one after it. */
    private void sendNextStep(Job job, long now) {
        TermSequence.Step step = steps.get(job.termStep++);
        job.child.signalGroup(step.signal());
        job.nextSignalAt = job.termStep < steps.size() ? now + step.pause().toNanos() : Long.MAX_VALUE;
    }

    /** Sends what is due: timeouts start the sequence, due steps are sent. */
    void tick(Collection<Job> running, long now) {
        for (Job job : running) {
            if (job.status != null) {
                continue;
            }
            if (now >= job.deadline) {
                job.deadline = Long.MAX_VALUE;
                job.timedOut = true;
                terminate(job, now);
            } else if (now >= job.nextSignalAt) {
                sendNextStep(job, now);
            }
        }
        for (Iterator<Job> it = lingering.iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (now >= job.nextSignalAt) {
                sendNextStep(job, now);
                if (job.nextSignalAt == Long.MAX_VALUE) {
                    it.remove();
                }
            }
        }
    }

    /**
     * The job's leader was reaped: if procmux was terminating it and its group still has members,
     * keep the group until its sequence ends. Returns whether the job's child must be kept.
     */
    boolean leaderGone(Job job, Child child) {
        if (job.killedByUs && job.nextSignalAt != Long.MAX_VALUE && child.signalGroup(0)) {
            lingering.add(job);
            return true;
        }
        return false;
    }

    /** Whether no group is waiting for the rest of its sequence. */
    boolean idle() {
        return lingering.isEmpty();
    }

    /** The earliest deadline, timeout or next signal, of any job; {@link Long#MAX_VALUE} when none. */
    long nextDeadline(Collection<Job> running) {
        long next = Long.MAX_VALUE;
        for (Job j : running) {
            next = Math.min(next, Math.min(j.deadline, j.nextSignalAt));
        }
        for (Job j : lingering) {
            next = Math.min(next, j.nextSignalAt);
        }
        return next;
    }

    /** After an internal error: SIGKILL to every job's group at once, then reap and close each (5 s at most each). */
    static void killNow(Collection<Job> jobs) {
        for (Job job : jobs) {
            Child child = job.child;
            if (child == null) {
                continue;
            }
            try {
                child.signalGroup(Signal.KILL.number());
            } catch (RuntimeException e) {
                child.signal(Signal.KILL.number());
            }
        }
        for (Job job : jobs) {
            Child child = job.child;
            if (child == null) {
                continue;
            }
            try {
                child.waitFor(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child.close();
        }
    }
}
