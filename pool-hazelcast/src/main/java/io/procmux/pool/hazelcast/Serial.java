package io.procmux.pool.hazelcast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Java serialization of task functions, arguments and outcomes into byte arrays, done in the
 * submitting thread so that what cannot be shipped is refused there, naming its class; Hazelcast
 * then only carries byte arrays. Members trust each other: decoding is not filtered.
 *
 * <p>Cost: one stream and one array per value.
 */
final class Serial {
    private Serial() {
    }

    /**
     * The bytes of {@code value}.
     *
     * @throws IllegalArgumentException naming {@code what}, the value's class and the class that failed
     */
    static byte[] encode(@Nullable Object value, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new IllegalArgumentException("Cannot send the " + what + " (" + type + ") to the cluster: "
                    + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * The value encoded in {@code bytes}.
     *
     * @throws IllegalStateException naming what could not be read (a class missing on this member)
     */
    static @Nullable Object decode(byte[] bytes, String what) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the " + what + " on "
                    + ProcessHandle.current().pid() + ": " + e, e);
        }
    }
}
