package io.procmux.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Each number is checked against what the kernel says: the target of /proc/self/fd/N. */
@EnabledOnOs(OS.LINUX)
class FileDescriptorsTest {
    @TempDir
    Path dir;

    private static String target(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }

    @Test
    void standardDescriptorsAreZeroOneTwo() {
        assertThat(FileDescriptors.fdOf(FileDescriptor.in)).isZero();
        assertThat(FileDescriptors.fdOf(FileDescriptor.out)).isEqualTo(1);
        assertThat(FileDescriptors.fdOf(FileDescriptor.err)).isEqualTo(2);
    }

    @Test
    void fileStreamsAndRandomAccessFilesPointAtTheirFile() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        try (FileInputStream in = new FileInputStream(file.toFile());
             FileOutputStream out = new FileOutputStream(dir.resolve("g.txt").toFile());
             RandomAccessFile raf = new RandomAccessFile(dir.resolve("h.txt").toFile(), "rw");
             FileChannel channel = FileChannel.open(dir.resolve("i.txt"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThat(target(FileDescriptors.fdOf(in))).isEqualTo(file.toRealPath().toString());
            assertThat(target(FileDescriptors.fdOf(out))).endsWith("g.txt");
            assertThat(target(FileDescriptors.fdOf(raf))).endsWith("h.txt");
            assertThat(target(FileDescriptors.fdOf(raf.getFD()))).endsWith("h.txt");
            assertThat(target(FileDescriptors.fdOf(channel))).endsWith("i.txt");
            assertThat(target(FileDescriptors.fdOf(in.getChannel()))).isEqualTo(file.toRealPath().toString());
        }
    }

    @Test
    void socketChannelsOfBothFamiliesServerAndDatagram() throws IOException {
        try (ServerSocketChannel tcp = ServerSocketChannel.open();
             ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             DatagramChannel udp = DatagramChannel.open()) {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            unix.bind(UnixDomainSocketAddress.of(dir.resolve("s")));
            try (SocketChannel client = SocketChannel.open(tcp.getLocalAddress());
                 SocketChannel accepted = tcp.accept();
                 SocketChannel unixClient = SocketChannel.open(unix.getLocalAddress())) {
                int[] fds = {FileDescriptors.fdOf(tcp), FileDescriptors.fdOf(unix), FileDescriptors.fdOf(udp),
                    FileDescriptors.fdOf(client), FileDescriptors.fdOf(accepted), FileDescriptors.fdOf(unixClient)};
                for (int fd : fds) {
                    assertThat(target(fd)).startsWith("socket:[");
                }
                assertThat(fds).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void pipeChannelsCarryBytesThroughTheirNumbers() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            int readFd = FileDescriptors.fdOf(source);
            int writeFd = FileDescriptors.fdOf(sink);
            assertThat(target(readFd)).startsWith("pipe:[").isEqualTo(target(writeFd));
            // Writing through /proc/self/fd/<writeFd> reaches the source: the number is the real one.
            Files.writeString(Path.of("/proc/self/fd/" + writeFd), "hi", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(2);
            source.read(buffer);
            assertThat(new String(buffer.array(), StandardCharsets.US_ASCII)).isEqualTo("hi");
        }
    }

    @Test
    void hasFileDescriptorIsAskedDirectly() {
        HasFileDescriptor seven = () -> 7;
        assertThat(FileDescriptors.fdOf(seven)).isEqualTo(7);
    }

    @Test
    void closedSourcesAreRefused() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.close();
        assertThatThrownBy(() -> FileDescriptors.fdOf(channel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is closed");
        FileInputStream in = new FileInputStream(Files.writeString(dir.resolve("c"), "").toFile());
        in.close();
        assertThatThrownBy(() -> FileDescriptors.fdOf(in))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is closed");
        assertThatThrownBy(() -> FileDescriptors.fdOf(new FileDescriptor()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is closed");
    }

    @Test
    void otherTypesAreRefusedNamingTheClass() {
        assertThatThrownBy(() -> FileDescriptors.fdOf("a string"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No file descriptor in a java.lang.String; supported: HasFileDescriptor");
        assertThatThrownBy(() -> FileDescriptors.fdOf(null)).hasMessage("No file descriptor in null");
        assertThatThrownBy(() -> FileDescriptors.fdOf(Integer.valueOf(3)))
                .hasMessageContaining("register the number itself with Multiplexer.register(int, int, Object)");
        assertThatThrownBy(() -> FileDescriptors.fdOf(java.nio.channels.Channels.newChannel(System.in)))
                .hasMessageStartingWith("No file descriptor in a java.nio.channels.Channels$ReadableByteChannelImpl");
    }

    @Test
    void withoutAddOpensTheMessageNamesTheFlag() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                NoOpensMain.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("channel: Cannot read the descriptor number of a JDK NIO channel: the JVM refuses"
                + " the access; start java with --add-opens java.base/sun.nio.ch=ALL-UNNAMED");
        assertThat(output).contains("file: Cannot read the descriptor number of a java.io.FileDescriptor: the JVM refuses"
                + " the access; start java with --add-opens java.base/java.io=ALL-UNNAMED");
    }

    /** Runs in a child JVM started without any --add-opens. */
    static final class NoOpensMain {
        public static void main(String[] args) throws IOException {
            try (SocketChannel channel = SocketChannel.open()) {
                FileDescriptors.fdOf(channel);
                System.out.println("channel: allowed");
            } catch (IllegalStateException e) {
                System.out.println("channel: " + e.getMessage());
            }
            try {
                FileDescriptors.fdOf(FileDescriptor.out);
                System.out.println("file: allowed");
            } catch (IllegalStateException e) {
                System.out.println("file: " + e.getMessage());
            }
        }
    }
}
