package io.procmux.pool.local;

import io.procmux.pool.JvmProcess;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The main class of a {@link JvmProcess} child: reads from stdin the application class
 * names its allow-list admits ({@link ClassRegistry#encode}) and the serialized process, each as a
 * big-endian int32 length and the bytes, runs it, and exits with 0, or 1 after printing the
 * stack trace when {@code run()} threw. A daemon child (argument {@code daemon}) also halts within
 * 250 ms of its parent's death.
 *
 * <p>Threads: main, plus the watchdog for a daemon.
 */
public final class ProcessMain {
    private ProcessMain() {
    }

    /**
     * Entry point: {@code ProcessMain daemon|normal}.
     *
     * @param args whether the process is a daemon
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("daemon")) {
            WorkerMain.startWatchdog(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
        }
        DataInputStream in = new DataInputStream(System.in);
        byte[] names = new byte[in.readInt()];
        in.readFully(names);
        SerialFilter filter = SerialFilter.forChild();
        filter.allow(ClassRegistry.decode(names, 0, names.length));
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        JvmProcess process = (JvmProcess) new JavaSerialCodec(filter, null).decode(bytes, 0, bytes.length);
        int status = 0;
        try {
            process.run();
        } catch (Throwable t) {
            System.err.println("Process " + process.name() + ":");
            t.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
