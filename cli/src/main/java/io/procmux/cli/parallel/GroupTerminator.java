package io.procmux.cli.parallel;

import io.procmux.spawn.Child;
import io.procmux.spawn.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Ends jobs' process groups: SIGTERM to the whole group at once, SIGKILL when the grace is over,
 * and per-job timeouts. A group whose leader already exited but whose other members live on (a
 * background process that ignored SIGTERM) is kept here until its SIGKILL is sent, so nothing of a
 * terminated job survives. Runs on the run's thread. Cost: one {@code kill(2)} per signal; a scan
 * of the running jobs per loop round.
 */
final class GroupTerminator {
    private final long graceNanos;
    private final List<Job> lingering = new ArrayList<>();

    GroupTerminator(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** SIGTERM to the job's group now, SIGKILL after the grace; the job counts as killed by procmux. */
    void terminate(Job job, long now) {
        job.killedByUs = true;
        job.child.signalGroup(Signal.TERM.number());
        job.killAt = now + graceNanos;
    }

    /** Sends what is due: timeouts become SIGTERM, ended graces SIGKILL. */
    void tick(Collection<Job> running, long now) {
        for (Job job : running) {
            if (job.status != null) {
                continue;
            }
            if (now >= job.deadline) {
                job.deadline = Long.MAX_VALUE;
                job.timedOut = true;
                terminate(job, now);
            } else if (now >= job.killAt) {
                job.killAt = Long.MAX_VALUE;
                job.child.signalGroup(Signal.KILL.number());
            }
        }
        for (Iterator<Job> it = lingering.iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (now >= job.killAt) {
                job.child.signalGroup(Signal.KILL.number());
                it.remove();
            }
        }
    }

    /**
     * The job's leader was reaped: if procmux was terminating it and its group still has members,
     * keep the group until its SIGKILL is due. Returns whether the job's child must be kept.
     */
    boolean leaderGone(Job job, Child child) {
        if (job.killedByUs && job.killAt != Long.MAX_VALUE && child.signalGroup(0)) {
            lingering.add(job);
            return true;
        }
        return false;
    }

    /** Whether no group is waiting for its SIGKILL. */
    boolean idle() {
        return lingering.isEmpty();
    }

    /** The earliest deadline, timeout or SIGKILL, of any job; {@link Long#MAX_VALUE} when none. */
    long nextDeadline(Collection<Job> running) {
        long next = Long.MAX_VALUE;
        for (Job j : running) {
            next = Math.min(next, Math.min(j.deadline, j.killAt));
        }
        for (Job j : lingering) {
            next = Math.min(next, j.killAt);
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
