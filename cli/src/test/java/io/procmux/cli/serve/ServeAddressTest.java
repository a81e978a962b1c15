package io.procmux.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServeAddressTest {
    @Test
    void parsesIpv4NamesAndBracketedIpv6() {
        ServeAddress.Tcp v4 = ServeAddress.parseTcp("127.0.0.1:8080");
        assertThat(v4.address().getPort()).isEqualTo(8080);
        assertThat(v4.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(v4.family()).isEqualTo(StandardProtocolFamily.INET);
        ServeAddress.Tcp v6 = ServeAddress.parseTcp("[::1]:0");
        assertThat(v6.family()).isEqualTo(StandardProtocolFamily.INET6);
        assertThat(ServeAddress.parseTcp("localhost:1").address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void refusesBadHostPortSayingWhy() {
        assertThatThrownBy(() -> ServeAddress.parseTcp("8080")).hasMessageStartingWith("Expected HOST:PORT");
        assertThatThrownBy(() -> ServeAddress.parseTcp(":8080")).hasMessageStartingWith("Missing host in ':8080'");
        assertThatThrownBy(() -> ServeAddress.parseTcp("host:http")).hasMessage("Port 'http' in 'host:http' is not a number");
        assertThatThrownBy(() -> ServeAddress.parseTcp("127.0.0.1:65536")).hasMessage("Port 65536 in '127.0.0.1:65536' is not in 0..65535");
        assertThatThrownBy(() -> ServeAddress.parseTcp("127.0.0.1:-1")).hasMessage("Port -1 in '127.0.0.1:-1' is not in 0..65535");
        assertThatThrownBy(() -> ServeAddress.parseTcp("::1:80")).hasMessage("An IPv6 address needs brackets: [::1]:80");
        assertThatThrownBy(() -> ServeAddress.parseTcp("no-such-host.invalid:80")).hasMessageStartingWith("Unknown host 'no-such-host.invalid'");
    }

    @Test
    void unixPathsAreCheckedAgainstSunPath() {
        assertThat(ServeAddress.parseUnix("/tmp/x.sock").path()).isEqualTo(Path.of("/tmp/x.sock"));
        String longest = "/" + "a".repeat(ServeAddress.MAX_UNIX_PATH_BYTES - 1);
        assertThat(ServeAddress.parseUnix(longest).path().toString()).hasSize(107);
        assertThatThrownBy(() -> ServeAddress.parseUnix(longest + "b"))
                .hasMessage("The Unix socket path is 108 bytes long; the limit is 107 (sun_path): use a shorter path or a relative one");
        assertThatThrownBy(() -> ServeAddress.parseUnix("")).hasMessage("The Unix socket path is empty");
        assertThatThrownBy(() -> ServeAddress.parseUnix("a\0b")).hasMessage("The Unix socket path contains a NUL character");
    }

    @Test
    void describesBoundAddressesLikeTheListeningLine() {
        assertThat(ServeAddress.describe(new InetSocketAddress("127.0.0.1", 7))).isEqualTo("127.0.0.1:7");
        assertThat(ServeAddress.describe(new InetSocketAddress("::1", 7))).isEqualTo("[0:0:0:0:0:0:0:1]:7");
        assertThat(ServeAddress.describe(UnixDomainSocketAddress.of("/tmp/s"))).isEqualTo("/tmp/s");
    }
}
