package io.procmux.pool.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.procmux.pool.RetryPolicy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Ships invocations to the cluster's members (round robin over the members present at submit
 * time, so a member that joins takes work from then on), delivers each outcome on the pool's one
 * results thread, and runs the pool's lifecycle: {@code shutdown} lets the outstanding work end
 * and then leaves the cluster; {@code terminate} fails what is outstanding, cancels it on the
 * members and leaves at once. A member that leaves mid-task fails its tasks with
 * {@link MemberLeftException}, or sends them to another member while the {@link RetryPolicy} allows.
 * Results and exceptions are read through the pool's {@link AllowList}.
 *
 * <p>Threads: one results thread ({@code procmux-hz-pool-N}), gone after {@link #awaitDone}.
 * Cost per invocation: one Hazelcast submission and one small record.
 */
final class Dispatcher {
    private static final String TERMINATED = "the pool was terminated before this task finished";
    private final ClusterLink link;
    private final RetryPolicy retry;
    private final AllowList filter;
    private final ExecutorService results;
    private final String threadName;
    private final Set<Flight> flights = ConcurrentHashMap.newKeySet();
    private final CountDownLatch done = new CountDownLatch(1);
    private int outstanding;
    private boolean accepting = true;
    private boolean terminated;
    private boolean finishing;
    private int nextMember;

    Dispatcher(ClusterLink link, RetryPolicy retry, String threadName, AllowList filter) {
        this.link = link;
        this.retry = retry;
        this.filter = filter;
        this.threadName = threadName;
        this.results = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    String threadName() {
        return threadName;
    }

    /** The members that run tasks, as {@code host:port pid N}. */
    List<String> members() {
        return link.members().stream().map(m -> address(m) + " pid " + pid(m)).toList();
    }

    String clusterName() {
        return link.clusterName();
    }

    /** Throws, naming the reason, unless the pool accepts tasks. */
    synchronized void checkAccepting() {
        if (!accepting) {
            throw new IllegalStateException("the pool does not accept tasks any more: " + (terminated
                    ? "it was terminated" : "shutdown() or close() was called"));
        }
    }

    /** Ships {@code call}; {@code sink} learns how it ended. */
    void send(Invocation call, Sink sink) {
        sendAll(List.of(call), i -> sink);
    }

    /** Ships all of {@code calls} or, when the pool stopped accepting, none; call i reports to {@code sinks(i)}. */
    void sendAll(List<Invocation> calls, IntFunction<Sink> sinks) {
        synchronized (this) {
            checkAccepting();
            outstanding += calls.size();
        }
        for (int i = 0; i < calls.size(); i++) {
            ship(new Flight(calls.get(i), sinks.apply(i), 1));
        }
    }

    private void ship(Flight f) {
        Member m;
        try {
            m = pickMember();
        } catch (RuntimeException e) {
            results.execute(() -> settle(f, null, e));
            return;
        }
        f.member = m;
        flights.add(f);
        if (isTerminated()) {
            failLater(f, TERMINATED);
            return;
        }
        CompletableFuture<Outcome> future;
        try {
            Future<Outcome> submitted = link.executor().submitToMember(new RemoteCall(f.call), m);
            future = (CompletableFuture<Outcome>) submitted;
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        f.future = future;
        // runs where Hazelcast completes the future (see ClusterLink), and hands over to the results thread
        future.whenComplete((outcome, error) -> {
            try {
                results.execute(() -> settle(f, outcome, error));
            } catch (RejectedExecutionException e) {
                // the pool finished after terminate had settled this flight: nothing is waiting for it
            }
        });
    }

    private synchronized Member pickMember() {
        List<Member> members = link.members();
        if (members.isEmpty()) {
            throw new IllegalStateException("the cluster has no member to run tasks");
        }
        nextMember = (nextMember + 1) % members.size();
        return members.get(nextMember);
    }

    /** On the results thread: deliver the outcome, unless terminate got there first. */
    private void settle(Flight f, @Nullable Outcome outcome, @Nullable Throwable error) {
        if (!f.claim()) {
            return;
        }
        flights.remove(f);
        Throwable failure = error == null ? null : memberLeft(f, unwrap(error));
        if (failure instanceof MemberLeftException && retry.retriesAfter(f.attempt) && !isTerminated()) {
            ship(new Flight(f.call, f.sink, f.attempt + 1));
            return;
        }
        try {
            if (failure != null) {
                f.sink.failed(failure);
            } else if (outcome.ok()) {
                f.sink.succeeded(Serial.decode(outcome.payload(), "result", filter, link.classLoader()));
            } else {
                f.sink.failed((Throwable) Serial.decode(outcome.payload(), "exception", filter, link.classLoader()));
            }
        } catch (RuntimeException e) {
            f.sink.failed(e);
        } finally {
            release(1);
        }
    }

    private synchronized boolean isTerminated() {
        return terminated;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null
                && !(e instanceof com.hazelcast.core.MemberLeftException)) {
            e = e.getCause();
        }
        return e;
    }

    /** Hazelcast's ways of saying the target member is gone, as one {@link MemberLeftException}. */
    private Throwable memberLeft(Flight f, Throwable e) {
        Member m = f.member;
        boolean gone = e instanceof com.hazelcast.core.MemberLeftException || e instanceof TargetNotMemberException
                || e instanceof TargetDisconnectedException
                || (e instanceof HazelcastInstanceNotActiveException && m != null && !link.isMember(m));
        if (!gone || m == null) {
            return e;
        }
        return new MemberLeftException(address(m), m.getUuid().toString(), pid(m), e);
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    private static long pid(Member m) {
        String pid = m.getAttribute(ClusterConfigs.PID_ATTRIBUTE);
        return pid == null ? -1 : Long.parseLong(pid);
    }

    private synchronized void release(int count) {
        outstanding -= count;
        maybeFinish();
    }

    synchronized void shutdown() {
        accepting = false;
        maybeFinish();
    }

    /** Fails what is outstanding (on the results thread, in order), cancels it, and leaves at once. */
    void terminate() {
        synchronized (this) {
            if (terminated || finishing && outstanding == 0) {
                return;
            }
            accepting = false;
            terminated = true;
        }
        for (Flight f : flights) {
            failLater(f, TERMINATED);
        }
        synchronized (this) {
            maybeFinish();
        }
    }

    /** Unless it was settled already: cancels {@code f} on its member and fails it on the results thread. */
    private void failLater(Flight f, String why) {
        if (!f.claim()) {
            return;
        }
        flights.remove(f);
        CompletableFuture<Outcome> future = f.future;
        if (future != null) {
            future.cancel(true);
        }
        IllegalStateException cause = new IllegalStateException(why);
        results.execute(() -> {
            try {
                f.sink.failed(cause);
            } finally {
                release(1);
            }
        });
    }

    private void maybeFinish() {
        if (!accepting && outstanding == 0 && !finishing) {
            finishing = true;
            boolean now = terminated;
            results.execute(() -> finish(now));
        }
    }

    /** On the results thread, last: leave the cluster, then end this thread and let joiners go. */
    private void finish(boolean now) {
        try {
            link.close(now);
        } finally {
            results.shutdown();
            done.countDown();
        }
    }

    synchronized boolean isStopping() {
        return !accepting;
    }

    /** Waits until the pool left the cluster and its results thread ended. */
    boolean awaitDone(long nanos) throws InterruptedException {
        long start = System.nanoTime();
        if (!done.await(nanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        return results.awaitTermination(Math.max(0, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    }

    /** One invocation on its way to, or running on, a member. */
    private static final class Flight {
        final Invocation call;
        final Sink sink;
        final int attempt;
        private final AtomicBoolean settled = new AtomicBoolean();
        volatile @Nullable Member member;
        volatile @Nullable CompletableFuture<Outcome> future;

        Flight(Invocation call, Sink sink, int attempt) {
            this.call = call;
            this.sink = sink;
            this.attempt = attempt;
        }

        boolean claim() {
            return settled.compareAndSet(false, true);
        }
    }
}
