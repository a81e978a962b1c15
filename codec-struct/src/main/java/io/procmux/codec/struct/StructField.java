package io.procmux.codec.struct;

import java.nio.ByteBuffer;

/**
 * One field of a {@link Struct} as a small typed accessor, for hot loops that read or write
 * single fields: obtained once from {@link Struct#longField}, {@link Struct#doubleField},
 * {@link Struct#booleanField} or {@link Struct#bytesField}, then called as
 * {@code PORT.get(buffer, base)}. Each accessor is its own generated class with the field's
 * offset, code and byte order compiled in, so a call site that sees one accessor (typically a
 * {@code static final} one) is monomorphic and the JIT reduces the call to the load or store and
 * the range check the code needs.
 *
 * <p>Values and checks: integers as {@code long} (unsigned
 * 64-bit fields carry their raw bits; narrower fields are range-checked on write with
 * {@code pack}'s message), e, f and d as {@code double}, {@code ?} as {@code boolean}, c, s and p
 * as byte[] with {@code pack}'s padding and truncation. {@code base} is where the struct starts: an
 * index into the array, or an absolute index into the buffer (its position and byte order are
 * ignored). An index outside the array or buffer raises {@link IndexOutOfBoundsException}. Pad
 * bytes are never touched.
 *
 * <p>Cost: creating an accessor defines one hidden class (tens of microseconds; {@link Struct}
 * keeps it, so later calls return the same object); a call allocates nothing except the byte[]
 * of {@link OfBytes#get}. Where the JVM refuses hidden classes, accessors fall back to a
 * table-driven implementation several times slower. Immutable and thread-safe.
 */
public abstract class StructField {
    final Layout layout;
    private final int index;
    private final int run;

    StructField(Layout layout, int index) {
        this.layout = layout;
        this.index = index;
        this.run = layout.runOfValue(index);
    }

    /** The field's index: its position among {@code pack}'s values. */
    public final int index() {
        return index;
    }

    /** The byte offset of the field within the struct. */
    public final int offset() {
        return layout.offsetOfValue(run, index);
    }

    /** The field's format code, e.g. {@code 'H'}. */
    public final char code() {
        return layout.code[run];
    }

    @Override
    public final String toString() {
        return getClass().getSuperclass().getSimpleName() + "(" + index + ", '" + code() + "' at offset "
                + offset() + " of '" + layout.format + "')";
    }

    /** An integer field (b B h H i I l L q Q n N P), as {@code long}. */
    public abstract static class OfLong extends StructField {
        OfLong(Layout layout, int index) {
            super(layout, index);
        }

        /** Reads the field of the struct at {@code base}. */
        public abstract long get(byte[] data, int base);

        /** Reads the field of the struct at absolute index {@code base} of the buffer. */
        public abstract long get(ByteBuffer data, int base);

        /** Writes the field, range-checked like {@code pack}. */
        public abstract void put(byte[] data, int base, long value);

        /** Writes the field at absolute index {@code base} of the buffer, range-checked like {@code pack}. */
        public abstract void put(ByteBuffer data, int base, long value);
    }

    /** An e, f or d field, as {@code double}. */
    public abstract static class OfDouble extends StructField {
        OfDouble(Layout layout, int index) {
            super(layout, index);
        }

        /** Reads the field of the struct at {@code base}. */
        public abstract double get(byte[] data, int base);

        /** Reads the field of the struct at absolute index {@code base} of the buffer. */
        public abstract double get(ByteBuffer data, int base);

        /** Writes the field; e and (in standard modes) f raise on overflow like {@code pack}. */
        public abstract void put(byte[] data, int base, double value);

        /** Writes the field at absolute index {@code base} of the buffer. */
        public abstract void put(ByteBuffer data, int base, double value);
    }

    /** A {@code ?} field: any non-zero byte reads as true; writes 1 or 0. */
    public abstract static class OfBoolean extends StructField {
        OfBoolean(Layout layout, int index) {
            super(layout, index);
        }

        /** Reads the field of the struct at {@code base}. */
        public abstract boolean get(byte[] data, int base);

        /** Reads the field of the struct at absolute index {@code base} of the buffer. */
        public abstract boolean get(ByteBuffer data, int base);

        /** Writes the field. */
        public abstract void put(byte[] data, int base, boolean value);

        /** Writes the field at absolute index {@code base} of the buffer. */
        public abstract void put(ByteBuffer data, int base, boolean value);
    }

    /** A c, s or p field, as byte[]. */
    public abstract static class OfBytes extends StructField {
        OfBytes(Layout layout, int index) {
            super(layout, index);
        }

        /** Reads the field of the struct at {@code base} into a new array. */
        public abstract byte[] get(byte[] data, int base);

        /** Reads the field of the struct at absolute index {@code base} of the buffer into a new array. */
        public abstract byte[] get(ByteBuffer data, int base);

        /** Writes the field with {@code pack}'s rules (c: exactly one byte; s, p: pad or truncate). */
        public abstract void put(byte[] data, int base, byte[] value);

        /** Writes the field at absolute index {@code base} of the buffer. */
        public abstract void put(ByteBuffer data, int base, byte[] value);
    }
}
