package io.procmux.codec.struct;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy iterators behind {@link RecordStruct#iterUnpack}: one new record per {@code next()},
 * read by the binding at consecutive offsets. Not thread-safe (iterators never are); costs the
 * records and nothing else.
 */
final class RecordIterator {
    private RecordIterator() {
    }

    static NoSuchElementException exhausted(RecordStruct<?> records) {
        return new NoSuchElementException("no more structs of '" + records.struct().format() + "'");
    }

    /** Over a byte array. */
    static final class OfArray<R extends Record> implements Iterator<R> {
        private final RecordStruct<R> records;
        private final byte[] data;
        private int at;

        OfArray(RecordStruct<R> records, byte[] data) {
            this.records = records;
            this.data = data;
        }

        @Override
        public boolean hasNext() {
            return at < data.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public R next() {
            int here = at;
            if (here >= data.length) {
                throw exhausted(records);
            }
            R r = (R) records.read(data, here);
            at = here + records.stride();
            return r;
        }
    }

    /** Over a buffer's remaining bytes, by absolute index; the position is left alone. */
    static final class OfBuffer<R extends Record> implements Iterator<R> {
        private final RecordStruct<R> records;
        private final ByteBuffer data;
        private final int end;
        private int at;

        OfBuffer(RecordStruct<R> records, ByteBuffer data) {
            this.records = records;
            this.data = data;
            this.at = data.position();
            this.end = data.limit();
        }

        @Override
        public boolean hasNext() {
            return at < end;
        }

        @Override
        @SuppressWarnings("unchecked")
        public R next() {
            int here = at;
            if (here >= end) {
                throw exhausted(records);
            }
            R r = (R) records.read(data, here);
            at = here + records.stride();
            return r;
        }
    }
}
