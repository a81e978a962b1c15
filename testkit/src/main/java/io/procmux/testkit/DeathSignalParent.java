package io.procmux.testkit;

import io.procmux.spawn.Child;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parent JVM of {@link SpawnerDeathSignalContract}: started as its own process, it spawns one
 * child with a parent-death signal from a short-lived thread, waits until that thread has ended,
 * prints {@code pid N} of the child and then blocks until the test kills it with SIGKILL.
 *
 * <pre>java -cp CLASSPATH io.procmux.testkit.DeathSignalParent SPAWNER TERM|KILL MARKER</pre>
 *
 * <p>With TERM the child is a shell that writes {@code TERM} into MARKER when it gets the signal
 * (and creates MARKER.ready once it can); with KILL it is {@code sleep 60}. Cost: one thread and
 * one child; the JVM runs until killed.
 */
public final class DeathSignalParent {
    private DeathSignalParent() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DeathSignalParent SPAWNER TERM|KILL MARKER");
            System.exit(2);
        }
        Signal signal = Signal.valueOf(args[1]);
        SpawnSpec spec = SpawnSpec.builder(childArgv(signal, args[2])).stdin(Redirect.DISCARD)
                .stdout(Redirect.DISCARD).parentDeathSignal(signal).build();
        Spawner spawner = Backends.select(BackendKind.SPAWNER, args[0]).create();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread shortLived = new Thread(() -> {
            try {
                Child child = spawner.spawn(spec);
                if (signal == Signal.TERM) {
                    ProcWait.untilExists(Path.of(args[2] + ".ready")); // the trap is in place
                } else {
                    ProcWait.untilCommandIs(child.pid(), "sleep");
                }
                outcome.set(child);
            } catch (Exception | AssertionError e) {
                outcome.set(e);
            }
        }, "short-lived-spawner");
        shortLived.start();
        shortLived.join();
        if (!(outcome.get() instanceof Child child)) {
            System.err.println("spawn failed: " + outcome.get());
            System.exit(1);
            return;
        }
        System.out.println("pid " + child.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * The child: a shell that records TERM in MARKER (killing its own sleep first) and says it is
     * ready in MARKER.ready once its trap is set, or a bare sleep for KILL.
     */
    static String[] childArgv(Signal signal, String marker) {
        if (signal == Signal.TERM) {
            return new String[] {"sh", "-c", "trap 'kill $! 2>/dev/null; echo TERM > \"$0\"; exit 0' TERM;"
                + " : > \"$0.ready\"; sleep 60 & wait", marker};
        }
        return new String[] {"sleep", "60"};
    }
}
