package io.procmux.codec.struct;

import java.nio.ByteBuffer;

/**
 * The fallback binding, used where the JVM refuses to define the generated class: the
 * {@link RecordBinder} method-handle trees behind a {@link Bound}. Same bytes, values and errors
 * as the generated class, several times slower per call.
 *
 * <p>Cost: the trees' composition once; per call one virtual call into the trees. Immutable and
 * thread-safe.
 */
final class TreeRecordStruct<R extends Record> extends RecordStruct<R> {
    private final Layout layout;
    private final Bound bound;

    TreeRecordStruct(Struct struct, Class<R> type, RecordBinder.Parts parts) {
        super(struct, type);
        this.layout = struct.layout;
        RecordBinder.Handles handles = RecordBinder.trees(struct, parts);
        this.bound = Bound.of(handles.unpackArray(), handles.unpackBuffer(), handles.packArray(),
                handles.packBuffer());
    }

    @Override
    void packInto0(byte[] buffer, int offset, Object record) {
        write(buffer, packAt(buffer, offset, size), record);
    }

    @Override
    Object unpack0(byte[] data) {
        checkLength(data, size, layout);
        return read(data, 0);
    }

    @Override
    Object unpackFrom0(byte[] data, int offset) {
        return read(data, unpackAt(data, offset, size));
    }

    @Override
    void write(byte[] buffer, int at, Object record) {
        try {
            bound.packArray(buffer, at, record);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    void write(ByteBuffer buffer, int at, Object record) {
        try {
            bound.packBuffer(buffer, at, record);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int stride() {
        return size;
    }

    @Override
    Object read(byte[] data, int at) {
        checkUnpackable(layout);
        try {
            return bound.unpackArray(data, at);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    Object read(ByteBuffer data, int at) {
        checkUnpackable(layout);
        try {
            return bound.unpackBuffer(data, at);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new StructException("record " + type().getSimpleName() + " failed: " + t, t);
    }
}
