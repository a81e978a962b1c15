package io.procmux.codec.struct;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Iterator;
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
 * <p>Cost: binding generates one small hidden class for the record and format (see
 * {@code RecordClass}; well under a millisecond for a few fields, a few milliseconds for 32 on a
 * busy 2-core machine, so bind once and keep the binding). Each call then runs one straight-line
 * method: one offset check, and per component a load or store at a constant offset with the code's
 * range check. Packing allocates nothing (except the result of {@link #pack(Record)}); unpacking
 * allocates the record and its byte[] components; nothing is boxed. Where the JVM refuses hidden
 * classes, the binding runs method-handle trees instead, several times slower, with the same
 * results. Immutable and thread-safe.
 *
 * @param <R> the record type
 */
public abstract class RecordStruct<R extends Record> {
    private final Struct struct;
    private final Class<R> type;
    final int size;

    RecordStruct(Struct struct, Class<R> type) {
        this.struct = struct;
        this.type = type;
        this.size = struct.layout.size;
    }

    /** Binds {@code type} to {@code struct}: generated code where the JVM allows it, else method-handle trees. */
    static <R extends Record> RecordStruct<R> create(Struct struct, Class<R> type, boolean generate) {
        Objects.requireNonNull(type, "type");
        RecordBinder.Parts parts = RecordBinder.parts(struct.layout, type);
        RecordStruct<R> generated = generate ? RecordClass.define(struct, type, parts) : null;
        return generated != null ? generated : new TreeRecordStruct<>(struct, type, parts);
    }

    /** The compiled format. */
    public final Struct struct() {
        return struct;
    }

    /** The record type. */
    public final Class<R> type() {
        return type;
    }

    /** The packed size in bytes. */
    public final int size() {
        return size;
    }

    /** Packs a record into a new array. */
    public final byte[] pack(R record) {
        Objects.requireNonNull(record, "record");
        byte[] out = new byte[size];
        write(out, 0, record);
        return out;
    }

    /** Packs a record into {@code buffer} at {@code offset} (negative: from the end), zeroing pad bytes. */
    public final void packInto(byte[] buffer, int offset, R record) {
        Objects.requireNonNull(record, "record");
        packInto0(buffer, offset, record);
    }

    /**
     * Packs a record at the buffer's position and advances it.
     *
     * @throws BufferOverflowException when fewer than {@link #size()} bytes remain (nothing is written)
     */
    public final void packInto(ByteBuffer buffer, R record) {
        Objects.requireNonNull(record, "record");
        struct.checkRoom(buffer);
        int at = buffer.position();
        write(buffer, at, record);
        buffer.position(at + size);
    }

    /** Unpacks exactly {@link #size()} bytes into a new record. */
    public final R unpack(byte[] data) {
        return cast(unpack0(data));
    }

    /** Unpacks {@link #size()} bytes at {@code offset} (negative: from the end) into a new record. */
    public final R unpackFrom(byte[] data, int offset) {
        return cast(unpackFrom0(data, offset));
    }

    /** Unpacks {@link #size()} bytes at the buffer's position into a new record and advances it. */
    public final R unpackFrom(ByteBuffer data) {
        struct.checkAvailable(data);
        int at = data.position();
        Object r = read(data, at);
        data.position(at + size);
        return cast(r);
    }

    /**
     * Unpacks consecutive structs from the whole array into new records, lazily (CPython's
     * {@code iter_unpack}). The iterator allocates one record per struct and nothing else.
     *
     * @throws StructException when the size is zero or the length is not a multiple of it
     */
    public final Iterator<R> iterUnpack(byte[] data) {
        struct.checkIterable(data.length);
        return new RecordIterator.OfArray<>(this, data);
    }

    /**
     * Unpacks consecutive structs from the buffer's remaining bytes into new records, lazily. The
     * buffer's position is not moved; do not change its contents while iterating.
     *
     * @throws StructException when the size is zero or the remaining length is not a multiple of it
     */
    public final Iterator<R> iterUnpack(ByteBuffer data) {
        struct.checkIterable(data.remaining());
        return new RecordIterator.OfBuffer<>(this, data);
    }

    @Override
    public final String toString() {
        return "RecordStruct(" + type.getSimpleName() + ", '" + struct.layout.format + "')";
    }

    // ---- what a binding implements; the generated class has the layout's constants inlined ----

    /** Checks {@code offset} with CPython's pack_into rules, then writes. */
    abstract void packInto0(byte[] buffer, int offset, Object record);

    /** Checks that {@code data} is exactly the struct's size, then reads. */
    abstract Object unpack0(byte[] data);

    /** Checks {@code offset} with CPython's unpack_from rules, then reads. */
    abstract Object unpackFrom0(byte[] data, int offset);

    /** Zeroes pads (if any) and writes every component at {@code at}; the caller has checked the room. */
    abstract void write(byte[] buffer, int at, Object record);

    abstract void write(ByteBuffer buffer, int at, Object record);

    /** Reads a new record at {@code at}; the caller has checked that the bytes are there. */
    abstract Object read(byte[] data, int at);

    /**
     * {@link #size()} as the generated class's constant: an iterator stepping by it lets the JIT
     * see a constant stride (a counted loop, with its bounds checks hoisted), which a load of the
     * {@code size} field, a final field of a non-hidden class, does not give.
     */
    abstract int stride();

    abstract Object read(ByteBuffer data, int at);

    // ---- checks the bindings call, with the struct's size as a constant ----

    static int packAt(byte[] buffer, int offset, int size) {
        return Struct.packOffset(buffer.length, offset, size);
    }

    static int unpackAt(byte[] data, int offset, int size) {
        return Struct.unpackOffset(data.length, offset, size);
    }

    static void checkLength(byte[] data, int size, Layout layout) {
        if (data.length != size) {
            throw new StructException("unpack requires a buffer of " + size + " bytes (got " + data.length
                    + ") for '" + layout.format + "'");
        }
    }

    static void checkUnpackable(Layout layout) {
        if (layout.zeroPascalPos >= 0) {
            throw Unpacker.zeroPascal(layout);
        }
    }

    @SuppressWarnings("unchecked")
    private R cast(Object r) {
        return (R) r;
    }
}
