package io.procmux.cli.serve;

/**
 * Counters of one {@link EchoServer} run, written by the server's single thread and read by
 * anyone after it stopped (or, approximately, while it runs). Volatile fields with one writer: no
 * allocation, no locks.
 */
public final class ServerStats {
    private volatile long accepted;
    private volatile long refused;
    private volatile long bytesIn;
    private volatile long bytesOut;
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
        bytesIn += bytes;
    }

    void onWritten(long bytes) {
        bytesOut += bytes;
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
        return bytesIn;
    }

    /** Bytes written back to clients. */
    public long bytesOut() {
        return bytesOut;
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
                + " at once, " + refused + " refused), " + bytesIn + " bytes in, " + bytesOut + " bytes out";
    }
}
