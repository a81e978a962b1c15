package io.procmux.codec.struct;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy iterator behind {@link Struct#iterUnpack(byte[])}: unpacks one struct per
 * {@link #next()} through the struct's byte-array path (specialised once the struct is hot).
 * Not thread-safe (iterators never are); costs one result array per struct.
 */
final class ArrayStructIterator implements Iterator<Object[]> {
    private final Struct struct;
    private final byte[] data;
    private final int size;
    private int at;

    ArrayStructIterator(Struct struct, byte[] data) {
        this.struct = struct;
        this.data = data;
        this.size = struct.size();
    }

    @Override
    public boolean hasNext() {
        return at < data.length;
    }

    @Override
    public Object[] next() {
        if (at >= data.length) {
            throw new NoSuchElementException("no more structs of '" + struct.format() + "'");
        }
        Object[] out = struct.unpackArray(data, at);
        at += size;
        return out;
    }
}
