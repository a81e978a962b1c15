package io.procmux.ipc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The address of a Unix domain socket: a filesystem path, or a name in Linux's abstract namespace
 * (which has no permissions, so it is only used when asked for by {@link #abstractName}).
 *
 * <p>Validation is exact and happens here, before any socket exists: the length counts the bytes
 * of the path as the file system encodes it (UTF-8), and a path that does not fit {@code sun_path}
 * is refused with its length and the limit rather than truncated.
 */
public final class UnixAddress {

    /** The longest path, in bytes, that {@code sun_path} holds with its terminating NUL: 107 on Linux, 103 on macOS. */
    public static final int MAX_PATH_BYTES =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? 103 : 107;

    private final String text;
    private final boolean isAbstract;

    private UnixAddress(String text, boolean isAbstract) {
        this.text = text;
        this.isAbstract = isAbstract;
    }

    /**
     * An address at a filesystem path.
     *
     * @throws IllegalArgumentException for an empty path, one containing NUL, or one longer than
     *     {@link #MAX_PATH_BYTES} bytes (the message gives both numbers)
     */
    public static UnixAddress of(Path path) {
        return ofPath(path.toString());
    }

    /** {@link #of(Path)} from a string. */
    public static UnixAddress ofPath(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("A Unix socket path must not be empty");
        }
        checkNoNul(path);
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("Unix socket path is " + bytes + " bytes long; the limit is "
                    + MAX_PATH_BYTES + " bytes: " + path);
        }
        return new UnixAddress(path, false);
    }

    /**
     * An address in Linux's abstract namespace (no file, no permissions: any local user can connect).
     *
     * @throws IllegalArgumentException for an empty name, one with NUL, or one longer than
     *     {@code MAX_PATH_BYTES} bytes
     */
    public static UnixAddress abstractName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An abstract socket name must not be empty");
        }
        checkNoNul(name);
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("Abstract socket name is " + bytes + " bytes long; the limit is "
                    + MAX_PATH_BYTES + " bytes");
        }
        return new UnixAddress(name, true);
    }

    private static void checkNoNul(String text) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException("Unix socket address contains a NUL character at index " + nul);
        }
    }

    /** Whether this is an abstract-namespace name rather than a path. */
    public boolean isAbstract() {
        return isAbstract;
    }

    /** The filesystem path, or empty for an abstract name. */
    public Optional<Path> path() {
        return isAbstract ? Optional.empty() : Optional.of(Path.of(text));
    }

    /** The path or abstract name as text. */
    public String text() {
        return text;
    }

    /** The bytes that go into {@code sun_path} (without the terminating NUL; abstract names without the leading NUL). */
    public byte[] encoded() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixAddress other && other.isAbstract == isAbstract && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + (isAbstract ? 1 : 0);
    }

    @Override
    public String toString() {
        return isAbstract ? "@" + text : text;
    }
}
