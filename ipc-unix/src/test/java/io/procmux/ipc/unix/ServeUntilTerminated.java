package io.procmux.ipc.unix;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixServer;

/** A child JVM for {@link SigtermCleanupTest}: binds the path in args[0], says "ready", waits to be killed. */
public final class ServeUntilTerminated {
    private ServeUntilTerminated() {
    }

    public static void main(String[] args) throws Exception {
        UnixServer server = new JnrUnixSocketsProvider().open().bind(UnixAddress.ofPath(args[0]), BindOptions.DEFAULTS);
        System.out.println("ready " + server.address());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
