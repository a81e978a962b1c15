package io.procmux.cli.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where {@code procmux serve} listens: a TCP {@code HOST:PORT} or a Unix-domain socket path,
 * checked when parsed so that a bad flag is a usage error before anything is opened.
 * Immutable; parsing a host name may consult the resolver once.
 */
public sealed interface ServeAddress {

    /** Longest Unix socket path in bytes: {@code sun_path} is 108 bytes on Linux, with its NUL. */
    int MAX_UNIX_PATH_BYTES = 107;

    /** The JDK socket address to bind. */
    SocketAddress socketAddress();

    /** The protocol family of the listening channel. */
    StandardProtocolFamily family();

    /** A TCP address; port 0 asks the kernel for a free port. */
    record Tcp(InetSocketAddress address) implements ServeAddress {
        @Override
        public SocketAddress socketAddress() {
            return address;
        }

        @Override
        public StandardProtocolFamily family() {
            return address.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6
                    : StandardProtocolFamily.INET;
        }
    }

    /** A Unix-domain socket file; the server creates it and removes it on shutdown. */
    record Unix(Path path) implements ServeAddress {
        @Override
        public SocketAddress socketAddress() {
            return UnixDomainSocketAddress.of(path);
        }

        @Override
        public StandardProtocolFamily family() {
            return StandardProtocolFamily.UNIX;
        }
    }

    /**
     * Parses {@code HOST:PORT}: a name or IPv4 address, or an IPv6 address in brackets
     * ({@code [::1]:8080}); the port 0..65535.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Tcp parseTcp(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Expected HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:0), got '" + text + "'");
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("An IPv6 address needs brackets: [" + host + "]:" + portText);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Missing host in '" + text + "'; use 0.0.0.0 for every interface");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port '" + portText + "' in '" + text + "' is not a number", e);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " in '" + text + "' is not in 0..65535");
        }
        try {
            return new Tcp(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host '" + host + "' in '" + text + "'", e);
        }
    }

    /**
     * Checks a Unix socket path: not empty, no NUL, at most {@link #MAX_UNIX_PATH_BYTES} bytes.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Unix parseUnix(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The Unix socket path is empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The Unix socket path contains a NUL character");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UNIX_PATH_BYTES) {
            throw new IllegalArgumentException("The Unix socket path is " + bytes + " bytes long; the limit is "
                    + MAX_UNIX_PATH_BYTES + " (sun_path): use a shorter path or a relative one");
        }
        return new Unix(Path.of(text));
    }

    /** How {@code listening on ...} names a bound address: {@code 127.0.0.1:8080}, {@code [::1]:8080}, or the path. */
    static String describe(SocketAddress bound) {
        if (bound instanceof InetSocketAddress inet) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        if (bound instanceof UnixDomainSocketAddress unix) {
            return unix.getPath().toString();
        }
        return bound.toString();
    }
}
