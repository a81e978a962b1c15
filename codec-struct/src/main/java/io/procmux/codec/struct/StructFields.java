package io.procmux.codec.struct;

import java.nio.ByteBuffer;

/**
 * Typed reads and writes of single fields of a {@link Struct} by a run-time field index: the
 * accessors' fallback where this JVM refuses hidden classes ({@link FieldClass}), and the tests'
 * second opinion on them. Not public: a run-time index costs a table lookup and a switch per
 * call, several times an accessor's cost, and {@link Struct#longField(int)} and its siblings
 * already take a run-time index once and give the straight-line accessor for it.
 *
 * <p>Integer fields read and write as {@code long}: unsigned 64-bit fields ({@code Q}, {@code N},
 * native {@code L}, {@code P}) carry their raw two's complement bits; narrower fields are
 * range-checked on write exactly as {@link Struct#pack} checks them. e, f and d read and write as
 * {@code double}, {@code ?} as {@code boolean}, c, s and p as byte[]. A getter or setter that does
 * not fit the field's code raises {@link StructException}; an index outside the array or buffer
 * raises {@link IndexOutOfBoundsException}. Pad bytes are never touched. Nothing is allocated
 * except by {@code getBytes}. Immutable and thread-safe; obtained from {@link Struct#fields()}.
 */
final class StructFields {
    private final Layout layout;
    private final Io<byte[]> arrayIo;
    private final Io<ByteBuffer> bufferIo;
    private final int[] run;
    private final int[] offset;
    /** Per field: its {@link Ops} code, so a call reads one table instead of two. */
    private final int[] op;
    /** Per integer field: the range a write accepts without a closer look (U64, S64, P: every long). */
    private final long[] min;
    private final long[] max;

    StructFields(Struct struct) {
        this.layout = struct.layout;
        this.arrayIo = struct.arrayIo;
        this.bufferIo = struct.bufferIo;
        int n = layout.valueCount;
        this.run = new int[n];
        this.offset = new int[n];
        this.op = new int[n];
        this.min = new long[n];
        this.max = new long[n];
        for (int r = 0; r < layout.runCount; r++) {
            int values = layout.op[r] == Ops.STR || layout.op[r] == Ops.PSTR ? 1 : layout.count[r];
            for (int k = 0; k < values; k++) {
                int field = layout.firstValue[r] + k;
                run[field] = r;
                op[field] = layout.op[r];
                boolean full = layout.op[r] == Ops.S64 || layout.op[r] == Ops.U64 || layout.op[r] == Ops.PTR;
                min[field] = full ? Long.MIN_VALUE : Ops.min(layout.op[r]);
                max[field] = full ? Long.MAX_VALUE : Ops.max(layout.op[r]);
                offset[field] = layout.offsetOfValue(r, field);
            }
        }
    }

    /** The number of fields. */
    public int count() {
        return run.length;
    }

    /** The byte offset of a field within the struct. */
    public int offset(int field) {
        return offset[field];
    }

    /** The format code of a field, e.g. {@code 'H'}. */
    public char code(int field) {
        return layout.code[run[field]];
    }

    /** Reads an integer field (b B h H i I l L q Q n N P) or a {@code ?} field as 0/1. */
    public long getLong(byte[] data, int base, int field) {
        return readLong(arrayIo, data, base, field);
    }

    /** Reads an integer field at absolute index {@code base} of the buffer. */
    public long getLong(ByteBuffer data, int base, int field) {
        return readLong(bufferIo, data, base, field);
    }

    /** Reads an e, f or d field. */
    public double getDouble(byte[] data, int base, int field) {
        return readDouble(arrayIo, data, base, field);
    }

    /** Reads an e, f or d field at absolute index {@code base} of the buffer. */
    public double getDouble(ByteBuffer data, int base, int field) {
        return readDouble(bufferIo, data, base, field);
    }

    /** Reads a {@code ?} field: any non-zero byte is true. */
    public boolean getBoolean(byte[] data, int base, int field) {
        return arrayIo.get8(data, base + at(field, Ops.BOOL)) != 0;
    }

    /** Reads a {@code ?} field at absolute index {@code base} of the buffer. */
    public boolean getBoolean(ByteBuffer data, int base, int field) {
        return bufferIo.get8(data, base + at(field, Ops.BOOL)) != 0;
    }

    /** Reads a c, s or p field into a new array. */
    public byte[] getBytes(byte[] data, int base, int field) {
        return readBytes(arrayIo, data, base, field);
    }

    /** Reads a c, s or p field at absolute index {@code base} of the buffer into a new array. */
    public byte[] getBytes(ByteBuffer data, int base, int field) {
        return readBytes(bufferIo, data, base, field);
    }

    /** Writes an integer field, range-checked like {@code pack}. */
    public void putLong(byte[] data, int base, int field, long value) {
        writeLong(arrayIo, data, base, field, value);
    }

    /** Writes an integer field at absolute index {@code base} of the buffer. */
    public void putLong(ByteBuffer data, int base, int field, long value) {
        writeLong(bufferIo, data, base, field, value);
    }

    /** Writes an e, f or d field; e and (in standard modes) f raise on overflow like {@code pack}. */
    public void putDouble(byte[] data, int base, int field, double value) {
        writeDouble(arrayIo, data, base, field, value);
    }

