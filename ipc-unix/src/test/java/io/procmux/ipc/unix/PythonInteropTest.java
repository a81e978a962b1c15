package io.procmux.ipc.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.spawn.Child;
import io.procmux.spawn.Spawner;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A python3 client ({@code socket.AF_UNIX} + {@code struct}) against a procmux server, and a
 * procmux client against a python3 server, exchanging frames {@code <I} length + {@code <iHd}
 * record; the answer to {@code (id, kind, value)} is {@code (id + 1, kind, value * 2)}.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonInteropTest {
    private static final int FRAMES = 100;
    private static final String PY_FRAMING = String.join("\n",
            "import socket, struct, sys",
            "REC = struct.Struct('<iHd')",
            "def recv_exact(s, n):",
            "    b = b''",
            "    while len(b) < n:",
            "        part = s.recv(n - len(b))",
            "        if not part: raise EOFError('short frame')",
            "        b += part",
            "    return b",
            "def recv_frame(s):",
            "    (n,) = struct.unpack('<I', recv_exact(s, 4))",
            "    return REC.unpack(recv_exact(s, n))",
            "def send_frame(s, *rec):",
            "    body = REC.pack(*rec)",
            "    s.sendall(struct.pack('<I', len(body)) + body)",
            "");
    private static Spawner spawner;

    @TempDir
    Path dir;

    @BeforeAll
    static void needPython() {
        assumeTrue(Helpers.hasPython(), "python3 is not on PATH: skipping the python interoperability tests");
        spawner = Helpers.posixSpawner();
    }

    @AfterAll
    static void close() {
        if (spawner != null) {
            spawner.close();
        }
    }

    private static ByteBuffer frame(int id, int kind, double value) {
        ByteBuffer b = ByteBuffer.allocate(4 + 14).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(14).putInt(id).putShort((short) kind).putDouble(value);
        return b.flip();
    }

    private static ByteBuffer readFrame(DataInputStream in) throws IOException {
        byte[] header = in.readNBytes(4);
        assertThat(header).hasSize(4);
        int n = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(n).isEqualTo(14);
        return ByteBuffer.wrap(in.readNBytes(n)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aPythonClientTalksToAProcmuxServer() throws Exception {
        UnixAddress address = UnixAddress.of(dir.resolve("py-client.sock"));
        try (UnixServer server = new JnrUnixSockets().bind(address, BindOptions.DEFAULTS)) {
            Child child = Helpers.python(spawner, PY_FRAMING + String.join("\n",
                    "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
                    "s.connect(sys.argv[1] if len(sys.argv) > 1 else " + pyString(address.text()) + ")",
                    "for i in range(" + FRAMES + "):",
                    "    send_frame(s, i, i % 65536, i * 0.5)",
                    "    assert recv_frame(s) == (i + 1, i % 65536, i * 1.0), i",
                    "s.close()",
                    "print('ok')"), -1);
            try (UnixConnection c = server.accept()) {
                DataInputStream in = new DataInputStream(c.inputStream());
                for (int i = 0; i < FRAMES; i++) {
                    ByteBuffer rec = readFrame(in);
                    c.write(frame(rec.getInt(0) + 1, Short.toUnsignedInt(rec.getShort(4)), rec.getDouble(6) * 2));
                }
                assertThat(c.read(ByteBuffer.allocate(1))).as("python closed").isEqualTo(-1);
            }
            assertThat(child.waitFor().success()).as("python: %s", Helpers.stderrOf(child)).isTrue();
            assertThat(new String(child.stdout().readAllBytes()).trim()).isEqualTo("ok");
            child.close();
        }
    }

    @Test
    void aProcmuxClientTalksToAPythonServer() throws Exception {
        Path path = dir.resolve("py-server.sock");
        Child child = Helpers.python(spawner, PY_FRAMING + String.join("\n",
                "srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
                "srv.bind(" + pyString(path.toString()) + ")",
                "srv.listen(1)",
                "print('ready', flush=True)",
                "c, _ = srv.accept()",
                "for i in range(" + FRAMES + "):",
                "    rid, kind, value = recv_frame(c)",
                "    send_frame(c, rid + 1, kind, value * 2)",
                "c.close()"), -1);
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.stdout()));
            assertThat(lines.readLine()).as("python: %s", "server start").isEqualTo("ready");
            try (UnixConnection c = new JnrUnixSockets().connect(UnixAddress.of(path))) {
                DataInputStream in = new DataInputStream(c.inputStream());
                for (int i = 0; i < FRAMES; i++) {
                    c.write(frame(i, 7, i * 0.25));
                    ByteBuffer rec = readFrame(in);
                    assertThat(rec.getInt(0)).isEqualTo(i + 1);
                    assertThat(rec.getShort(4)).isEqualTo((short) 7);
                    assertThat(rec.getDouble(6)).isEqualTo(i * 0.5);
                }
                assertThat(c.read(ByteBuffer.allocate(1))).as("python closed").isEqualTo(-1);
            }
            assertThat(child.waitFor().success()).as("python: %s", Helpers.stderrOf(child)).isTrue();
        } finally {
            child.close();
        }
    }

    private static String pyString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
