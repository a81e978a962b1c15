package io.procmux.codec.struct;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy iterator behind {@link Struct#iterUnpack}: unpacks one struct per {@link #next()}.
 * Not thread-safe (iterators never are); costs one result array per struct.
 */
final class StructIterator<B> implements Iterator<Object[]> {
    private final Layout layout;
    private final Io<B> io;
    private final B buf;
    private final int end;
    private int at;

    StructIterator(Layout layout, Io<B> io, B buf, int start, int end) {
        this.layout = layout;
        this.io = io;
        this.buf = buf;
        this.at = start;
        this.end = end;
    }

    @Override
    public boolean hasNext() {
        return at < end;
    }

    @Override
    public Object[] next() {
        if (at >= end) {
            throw new NoSuchElementException("no more structs of '" + layout.format + "'");
        }
        Object[] out = Unpacker.unpack(layout, io, buf, at);
        at += layout.size;
        return out;
    }
}