    /** Writes an e, f or d field at absolute index {@code base} of the buffer. */
    public void putDouble(ByteBuffer data, int base, int field, double value) {
        writeDouble(bufferIo, data, base, field, value);
    }

    /** Writes a {@code ?} field as 1 or 0. */
    public void putBoolean(byte[] data, int base, int field, boolean value) {
        arrayIo.put8(data, base + at(field, Ops.BOOL), value ? 1 : 0);
    }

    /** Writes a {@code ?} field at absolute index {@code base} of the buffer. */
    public void putBoolean(ByteBuffer data, int base, int field, boolean value) {
        bufferIo.put8(data, base + at(field, Ops.BOOL), value ? 1 : 0);
    }

    /** Writes a c, s or p field with {@code pack}'s rules (c: exactly one byte; s, p: pad or truncate). */
    public void putBytes(byte[] data, int base, int field, byte[] value) {
        writeBytes(arrayIo, data, base, field, value);
    }

    /** Writes a c, s or p field at absolute index {@code base} of the buffer. */
    public void putBytes(ByteBuffer data, int base, int field, byte[] value) {
        writeBytes(bufferIo, data, base, field, value);
    }

    private int at(int field, int expectedOp) {
        if (op[field] != expectedOp) {
            throw wrongType(field, run[field]);
        }
        return offset[field];
    }

    private StructException wrongType(int field, int r) {
        int op = layout.op[r];
        String use = Ops.isInteger(op) ? "getLong/putLong" : Ops.isFloat(op) ? "getDouble/putDouble"
                : op == Ops.BOOL ? "getBoolean/putBoolean" : "getBytes/putBytes";
        return new StructException("field " + field + " is '" + layout.code[r] + "' at format offset "
                + layout.formatPos[r] + " of '" + layout.format + "'; use " + use);
    }

    private <B> long readLong(Io<B> io, B b, int base, int field) {
        int i = base + offset[field];
        switch (op[field]) {
            case Ops.S8: return io.get8(b, i);
            case Ops.U8: case Ops.BOOL: return io.get8(b, i) & 0xff;
            case Ops.S16: return io.get16(b, i);
            case Ops.U16: return io.get16(b, i) & 0xffff;
            case Ops.S32: return io.get32(b, i);
            case Ops.U32: return io.get32(b, i) & 0xffff_ffffL;
            case Ops.S64: case Ops.U64: case Ops.PTR: return io.get64(b, i);
            default: throw wrongType(field, run[field]);
        }
    }

    private <B> double readDouble(Io<B> io, B b, int base, int field) {
        int i = base + offset[field];
        switch (op[field]) {
            case Ops.HALF: return Half.toDouble(io.get16(b, i));
            case Ops.F32: case Ops.F32_NATIVE: return Float.intBitsToFloat(io.get32(b, i));
            case Ops.F64: return Double.longBitsToDouble(io.get64(b, i));
            default: throw wrongType(field, run[field]);
        }
    }

    private <B> byte[] readBytes(Io<B> io, B b, int base, int field) {
        int r = run[field];
        int i = base + offset[field];
        switch (layout.op[r]) {
            case Ops.CHAR: return new byte[] {io.get8(b, i)};
            case Ops.STR: return io.getBytes(b, i, layout.count[r]);
            case Ops.PSTR:
                if (layout.count[r] == 0) {
                    throw Unpacker.zeroPascal(layout);
                }
                return io.getBytes(b, i + 1, Math.min(io.get8(b, i) & 0xff, layout.count[r] - 1));
            default: throw wrongType(field, r);
        }
    }

    private <B> void writeLong(Io<B> io, B b, int base, int field, long value) {
        int op = this.op[field];
        int i = base + offset[field];
        if (!Ops.isInteger(op)) {
            throw wrongType(field, run[field]);
        }
        if (value < min[field] || value > max[field]) {
            Values.checkRange(value, op, layout, run[field], field); // throws, with pack's message
        }
        switch (op) {
            case Ops.S8: case Ops.U8: io.put8(b, i, (int) value); break;
            case Ops.S16: case Ops.U16: io.put16(b, i, (short) value); break;
            case Ops.S32: case Ops.U32: io.put32(b, i, (int) value); break;
            default: io.put64(b, i, value); break;
        }
    }

    private <B> void writeDouble(Io<B> io, B b, int base, int field, double value) {
        int i = base + offset[field];
        switch (op[field]) {
            case Ops.HALF: io.put16(b, i, Values.toHalf(value, layout, run[field], field)); break;
            case Ops.F32: case Ops.F32_NATIVE:
                float f = Values.toFloat(value, op[field] == Ops.F32, layout, run[field], field);
                io.put32(b, i, Float.floatToRawIntBits(f));
                break;
            case Ops.F64: io.put64(b, i, Double.doubleToRawLongBits(value)); break;
            default: throw wrongType(field, run[field]);
        }
    }

    private <B> void writeBytes(Io<B> io, B b, int base, int field, byte[] value) {
        int r = run[field];
        int i = base + offset[field];
        switch (layout.op[r]) {
            case Ops.CHAR: io.put8(b, i, Values.character(value, layout, r, field)); break;
            case Ops.STR: Packer.putString(io, b, i, layout.count[r], value); break;
            case Ops.PSTR: Packer.putPascal(io, b, i, layout.count[r], value, offset[field] < layout.size); break;
            default: throw wrongType(field, r);
        }
    }
}
