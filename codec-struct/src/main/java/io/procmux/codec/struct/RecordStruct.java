package io.procmux.codec.struct;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A {@link Struct} bound to a record type: packs a record's components, in declaration order, and
 * unpacks into a new record through its canonical constructor. Obtained from
 * {@link Struct#of(Class, String)}.
 *
 * <p>Component types: integer codes take {@code byte}/{@code short}/{@code int}/{@code long} (any
 * type wide enough for every value the code can unpack, so unpacking never truncates) or
 * {@code BigInteger}; the unsigned 64-bit codes (Q, N, native L, P) also take {@code long}, carrying
 * the raw bits as Java's unsigned helpers do. {@code ?} takes {@code boolean}; e and f take
 * {@code float} or {@code double}, d takes {@code double}; c, s and p take {@code byte[]}. Packing
 * range-checks narrower codes and raises {@link StructException} with CPython's wording, exactly as
 * {@link Struct#pack} does.
 *
 * <p>Cost: binding builds method-handle trees once (reflection and composition, in which the JDK
 * spins a class per new handle shape: about a millisecond for a few fields, tens of milliseconds
 * for 32 on a busy 2-core machine, so bind once and keep the binding) and defines one small hidden class that holds them as JIT constants. Each call
 * is then one virtual call into straight-line code that reads or writes primitives directly:
 * packing allocates nothing (except the result of {@link #pack(Record)}), unpacking allocates the
 * record and its byte[] components, and nothing is boxed. Immutable and thread-safe.
 *
 * @param <R> the record type
 */
public final class RecordStruct<R extends Record> {
    private final Struct struct;
    private final Class<R> type;
    private final Bound bound;

    RecordStruct(Struct struct, Class<R> type) {
        this.struct = struct;
        this.type = Objects.requireNonNull(type, "type");
        RecordBinder.Handles handles = RecordBinder.bind(struct, type);
        this.bound = Bound.of(handles.unpackArray(), handles.unpackBuffer(), handles.packArray(),
                handles.packBuffer());
    }

    /** The compiled format. */
    public Struct struct() {
        return struct;
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** The packed size in bytes. */
    public int size() {
        return struct.layout.size;
    }

    /** Packs a record into a new array. */
    public byte[] pack(R record) {
        Objects.requireNonNull(record, "record");
        byte[] out = new byte[struct.layout.size];
        write(out, 0, record);
        return out;
    }

    /** Packs a record into {@code buffer} at {@code offset} (negative: from the end), zeroing pad bytes. */
    public void packInto(byte[] buffer, int offset, R record) {
        Objects.requireNonNull(record, "record");
        write(buffer, struct.packOffset(buffer.length, offset), record);
    }

    /**
     * Packs a record at the buffer's position and advances it.
     *
     * @throws BufferOverflowException when fewer than {@link #size()} bytes remain (nothing is written)
     */
    public void packInto(ByteBuffer buffer, R record) {
        Objects.requireNonNull(record, "record");
        struct.checkRoom(buffer);
        int at = buffer.position();
        try {
            bound.packBuffer(buffer, at, record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new StructException("packing " + type.getSimpleName() + " failed: " + t, t);
        }
        buffer.position(at + struct.layout.size);
    }

    /** Unpacks exactly {@link #size()} bytes into a new record. */
    public R unpack(byte[] data) {
        if (data.length != struct.layout.size) {
            throw new StructException("unpack requires a buffer of " + struct.layout.size + " bytes (got "
                    + data.length + ") for '" + struct.layout.format + "'");
        }
        return read(data, 0);
    }

    /** Unpacks {@link #size()} bytes at {@code offset} (negative: from the end) into a new record. */
    public R unpackFrom(byte[] data, int offset) {
        return read(data, struct.unpackOffset(data.length, offset));
    }

    /** Unpacks {@link #size()} bytes at the buffer's position into a new record and advances it. */
    public R unpackFrom(ByteBuffer data) {
        struct.checkAvailable(data);
        checkUnpackable();
        int at = data.position();
        Object r;
        try {
            r = bound.unpackBuffer(data, at);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new StructException("unpacking " + type.getSimpleName() + " failed: " + t, t);
        }
        data.position(at + struct.layout.size);
        return cast(r);
    }

    @Override
    public String toString() {
        return "RecordStruct(" + type.getSimpleName() + ", '" + struct.layout.format + "')";
    }

    private void write(byte[] buffer, int at, R record) {
        try {
            bound.packArray(buffer, at, record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new StructException("packing " + type.getSimpleName() + " failed: " + t, t);
        }
    }

    private R read(byte[] data, int at) {
        checkUnpackable();
        Object r;
        try {
            r = bound.unpackArray(data, at);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new StructException("unpacking " + type.getSimpleName() + " failed: " + t, t);
        }
        return cast(r);
    }

    private void checkUnpackable() {
        if (struct.layout.zeroPascalPos >= 0) {
            throw Unpacker.zeroPascal(struct.layout);
        }
    }

    @SuppressWarnings("unchecked")
    private R cast(Object r) {
        return (R) r;
    }
}
