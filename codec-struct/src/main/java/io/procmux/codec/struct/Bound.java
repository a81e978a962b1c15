package io.procmux.codec.struct;

import static java.lang.invoke.MethodType.methodType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The four method-handle trees of one binding (unpack and pack, on a byte array and on a
 * ByteBuffer), behind plain virtual methods. {@link #of} puts the trees in {@code static final}
 * fields of a hidden class made for the binding ({@link BoundTemplate}), where the JIT treats
 * them as constants and inlines each tree into one straight-line method. Trees held in ordinary
 * instance fields, as the fallback does, are not constants to the JIT: every call then walks the
 * tree through the method-handle interpreter (measured: 2.4x slower for a 3-field pack).
 *
 * <p>Cost: {@link #of} defines one small hidden class (tens of microseconds); a call is one
 * virtual call into code with the tree inlined. Instances are immutable and thread-safe.
 */
abstract class Bound {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** (byte[] buf, int at) -> Object. */
    abstract Object unpackArray(byte[] buf, int at) throws Throwable;

    /** (ByteBuffer buf, int at) -> Object. */
    abstract Object unpackBuffer(ByteBuffer buf, int at) throws Throwable;

    /** (byte[] buf, int at, Object value) -> void. */
    abstract void packArray(byte[] buf, int at, Object value) throws Throwable;

    /** (ByteBuffer buf, int at, Object value) -> void. */
    abstract void packBuffer(ByteBuffer buf, int at, Object value) throws Throwable;

    /**
     * The step from one struct to the next, which is {@code size}: the generated boxed code
     * ({@link BoxedClass}) returns it as a constant, so an iterator's loop has a constant stride
     * (a counted loop, its bounds checks hoisted), which a load of the size from a field is not.
     */
    int stride(int size) {
        return size;
    }

    /** Binds four trees of the shapes above; spins a hidden class when it can, else falls back to fields. */
    static Bound of(MethodHandle unpackArray, MethodHandle unpackBuffer, MethodHandle packArray,
            MethodHandle packBuffer) {
        Bound spun = spun(unpackArray, unpackBuffer, packArray, packBuffer);
        return spun != null ? spun : new InFields(unpackArray.asType(methodType(Object.class, byte[].class, int.class)),
                unpackBuffer.asType(methodType(Object.class, ByteBuffer.class, int.class)),
                packArray.asType(methodType(void.class, byte[].class, int.class, Object.class)),
                packBuffer.asType(methodType(void.class, ByteBuffer.class, int.class, Object.class)));
    }

    /** The trees in a hidden class, or null when one cannot be defined here (a security manager, an agent). */
    static @Nullable Bound spun(MethodHandle unpackArray, MethodHandle unpackBuffer, MethodHandle packArray,
            MethodHandle packBuffer) {
        List<MethodHandle> trees = List.of(unpackArray.asType(methodType(Object.class, byte[].class, int.class)),
                unpackBuffer.asType(methodType(Object.class, ByteBuffer.class, int.class)),
                packArray.asType(methodType(void.class, byte[].class, int.class, Object.class)),
                packBuffer.asType(methodType(void.class, ByteBuffer.class, int.class, Object.class)));
        byte[] template = Template.BYTES;
        if (template != null) {
            try {
                MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(template, trees, true);
                return (Bound) hidden.findConstructor(hidden.lookupClass(), methodType(void.class)).invoke();
            } catch (Throwable e) {
                return null; // a security manager or an agent refused the hidden class
            }
        }
        return null;
    }

    /** The class file of {@link BoundTemplate}, read once; null when it cannot be read. */
    private static final class Template {
        static final byte @Nullable [] BYTES = read();

        private static byte @Nullable [] read() {
            try (InputStream in = Bound.class.getResourceAsStream("BoundTemplate.class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** The fallback: trees in instance fields, run by the method-handle interpreter. */
    private static final class InFields extends Bound {
        private final MethodHandle unpackArray;
        private final MethodHandle unpackBuffer;
        private final MethodHandle packArray;
        private final MethodHandle packBuffer;

        InFields(MethodHandle unpackArray, MethodHandle unpackBuffer, MethodHandle packArray,
                MethodHandle packBuffer) {
            this.unpackArray = unpackArray;
            this.unpackBuffer = unpackBuffer;
            this.packArray = packArray;
            this.packBuffer = packBuffer;
        }

        @Override
        Object unpackArray(byte[] buf, int at) throws Throwable {
            return (Object) unpackArray.invokeExact(buf, at);
        }

        @Override
        Object unpackBuffer(ByteBuffer buf, int at) throws Throwable {
            return (Object) unpackBuffer.invokeExact(buf, at);
        }

        @Override
        void packArray(byte[] buf, int at, Object value) throws Throwable {
            packArray.invokeExact(buf, at, value);
        }

        @Override
        void packBuffer(ByteBuffer buf, int at, Object value) throws Throwable {
            packBuffer.invokeExact(buf, at, value);
        }
    }
}
