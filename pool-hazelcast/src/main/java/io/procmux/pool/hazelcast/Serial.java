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
     * The value encoded in {@code bytes}, read through {@code filter}; classes are looked up in
     * {@code loader} first when given (the class loader of an embedded member's pool), then as
     * Java serialization does by default.
     *
     * @throws ClassRefusedException naming the class the filter refused and how to allow it
     * @throws IllegalStateException naming what could not be read (a class missing on this member)
     */
    static @Nullable Object decode(byte[] bytes, String what, AllowList filter, @Nullable ClassLoader loader) {
        AllowList.takeRefused();
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        try (ObjectInputStream in = loader == null ? new ObjectInputStream(source) : new Loading(source, loader)) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            String refused = AllowList.takeRefused();
            if (refused != null) {
                String entry = filter.blockedBy(refused);
                throw new ClassRefusedException(refused, what, ProcessHandle.current().pid(), entry == null ? "" : entry);
            }
            throw unreadable(what, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the " + what + " in JVM " + ProcessHandle.current().pid()
                    + ": class " + e.getMessage() + " is not found there. A member in another JVM (or a member's worker)"
                    + " loads task classes from its own class path; an embedded member from the class loader that was"
                    + " the context class loader when the pool was created", e);
        } catch (IOException e) {
            throw unreadable(what, e);
        }
    }

    private static IllegalStateException unreadable(String what, Exception e) {
        return new IllegalStateException("cannot read the " + what + " on " + ProcessHandle.current().pid() + ": " + e, e);
    }

    /** A stream that resolves classes in a given loader first. */
    private static final class Loading extends ObjectInputStream {
        private final ClassLoader loader;

        Loading(java.io.InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
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
