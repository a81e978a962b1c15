package io.procmux.cli.serve;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one {@link EchoServer} run, written by the server's single thread and read by
 * anyone after it stopped (or, approximately, while it runs). One writer: no allocation, no locks.
 * The two byte counters move on every message, so they are written with release stores (a plain
 * store on x86; a volatile store would add a full fence per call) and read with acquire loads; the
 * per-connection counters are volatile.
 */
public final class ServerStats {
    private static final VarHandle BYTES_IN = field("bytesIn");
    private static final VarHandle BYTES_OUT = field("bytesOut");

    private volatile long accepted;
    private volatile long refused;
    /** Written only through {@link #BYTES_IN} by the server's thread, which alone may read it plainly. */
    private long bytesIn;
    /** Written only through {@link #BYTES_OUT} by the server's thread, which alone may read it plainly. */
    private long bytesOut;
    private volatile int open;
    private volatile int peakOpen;
    private volatile long pauses;

    void onAccepted() {
        accepted++;
        int now = ++open;
        if (now > peakOpen) {
            peakOpen = now;
        }
    }

    void onRefused() {
        refused++;
    }

    void onPaused() {
        pauses++;
    }

    void onClosed() {
        open--;
    }

    void onRead(long bytes) {
        BYTES_IN.setRelease(this, bytesIn + bytes);
    }

    void onWritten(long bytes) {
        BYTES_OUT.setRelease(this, bytesOut + bytes);
    }

    /** Connections accepted and served. */
    public long accepted() {
        return accepted;
    }

    /** Connections closed at once because {@code --max-connections} were open. */
    public long refusedCount() {
        return refused;
    }

    /** Bytes read from clients. */
    public long bytesIn() {
        return (long) BYTES_IN.getAcquire(this);
    }

    /** Bytes written back to clients. */
    public long bytesOut() {
        return (long) BYTES_OUT.getAcquire(this);
    }

    /** Connections open now. */
    public int open() {
        return open;
    }

    /** The most connections open at once. */
    public int peakOpen() {
        return peakOpen;
    }

    /** How many times a client was not read because its queued output reached the bound (back-pressure). */
    public long pauses() {
        return pauses;
    }

    /** The line printed on exit. */
    public String summary() {
        return "served " + accepted + " connection" + (accepted == 1 ? "" : "s") + " (at most " + peakOpen
                + " at once, " + refused + " refused), " + bytesIn() + " bytes in, " + bytesOut() + " bytes out";
    }

    private static VarHandle field(String name) {
        try {
            return MethodHandles.lookup().findVarHandle(ServerStats.class, name, long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
