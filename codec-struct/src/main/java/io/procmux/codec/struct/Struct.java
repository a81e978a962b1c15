package io.procmux.codec.struct;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A compiled Python {@code struct} format: packs values to bytes and unpacks bytes to values
 * exactly as CPython's {@code struct.Struct} does, byte for byte and error for error.
 *
 * <p>Values: integer codes take Byte, Short, Integer, Long, BigInteger or Boolean and unpack to
 * Long (an unsigned 64-bit value of 2^63 or more unpacks to BigInteger); e, f and d take any
 * Number (or Boolean) and unpack to Double; {@code ?} takes anything, judged by Python's truth
 * rules ({@code null}, zero, empty are false), and unpacks to Boolean; c, s and p take and return
 * byte[]. Anything else, and every value CPython refuses, raises {@link StructException}.
 *
 * <p>Offsets given with byte arrays follow CPython: a negative offset counts from the end. The
 * {@link ByteBuffer} overloads work on heap and direct buffers from their position and advance it;
 * they ignore the buffer's own byte order (the format says it).
 *
 * <p>Cost: {@link #compile} parses once; instances are immutable and thread-safe, so share them.
 * {@code pack} allocates the result array; {@code unpack} allocates the result array, boxes and
 * byte[] values, nothing else. After a couple of thousand calls on byte arrays, an instance
 * specialises itself (see {@code BoxedPath}) on a common ForkJoinPool thread, without making the
 * caller wait, and later calls run 2-4x faster. For loops that must not box, use {@link #of}
 * (records, as generated code) or {@link #longField} and its siblings (single fields, as generated
 * accessors; the index may be computed at run time, then keep the accessor). The static helpers
 * keep a small cache of compiled formats.
 */
public final class Struct {
    private static final int CACHE_LIMIT = 256;
    private static final ConcurrentHashMap<String, Struct> CACHE = new ConcurrentHashMap<>();

    final Layout layout;
    final Io<byte[]> arrayIo;
    final Io<ByteBuffer> bufferIo;
    private final BoxedPath boxed;
    private volatile @Nullable StructFields fields;
    /** The accessors made so far, by field index; a race makes one twice, and either is right. */
    private volatile StructField @Nullable [] accessors;

    private Struct(Layout layout) {
        this.layout = layout;
        this.arrayIo = Io.array(layout.mode.order);
        this.bufferIo = Io.buffer(layout.mode.order);
        this.boxed = new BoxedPath(this);
    }

    /**
     * Parses {@code format} once.
     *
     * @throws StructException when the format is malformed; the message names the bad character and its offset
     */
    public static Struct compile(String format) {
        return new Struct(FormatParser.parse(Objects.requireNonNull(format, "format")));
    }

    /** The format string this struct was compiled from. */
    public String format() {
        return layout.format;
    }

    /** The packed size in bytes (Python's {@code calcsize}). */
    public int size() {
        return layout.size;
    }

    /** How many values {@link #pack} takes and {@link #unpack} returns. */
    public int count() {
        return layout.valueCount;
    }

    /** Packs {@code values} into a new array of {@link #size()} bytes. */
    public byte[] pack(@Nullable Object... values) {
        checkCount("pack", values);
        byte[] out = new byte[layout.size];
        Bound fast = boxed.get();
        if (fast == null) {
            Packer.pack(layout, arrayIo, out, 0, values, true);
        } else {
            packFast(fast, out, 0, values);
        }
        return out;
    }

    /**
     * Packs {@code values} into {@code buffer} at {@code offset} (negative: from the end). The
     * struct's pad bytes are written as zeros.
     *
     * @throws StructException when the values do not fit the format or the buffer has too little room
     */
    public void packInto(byte[] buffer, int offset, @Nullable Object... values) {
        checkCount("pack_into", values);
        int at = packOffset(buffer.length, offset);
        Bound fast = boxed.get();
        if (fast == null) {
            Packer.pack(layout, arrayIo, buffer, at, values, false);
        } else {
            packFast(fast, buffer, at, values);
        }
    }

    private static void packFast(Bound fast, byte[] buffer, int at, @Nullable Object[] values) {
        try {
            fast.packArray(buffer, at, values);
        } catch (Throwable t) {
            throw BoxedPath.rethrow(t);
        }
    }

    /** The specialised boxed code once it is ready, else null (for the array iterator, and tests). */
    @Nullable Bound boxedBound() {
        return boxed.ready();
    }

    /** Unpacks at {@code at} of an array known to hold the struct there. */
    Object[] unpackArray(byte[] data, int at) {
        Bound fast = boxed.get();
        if (fast == null) {
            return Unpacker.unpack(layout, arrayIo, data, at);
        }
        try {
            return (Object[]) fast.unpackArray(data, at);
        } catch (Throwable t) {
            throw BoxedPath.rethrow(t);
        }
    }

    /**
     * Packs {@code values} at the buffer's position and advances it by {@link #size()}.
     *
     * @throws BufferOverflowException when fewer than {@link #size()} bytes remain (nothing is written)
     * @throws java.nio.ReadOnlyBufferException when the buffer is read-only
     */
    public void packInto(ByteBuffer buffer, @Nullable Object... values) {
        checkCount("pack_into", values);
        checkRoom(buffer);
        Packer.pack(layout, bufferIo, buffer, buffer.position(), values, false);
        buffer.position(buffer.position() + layout.size);
    }

    /** Unpacks exactly {@link #size()} bytes. @throws StructException when {@code data} has another length */
    public Object[] unpack(byte[] data) {
        if (data.length != layout.size) {
            throw new StructException("unpack requires a buffer of " + layout.size + " bytes (got " + data.length
                    + ") for '" + layout.format + "'");
        }
        return unpackArray(data, 0);
    }

    /**
     * Unpacks the buffer's remaining bytes, which must be exactly {@link #size()}, and advances the
     * position to the limit.
     */
    public Object[] unpack(ByteBuffer data) {
        if (data.remaining() != layout.size) {
            throw new StructException("unpack requires a buffer of " + layout.size + " bytes (got "
                    + data.remaining() + " remaining) for '" + layout.format + "'");
        }
        Object[] out = Unpacker.unpack(layout, bufferIo, data, data.position());
        data.position(data.limit());
        return out;
    }

    /** Unpacks {@link #size()} bytes at {@code offset} (negative: from the end); the rest is ignored. */
    public Object[] unpackFrom(byte[] data, int offset) {
        return unpackArray(data, unpackOffset(data.length, offset));
    }

    /** Unpacks {@link #size()} bytes at the buffer's position and advances it past them. */
    public Object[] unpackFrom(ByteBuffer data) {
        checkAvailable(data);
        Object[] out = Unpacker.unpack(layout, bufferIo, data, data.position());
        data.position(data.position() + layout.size);
        return out;
    }

    /**
     * Unpacks consecutive structs from the whole array, lazily, one array of values per struct.
     *
     * @throws StructException when the size is zero or the length is not a multiple of it
     */
    public Iterator<Object[]> iterUnpack(byte[] data) {
        checkIterable(data.length);
        return new ArrayStructIterator(this, data);
    }

    /**
     * Unpacks consecutive structs from the buffer's remaining bytes, lazily. The buffer's position
     * is not moved; do not change its contents while iterating.
     */
    public Iterator<Object[]> iterUnpack(ByteBuffer data) {
        checkIterable(data.remaining());
        return new StructIterator<>(layout, bufferIo, data, data.position(), data.limit());
    }

    /** Single fields by a run-time index, for the accessors' fallback and tests (created once, on first use). */
    StructFields fields() {
        StructFields f = fields;
        if (f == null) {
            f = new StructFields(this);
            fields = f;
        }
        return f;
    }

    /**
     * The accessor of integer field {@code index} (b B h H i I l L q Q n N P), made on first use
     * and kept; see {@link StructField}.
     *
     * @throws IndexOutOfBoundsException when there is no such field
     * @throws StructException when the field has another code; the message names the right method
     */
    public StructField.OfLong longField(int index) {
        return (StructField.OfLong) field(index, FieldClass.Kind.LONG);
    }

    /** The accessor of e, f or d field {@code index}; see {@link #longField}. */
    public StructField.OfDouble doubleField(int index) {
        return (StructField.OfDouble) field(index, FieldClass.Kind.DOUBLE);
    }

    /** The accessor of {@code ?} field {@code index}; see {@link #longField}. */
    public StructField.OfBoolean booleanField(int index) {
        return (StructField.OfBoolean) field(index, FieldClass.Kind.BOOLEAN);
    }

    /** The accessor of c, s or p field {@code index}; see {@link #longField}. */
    public StructField.OfBytes bytesField(int index) {
        return (StructField.OfBytes) field(index, FieldClass.Kind.BYTES);
    }

    private StructField field(int index, FieldClass.Kind kind) {
        StructField[] known = accessors;
        if (known != null && index >= 0 && index < known.length) {
            StructField f = known[index];
            if (f != null && FieldClass.Kind.of(layout.op[layout.runOfValue(index)]) == kind) {
                return f;
            }
        }
        StructField made = FieldClass.make(this, index, kind, true);
        StructField[] next = known == null ? new StructField[layout.valueCount] : known.clone();
        next[index] = made;
        accessors = next;
        return made;
    }

    /** Binds this format to a record type; see {@link #of(Class, String)}. */
    public <R extends Record> RecordStruct<R> bind(Class<R> type) {
        return RecordStruct.create(this, type, true);
    }

    /**
     * Binds {@code format} to a record type whose components, in order, match the format's values,
     * for packing and unpacking records without boxing.
     *
     * @throws StructException when the format is malformed
     * @throws IllegalArgumentException when the record's components do not fit the format
     */
    public static <R extends Record> RecordStruct<R> of(Class<R> type, String format) {
        return compile(format).bind(type);
    }

    /**
     * {@code struct.pack(format, *values)}, with a cached compiled format. Call it as
     * {@code Struct.pack(...)}: on an instance whose first value is a String, Java would pick this
     * overload over {@link #pack(Object...)}.
     */
    public static byte[] pack(String format, @Nullable Object... values) {
        return cached(format).pack(values);
    }

    /** {@code struct.unpack(format, data)}, with a cached compiled format. */
    public static Object[] unpack(String format, byte[] data) {
        return cached(format).unpack(data);
    }

    /** {@code struct.calcsize(format)}, with a cached compiled format. */
    public static int calcsize(String format) {
        return cached(format).size();
    }

    private static Struct cached(String format) {
        Struct s = CACHE.get(Objects.requireNonNull(format, "format"));
        if (s == null) {
            s = compile(format);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(format, s);
        }
        return s;
    }

    @Override
    public String toString() {
        return "Struct('" + layout.format + "', size=" + layout.size + ")";
    }

    private void checkCount(String operation, @Nullable Object[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != layout.valueCount) {
            throw new StructException(operation + " expected " + layout.valueCount + " items for packing (got "
                    + values.length + ") for '" + layout.format + "'");
        }
    }

    void checkRoom(ByteBuffer buffer) {
        if (buffer.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (buffer.remaining() < layout.size) {
            throw new BufferOverflowException();
        }
    }

    void checkAvailable(ByteBuffer data) {
        if (data.remaining() < layout.size) {
            throw new StructException("unpack_from requires a buffer of at least " + layout.size
                    + " bytes for unpacking " + layout.size + " bytes at position " + data.position()
                    + " (only " + data.remaining() + " remaining) for '" + layout.format + "'");
        }
    }

    /** CPython's pack_into offset rules; returns the absolute offset. */
    int packOffset(int length, int offset) {
        return packOffset(length, offset, layout.size);
    }

    static int packOffset(int length, int offset, int size) {
        long at = offset;
        if (at < 0) {
            if (at + size > 0) {
                throw new StructException("no space to pack " + size + " bytes at offset " + offset);
            }
            if (at + length < 0) {
                throw new StructException("offset " + offset + " out of range for " + length + "-byte buffer");
            }
            at += length;
        }
        if (length - at < size) {
            throw new StructException("pack_into requires a buffer of at least " + (size + at)
                    + " bytes for packing " + size + " bytes at offset " + at + " (actual buffer size is "
                    + length + ")");
        }
        return (int) at;
    }

    /** CPython's unpack_from offset rules; returns the absolute offset. */
    int unpackOffset(int length, int offset) {
        return unpackOffset(length, offset, layout.size);
    }

    static int unpackOffset(int length, int offset, int size) {
        long at = offset;
        if (at < 0) {
            if (at + size > 0) {
                throw new StructException("not enough data to unpack " + size + " bytes at offset " + offset);
            }
            if (at + length < 0) {
                throw new StructException("offset " + offset + " out of range for " + length + "-byte buffer");
            }
            at += length;
        }
        if (length - at < size) {
            throw new StructException("unpack_from requires a buffer of at least " + (size + at)
                    + " bytes for unpacking " + size + " bytes at offset " + at + " (actual buffer size is "
                    + length + ")");
        }
        return (int) at;
    }

    void checkIterable(int length) {
        if (layout.size == 0) {
            throw new StructException("cannot iteratively unpack with a struct of length 0 ('" + layout.format
                    + "')");
        }
        if (length % layout.size != 0) {
            throw new StructException("iterative unpacking requires a buffer of a multiple of " + layout.size
                    + " bytes (got " + length + ") for '" + layout.format + "'");
        }
    }
}
