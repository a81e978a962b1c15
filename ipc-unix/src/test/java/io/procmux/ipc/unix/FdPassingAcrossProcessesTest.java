package io.procmux.ipc.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.ipc.UnixConnection;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Spawner;
import io.procmux.testkit.OpenFds;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** SCM_RIGHTS between this JVM and a python3 child: a pipe coming in, a TCP connection going out. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FdPassingAcrossProcessesTest {
    private static final int O_CLOEXEC = 02000000;
    private static Spawner spawner;
    private final JnrUnixSockets sockets = new JnrUnixSockets();

    @BeforeAll
    static void needPython() {
        assumeTrue(Helpers.hasPython(), "python3 is not on PATH: skipping the cross-process fd passing tests");
        spawner = Helpers.posixSpawner();
    }

    @AfterAll
    static void close() {
        if (spawner != null) {
            spawner.close();
        }
    }

    @Test
    void receivesAPipeFromAnotherProcessCloseOnExec() throws Exception {
        UnixConnection[] pair = sockets.socketPair();
        Child child;
        try (UnixConnection mine = pair[0]) {
            try (UnixConnection theirs = pair[1]) {
                child = Helpers.python(spawner, String.join("\n",
                        "import os, socket",
                        "s = socket.socket(fileno=3)",
                        "r, w = os.pipe()",
                        "socket.send_fds(s, [b'p'], [r])",
                        "os.close(r)",
                        "os.write(w, b'hello through a pipe')",
                        "os.close(w)",
                        "s.recv(1)"), theirs.fd());
            }
            ByteBuffer payload = ByteBuffer.allocate(8);
            int[] fds = mine.receiveWithFds(payload);
            assertThat(payload.position()).isEqualTo(1);
            assertThat(fds).hasSize(1);
            assertThat(OpenFds.flags(fds[0]) & O_CLOEXEC).as("received fd is close-on-exec").isNotZero();
            try (InputStream pipe = new FileInputStream("/proc/self/fd/" + fds[0])) {
                StringBuilder text = new StringBuilder();
                byte[] chunk = new byte[64];
                int n;
                while ((n = pipe.read(chunk)) > 0) {   // not readAllBytes: it seeks, and a pipe cannot
                    text.append(new String(chunk, 0, n));
                }
                assertThat(text.toString()).isEqualTo("hello through a pipe");
            } finally {
                SocketNative.libc().close(fds[0]);
            }
            mine.write(ByteBuffer.wrap(new byte[] {1}));
            ExitStatus status = child.waitFor();
            assertThat(status.success()).as("python: %s", Helpers.stderrOf(child)).isTrue();
        }
        child.close();
    }

    @Test
    void handsAnAcceptedTcpConnectionToAWorkerProcess() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int tcp = TcpFd.connectLoopback(listener.getLocalPort());
            UnixConnection[] pair = sockets.socketPair();
            Child child;
            try (UnixConnection mine = pair[0]; Socket accepted = listener.accept()) {
                try (UnixConnection theirs = pair[1]) {
                    child = Helpers.python(spawner, String.join("\n",
                            "import socket",
                            "s = socket.socket(fileno=3)",
                            "msg, fds, flags, addr = socket.recv_fds(s, 16, 4)",
                            "assert msg == b'take it', msg",
                            "t = socket.socket(fileno=fds[0])",
                            "t.sendall(b'answered by the worker over tcp')",
                            "t.close()"), theirs.fd());
                }
                assertThat(mine.sendWithFds(ByteBuffer.wrap("take it".getBytes()), tcp)).isEqualTo(7);
                SocketNative.libc().close(tcp);   // the worker owns the connection now
                accepted.setSoTimeout(30_000);
                assertThat(new String(accepted.getInputStream().readAllBytes()))
                        .isEqualTo("answered by the worker over tcp");
                ExitStatus status = child.waitFor();
                assertThat(status.success()).as("python: %s", Helpers.stderrOf(child)).isTrue();
            }
            child.close();
        }
    }
}
