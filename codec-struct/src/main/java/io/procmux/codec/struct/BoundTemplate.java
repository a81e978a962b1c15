package io.procmux.codec.struct;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;

/**
 * Never loaded as itself: {@link Bound#of} defines a hidden copy of this class file per binding,
 * with the binding's four trees as class data, so each copy's {@code static final} fields hold
 * that binding's trees as JIT constants. (Loaded as an ordinary class, its fields stay null.)
 */
final class BoundTemplate extends Bound {
    private static final MethodHandle UNPACK_ARRAY = tree(0);
    private static final MethodHandle UNPACK_BUFFER = tree(1);
    private static final MethodHandle PACK_ARRAY = tree(2);
    private static final MethodHandle PACK_BUFFER = tree(3);

    private static MethodHandle tree(int index) {
        try {
            return MethodHandles.classDataAt(MethodHandles.lookup(), "_", MethodHandle.class, index);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("class data of a binding", e);
        }
    }

    @Override
    Object unpackArray(byte[] buf, int at) throws Throwable {
        return (Object) UNPACK_ARRAY.invokeExact(buf, at);
    }

    @Override
    Object unpackBuffer(ByteBuffer buf, int at) throws Throwable {
        return (Object) UNPACK_BUFFER.invokeExact(buf, at);
    }

    @Override
    void packArray(byte[] buf, int at, Object value) throws Throwable {
        PACK_ARRAY.invokeExact(buf, at, value);
    }

    @Override
    void packBuffer(ByteBuffer buf, int at, Object value) throws Throwable {
        PACK_BUFFER.invokeExact(buf, at, value);
    }
}
