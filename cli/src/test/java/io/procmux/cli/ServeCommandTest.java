package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void neitherTcpNorUnixIsAUsageError() {
        MainTest.Run r = MainTest.run("serve");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required argument").contains("--tcp=HOST:PORT").contains("--unix=PATH");
    }

    @Test
    void bothTcpAndUnixIsAUsageError() {
        MainTest.Run r = MainTest.run("serve", "--tcp", "127.0.0.1:0", "--unix", dir.resolve("s").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void badHostPortIsAUsageErrorSayingWhy() {
        MainTest.Run r = MainTest.run("serve", "--tcp", "127.0.0.1:99999");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--tcp: Port 99999 in '127.0.0.1:99999' is not in 0..65535");
        r = MainTest.run("serve", "--tcp", "7000");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--tcp: Expected HOST:PORT");
    }

    @Test
    void aTooLongUnixPathIsAUsageError() {
        MainTest.Run r = MainTest.run("serve", "--unix", "/tmp/" + "x".repeat(200));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--unix: The Unix socket path is 205 bytes long; the limit is 107");
    }

    @Test
    void maxConnectionsBelowOneIsAUsageError() {
        MainTest.Run r = MainTest.run("serve", "--tcp", "127.0.0.1:0", "--max-connections", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--max-connections must be at least 1, got 0");
    }

    @Test
    void aSocketInAMissingDirectoryIsAFailureNamingThePath() {
        String path = dir.resolve("missing/echo.sock").toString();
        MainTest.Run r = MainTest.run("serve", "--unix", path);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("procmux: Cannot listen on " + path + ": No such file or directory" + System.lineSeparator());
        assertThat(r.err()).doesNotContain("listening on");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigtermClosesEveryConnectionAndPrintsTheTotals() throws Exception {
        Process server = startServer("--mux", "epoll", "serve", "--tcp", "127.0.0.1:0");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            String listening = err.readLine();
            assertThat(listening).matches("listening on 127\\.0\\.0\\.1:\\d+");
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            assertThat(port).isPositive();
            List<SocketChannel> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                clients.add(client);
                assertThat(echo(client, "ping " + i)).isEqualTo("ping " + i);
            }
            signal(server, "TERM");
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (SocketChannel client : clients) {
                assertThat(client.read(ByteBuffer.allocate(1))).as("closed by the server").isEqualTo(-1);
                client.close();
            }
            assertThat(err.readLine()).isEqualTo("served 3 connections (at most 3 at once, 0 refused), 18 bytes in, 18 bytes out");
            assertThat(err.readLine()).isNull();
            assertThat(server.exitValue()).isEqualTo(143);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigintOnAUnixSocketRemovesTheFile() throws Exception {
        Path socket = dir.resolve("echo.sock");
        Process server = startServer("serve", "--mux", "poll", "--unix", socket.toString());
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).isEqualTo("listening on " + socket);
            assertThat(socket).exists();
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(UnixDomainSocketAddress.of(socket));
                assertThat(echo(client, "over unix")).isEqualTo("over unix");
            }
            signal(server, "INT");
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(err.readLine()).startsWith("served 1 connection (").endsWith("9 bytes in, 9 bytes out");
            assertThat(server.exitValue()).isEqualTo(130);
            assertThat(socket).doesNotExist();
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    /** Process.destroy would close our end of its stderr, so the signal goes through kill(1). */
    private static void signal(Process process, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void outOfDescriptorsPausesAcceptingUntilAClientLeaves() throws Exception {
        Process server = startServer(List.of("sh", "-c", "ulimit -n 160 && exec \"$0\" \"$@\""), "serve", "--tcp", "127.0.0.1:0");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.start();
        List<SocketChannel> clients = new ArrayList<>();
        try {
            String listening = lines.poll(60, TimeUnit.SECONDS);
            assertThat(listening).startsWith("listening on 127.0.0.1:");
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1)));
            String paused = null;
            for (int i = 0; i < 300 && paused == null; i++) {
                SocketChannel client = SocketChannel.open(address);   // the kernel completes it even if not accepted
                clients.add(client);
                paused = lines.poll(i < 100 ? 0 : 20, TimeUnit.MILLISECONDS);
            }
            assertThat(paused).isEqualTo("procmux serve: cannot accept (Too many open files); paused until a connection"
                    + " closes (raise the limit with 'ulimit -n')");
            assertThat(echo(clients.get(0), "still serving")).isEqualTo("still serving");
            for (SocketChannel client : clients) {
                client.close();
            }
            clients.clear();
            try (SocketChannel late = SocketChannel.open(address)) {
                assertThat(echo(late, "accepting again")).isEqualTo("accepting again");
            }
            signal(server, "TERM");
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(lines).anyMatch(line -> line.startsWith("served "));
        } finally {
            for (SocketChannel client : clients) {
                client.close();
            }
            server.destroyForcibly().waitFor();
        }
    }

    private static String echo(SocketChannel client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.write(ByteBuffer.wrap(bytes));
        ByteBuffer back = ByteBuffer.allocate(bytes.length);
        while (back.hasRemaining()) {
            if (client.read(back) < 0) {
                throw new IOException("EOF");
            }
        }
        return new String(back.array(), StandardCharsets.UTF_8);
    }

    /** {@code procmux ARGS} in a child JVM on this test's class path, as the launcher runs it. */
    private static Process startServer(String... args) throws IOException {
        return startServer(List.of(), args);
    }

    private static Process startServer(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.io=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
