package io.procmux.codec.struct;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy iterators behind {@link RecordStruct#iterUnpack}: one new record per {@link #next()},
 * read by the binding at consecutive offsets. Not thread-safe (iterators never are); costs the
 * records and nothing else.
 */
abstract class RecordIterator<R extends Record> implements Iterator<R> {
    final RecordStruct<R> records;
    final int end;
    int at;

    RecordIterator(RecordStruct<R> records, int start, int end) {
        this.records = records;
        this.at = start;
        this.end = end;
    }

    @Override
    public final boolean hasNext() {
        return at < end;
    }

    @Override
    public final R next() {
        int here = at;
        if (here >= end) {
            throw new NoSuchElementException("no more structs of '" + records.struct().format() + "'");
        }
        @SuppressWarnings("unchecked")
        R r = (R) read(here);
        at = here + records.size;
        return r;
    }

    abstract Object read(int offset);

    /** Over a byte array. */
    static final class OfArray<R extends Record> extends RecordIterator<R> {
        private final byte[] data;

        OfArray(RecordStruct<R> records, byte[] data) {
            super(records, 0, data.length);
            this.data = data;
        }

        @Override
        Object read(int offset) {
            return records.read(data, offset);
        }
    }

    /** Over a buffer's remaining bytes, by absolute index; the position is left alone. */
    static final class OfBuffer<R extends Record> extends RecordIterator<R> {
        private final ByteBuffer data;

        OfBuffer(RecordStruct<R> records, ByteBuffer data) {
            super(records, data.position(), data.limit());
            this.data = data;
        }

        @Override
        Object read(int offset) {
            return records.read(data, offset);
        }
    }
}
