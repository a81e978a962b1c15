package io.procmux.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What serving a Unix socket through the ipc backend adds: a private file, stale files replaced, live ones kept. */
@EnabledOnOs(OS.LINUX)
class UnixEchoServerTest {

    @TempDir
    Path dir;

    @Test
    void theSocketFileIsPrivateAStaleOneIsReplacedAndNothingIsLeftAfterStopping() throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).as("a JDK server leaves its socket file behind").exists();
        try (RunningServer running = new RunningServer("epoll", ServeAddress.parseUnix(socket.toString()), 10, 4096)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            try (SocketChannel client = SocketChannel.open(running.address())) {
                byte[] sent = "through ipc-unix".getBytes(StandardCharsets.UTF_8);
                EchoServerTest.writeAll(client, sent);
                assertThat(EchoServerTest.readExactly(client, sent.length)).isEqualTo(sent);
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left).as("socket file and lock file removed").isEmpty();
        }
    }

    @Test
    void aLiveServersSocketIsNeverTaken() throws Exception {
        Path socket = dir.resolve("live.sock");
        ServeAddress address = ServeAddress.parseUnix(socket.toString());
        try (RunningServer first = new RunningServer("poll", address, 10, 4096)) {
            assertThatThrownBy(() -> new RunningServer("poll", address, 10, 4096))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("Cannot listen on " + socket + ": ");
            try (SocketChannel client = SocketChannel.open(first.address())) {
                EchoServerTest.writeAll(client, new byte[] {42});
                assertThat(EchoServerTest.readExactly(client, 1)).containsExactly(42);
            }
        }
        assertThat(socket).doesNotExist();
    }
}
