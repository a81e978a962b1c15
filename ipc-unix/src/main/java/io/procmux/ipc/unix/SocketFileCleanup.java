package io.procmux.ipc.unix;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes the socket and lock files of servers still open when the JVM shuts down, including on
 * {@code SIGTERM} and {@code SIGINT} (the JVM runs shutdown hooks for both). One hook thread for
 * the whole JVM, registered with the first server.
 *
 * <p>Cost: one unstarted {@link Thread} object for the JVM's lifetime; a set insertion per bind.
 */
final class SocketFileCleanup {
    private static final Set<SocketFile> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private SocketFileCleanup() {
    }

    static void register(SocketFile file) {
        hook();
        OPEN.add(file);
    }

    static void unregister(SocketFile file) {
        OPEN.remove(file);
    }

    private static synchronized void hook() {
        if (hooked) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(SocketFileCleanup::run, "procmux-unix-socket-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // too late for a hook: the server's own close still cleans up
        }
        hooked = true;
    }

    private static void run() {
        for (SocketFile file : OPEN) {
            file.removeFiles();
        }
    }
}
