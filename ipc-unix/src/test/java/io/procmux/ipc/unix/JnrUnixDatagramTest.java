package io.procmux.ipc.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixDatagramSocket;
import io.procmux.testkit.OpenFds;
import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Datagram sockets: bound with the same file safety as servers, boundaries kept, truncation reported. */
@EnabledOnOs(OS.LINUX)
class JnrUnixDatagramTest {
    @TempDir
    Path dir;

    private final JnrUnixSockets sockets = new JnrUnixSockets();

    @Test
    void boundSocketReceivesWholeMessagesAndCleansUp() throws Exception {
        Path path = dir.resolve("d/dgram.sock");
        UnixAddress address = UnixAddress.of(path);
        try (UnixDatagramSocket server = sockets.openDatagram(address, BindOptions.DEFAULTS);
             UnixDatagramSocket client = sockets.openDatagram(null, BindOptions.DEFAULTS)) {
            assertThat(server.address()).contains(address);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-------");
            assertThat(OpenFds.flags(server.fd()) & OpenFds.flags(client.fd()) & 02000000).isNotZero();
            assertThat(client.send(ByteBuffer.wrap("one".getBytes()), address)).isEqualTo(3);
            assertThat(client.send(ByteBuffer.wrap("two!".getBytes()), address)).isEqualTo(4);
            ByteBuffer in = ByteBuffer.allocate(100);
            assertThat(server.receive(in)).isEqualTo(3);
            assertThat(server.receive(ByteBuffer.allocateDirect(100))).isEqualTo(4);
            server.configureBlocking(false);
            assertThat(server.receive(in)).isEqualTo(-2);
            assertThatThrownBy(() -> sockets.openDatagram(address, BindOptions.DEFAULTS))
                    .isInstanceOf(BindException.class).hasMessageContaining("holds the lock");
            client.send(ByteBuffer.allocate(50), address);
            assertThatThrownBy(() -> server.receive(ByteBuffer.allocate(10)))
                    .isInstanceOf(IOException.class).hasMessageContaining("50 bytes").hasMessageContaining("room for 10");
        }
        assertThat(path).doesNotExist();
        assertThat(dir.resolve("d/dgram.sock.lock")).doesNotExist();
    }

    @Test
    void pairsExchangeDatagramsBothWays() throws Exception {
        UnixDatagramSocket[] pair = sockets.datagramPair();
        try (UnixDatagramSocket a = pair[0]; UnixDatagramSocket b = pair[1]) {
            a.send(ByteBuffer.wrap(new byte[] {1, 2}));
            b.send(ByteBuffer.wrap(new byte[] {3}));
            ByteBuffer x = ByteBuffer.allocate(8);
            assertThat(b.receive(x)).isEqualTo(2);
            assertThat(a.receive(ByteBuffer.allocate(8))).isEqualTo(1);
            assertThat(a.address()).isEmpty();
        }
    }

    @Test
    void receiveFromNamesABoundSenderAndNoneForAnUnboundOne() throws Exception {
        UnixAddress serverAddress = UnixAddress.of(dir.resolve("s/server.sock"));
        UnixAddress clientAddress = UnixAddress.of(dir.resolve("c/client.sock"));
        try (UnixDatagramSocket server = sockets.openDatagram(serverAddress, BindOptions.DEFAULTS);
             UnixDatagramSocket bound = sockets.openDatagram(clientAddress, BindOptions.DEFAULTS);
             UnixDatagramSocket unbound = sockets.openDatagram(null, BindOptions.DEFAULTS)) {
            bound.send(ByteBuffer.wrap("ping".getBytes()), serverAddress);
            unbound.send(ByteBuffer.wrap("anonymous".getBytes()), serverAddress);
            UnixDatagramSocket.Received first = server.receiveFrom(ByteBuffer.allocate(64));
            assertThat(first.length()).isEqualTo(4);
            assertThat(first.sender()).contains(clientAddress);
            UnixDatagramSocket.Received second = server.receiveFrom(ByteBuffer.allocateDirect(64));
            assertThat(second.length()).isEqualTo(9);
            assertThat(second.sender()).isEmpty();

            // the answer goes back to the address receiveFrom reported, as with Python's recvfrom/sendto
            server.send(ByteBuffer.wrap("pong".getBytes()), first.sender().orElseThrow());
            ByteBuffer reply = ByteBuffer.allocate(16);
            assertThat(bound.receiveFrom(reply).sender()).contains(serverAddress);
            assertThat(new String(reply.array(), 0, reply.position())).isEqualTo("pong");

            server.configureBlocking(false);
            assertThat(server.receiveFrom(ByteBuffer.allocate(8)))
                    .isEqualTo(new UnixDatagramSocket.Received(UnixDatagramSocket.Received.WOULD_BLOCK, java.util.Optional.empty()));
        }
    }

    @Test
    void receiveFromNamesAnAbstractSender() throws Exception {
        UnixAddress serverAddress = UnixAddress.abstractName("procmux-test-" + ProcessHandle.current().pid() + "-srv");
        UnixAddress clientAddress = UnixAddress.abstractName("procmux-test-" + ProcessHandle.current().pid() + "-cli");
        try (UnixDatagramSocket server = sockets.openDatagram(serverAddress, BindOptions.DEFAULTS);
             UnixDatagramSocket client = sockets.openDatagram(clientAddress, BindOptions.DEFAULTS)) {
            client.send(ByteBuffer.wrap("x".getBytes()), serverAddress);
            assertThat(server.receiveFrom(ByteBuffer.allocate(8)).sender()).contains(clientAddress);
        }
    }
}
