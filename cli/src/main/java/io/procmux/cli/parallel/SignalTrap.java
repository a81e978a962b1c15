package io.procmux.cli.parallel;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches SIGINT, SIGTERM and SIGHUP for the length of a run, so procmux can stop starting jobs,
 * signal the running jobs' process groups, wait for them and report, instead of the JVM's default
 * (run shutdown hooks and exit at once). The previous handlers come back on {@link #close()}.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only way to catch a signal.
 * Cost: the JDK runs each handler on a short-lived thread; the handler only records the signal
 * and calls the given wake-up.
 */
final class SignalTrap implements AutoCloseable {
    private static final String[] NAMES = {"INT", "TERM", "HUP"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile int caught;
    private volatile String caughtName = "";

    SignalTrap(Runnable wakeup) {
        for (String name : NAMES) {
            Signal s;
            try {
                s = new Signal(name);
            } catch (IllegalArgumentException unknownHere) {
                continue;
            }
            SignalHandler old = Signal.handle(s, sig -> {
                if (caught == 0) {
                    caughtName = "SIG" + sig.getName();
                    caught = sig.getNumber();
                }
                wakeup.run();
            });
            signals.add(s);
            previous.add(old);
        }
    }

    /** The number of the first signal caught, or 0. */
    int caught() {
        return caught;
    }

    /** The name of the first signal caught, e.g. {@code SIGTERM}. */
    String caughtName() {
        return caughtName;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
