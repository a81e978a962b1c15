package io.procmux.pool.hazelcast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Java serialization of task functions, arguments and outcomes into byte arrays, done in the
 * submitting thread so that what cannot be shipped is refused there, naming its class; Hazelcast
 * then only carries byte arrays. Every decoding goes through an {@link AllowList}; encoding a task
 * can teach the submitting JVM's list the classes it wrote.
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
        return encode(value, what, null);
    }

    /**
     * The bytes of {@code value}; every class written is {@linkplain AllowList#learn learned} by
     * {@code learner} when given.
     *
     * @throws IllegalArgumentException naming {@code what}, the value's class and the class that failed
     */
    static byte[] encode(@Nullable Object value, String what, @Nullable AllowList learner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = learner == null ? new ObjectOutputStream(bytes) : new Learning(bytes, learner)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new IllegalArgumentException("Cannot send the " + what + " (" + type + ") to the cluster: "
                    + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * The value encoded in {@code bytes}, read through {@code filter}.
     *
     * @throws ClassRefusedException naming the class the filter refused and how to allow it
     * @throws IllegalStateException naming what could not be read (a class missing on this member)
     */
    static @Nullable Object decode(byte[] bytes, String what, AllowList filter) {
        AllowList.takeRefused();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            String refused = AllowList.takeRefused();
            if (refused != null) {
                String entry = filter.blockedBy(refused);
                throw new ClassRefusedException(refused, what, ProcessHandle.current().pid(), entry == null ? "" : entry);
            }
            throw unreadable(what, e);
        } catch (IOException | ClassNotFoundException e) {
            throw unreadable(what, e);
        }
    }

    private static IllegalStateException unreadable(String what, Exception e) {
        return new IllegalStateException("cannot read the " + what + " on " + ProcessHandle.current().pid() + ": " + e, e);
    }

    /** A stream that tells an {@link AllowList} each class it writes. */
    private static final class Learning extends ObjectOutputStream {
        private final AllowList learner;

        Learning(OutputStream out, AllowList learner) throws IOException {
            super(out);
            this.learner = learner;
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            learner.learn(cl);
        }
    }
}
