package io.procmux.codec.struct;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The lazy iterator behind {@link Struct#iterUnpack(byte[])}: unpacks one struct per
 * {@link #next()} through the struct's byte-array path. Once the struct has specialised (see
 * {@link BoxedPath}), the iterator holds the generated code itself and steps by its constant
 * stride, so a loop over the iterator compiles like a hand-written loop over the offsets.
 * Not thread-safe (iterators never are); costs one result array per struct.
 */
final class ArrayStructIterator implements Iterator<Object[]> {
    private final Struct struct;
    private final byte[] data;
    private final int size;
    private @Nullable Bound fast;
    private int at;

    ArrayStructIterator(Struct struct, byte[] data) {
        this.struct = struct;
        this.data = data;
        this.size = struct.size();
        this.fast = struct.boxedBound();
    }

    @Override
    public boolean hasNext() {
        return at < data.length;
    }

    @Override
    public Object[] next() {
        int here = at;
        if (here >= data.length) {
            throw new NoSuchElementException("no more structs of '" + struct.format() + "'");
        }
        Bound f = fast;
        if (f == null) {
            Object[] out = struct.unpackArray(data, here); // counts towards specialising
            fast = struct.boxedBound();
            at = here + size;
            return out;
        }
        try {
            Object[] out = (Object[]) f.unpackArray(data, here);
            at = here + f.stride(size);
            return out;
        } catch (Throwable t) {
            throw BoxedPath.rethrow(t);
        }
    }
}
