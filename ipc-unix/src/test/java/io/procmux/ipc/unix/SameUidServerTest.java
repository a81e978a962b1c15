package io.procmux.ipc.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.spawn.Child;
import io.procmux.spawn.Spawner;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A same-uid server (the default) closes peers of another uid before reading a byte, and keeps serving. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SameUidServerTest {
    @TempDir
    Path dir;

    @Test
    void aPeerOfAnotherUidIsClosedUnreadAndTheNextOneServed() throws Exception {
        int me = SocketNative.libc().geteuid();
        JnrUnixSockets strict = new JnrUnixSockets(me + 1);   // as if this process ran as another user
        UnixAddress address = UnixAddress.of(dir.resolve("strict.sock"));
        try (JnrUnixServer server = (JnrUnixServer) strict.bind(address, BindOptions.DEFAULTS);
             UnixConnection foreign = strict.connect(address)) {
            foreign.write(ByteBuffer.wrap(new byte[] {42}));
            server.configureBlocking(false);
            assertThat(server.acceptNow()).isEmpty();
            assertThat(server.rejectedPeers()).isEqualTo(1);
            // closed with our byte unread: Linux reports that as a reset, which proves nothing was read
            assertThatThrownBy(() -> foreign.read(ByteBuffer.allocate(1)))
                    .isInstanceOf(SocketException.class).hasMessageContaining("ECONNRESET");
        }
        try (JnrUnixServer open = (JnrUnixServer) strict.bind(address, new BindOptions(8, false, true));
             UnixConnection anyone = strict.connect(address)) {
            Optional<UnixConnection> accepted = open.acceptNow();
            assertThat(accepted).isPresent();
            accepted.get().close();
            assertThat(open.rejectedPeers()).isZero();
        }
    }

    @Test
    void rootServerTurnsAwayAProcessRunningAsNobody() throws Exception {
        assumeTrue(SocketNative.libc().geteuid() == 0, "needs root to start a child of another uid");
        assumeTrue(Helpers.hasPython(), "python3 is not on PATH");
        JnrUnixSockets sockets = new JnrUnixSockets();
        UnixAddress name = UnixAddress.abstractName("procmux-uid-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        ExecutorService acceptor = Executors.newSingleThreadExecutor();
        try (Spawner spawner = Helpers.posixSpawner();
             JnrUnixServer server = (JnrUnixServer) sockets.bind(name, BindOptions.DEFAULTS)) {
            Future<UnixConnection> first = acceptor.submit(server::accept);
            Child nobody = Helpers.python(spawner, String.join("\n",
                    "import os, socket",
                    "os.setgid(65534); os.setuid(65534)",
                    "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
                    "s.connect('\\0" + name.text() + "')",
                    "try:",
                    "    s.sendall(b'let me in')",
                    "    print('eof' if s.recv(1) == b'' else 'data')",
                    "except (ConnectionResetError, BrokenPipeError):",
                    "    print('reset')  # the server may close before or after our bytes arrive"), -1);
            assertThat(nobody.waitFor().success()).as("python: %s", Helpers.stderrOf(nobody)).isTrue();
            assertThat(new String(nobody.stdout().readAllBytes()).trim()).isIn("eof", "reset");
            nobody.close();
            try (UnixConnection friend = sockets.connect(name); UnixConnection accepted = first.get()) {
                assertThat(accepted.peerCredentials().uid()).isZero();
                assertThat(accepted.peerCredentials().pid()).isEqualTo(ProcessHandle.current().pid());
            }
            assertThat(server.rejectedPeers()).isEqualTo(1);
        } finally {
            acceptor.shutdownNow();
        }
    }
}
