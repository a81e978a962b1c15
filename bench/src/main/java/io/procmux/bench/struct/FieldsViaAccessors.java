package io.procmux.bench.struct;

import io.procmux.codec.struct.Struct;
import io.procmux.codec.struct.StructField;

/**
 * An experiment, not a codec path: what {@code StructFields} would cost if it delegated each call to
 * the per-field {@link StructField} accessors, looked up by the run-time field index through one
 * call site (as a delegating {@code StructFields.putLong(data, base, field, value)} would). Packs
 * the same records as {@link IhdBenchmark#fieldsPackInto} and {@link WideBenchmark#fieldsPackInto};
 * {@link StructCpuTime} runs it as {@code Ihd.fieldsViaAccessorsPackInto} and
 * {@code Wide.fieldsViaAccessorsPackInto}. Cost: the accessors, made once; nothing per call.
 */
final class FieldsViaAccessors {
    private static final StructField[] IHD = accessors(IhdBenchmark.STRUCT);
    private static final StructField[] WIDE = accessors(WideBenchmark.STRUCT);

    private FieldsViaAccessors() {
    }

    private static StructField[] accessors(Struct struct) {
        StructField[] out = new StructField[struct.count()];
        for (int k = 0; k < out.length; k++) {
            char code = struct.fields().code(k);
            out[k] = "efd".indexOf(code) >= 0 ? struct.doubleField(k) : code == '?' ? struct.booleanField(k)
                    : "csp".indexOf(code) >= 0 ? struct.bytesField(k) : struct.longField(k);
        }
        return out;
    }

    static void putLong(StructField[] a, byte[] b, int base, int field, long v) {
        ((StructField.OfLong) a[field]).put(b, base, v);
    }

    static void putDouble(StructField[] a, byte[] b, int base, int field, double v) {
        ((StructField.OfDouble) a[field]).put(b, base, v);
    }

    static void putBoolean(StructField[] a, byte[] b, int base, int field, boolean v) {
        ((StructField.OfBoolean) a[field]).put(b, base, v);
    }

    static void putBytes(StructField[] a, byte[] b, int base, int field, byte[] v) {
        ((StructField.OfBytes) a[field]).put(b, base, v);
    }

    static byte[] ihd(byte[] b, Rec r) {
        StructField[] a = IHD;
        putLong(a, b, 0, 0, r.i());
        putLong(a, b, 0, 1, r.h());
        putDouble(a, b, 0, 2, r.d());
        return b;
    }

    static byte[] wide(byte[] b, Wide w) {
        StructField[] a = WIDE;
        putLong(a, b, 0, 0, w.a0());
        putLong(a, b, 0, 1, w.a1());
        putLong(a, b, 0, 2, w.a2());
        putLong(a, b, 0, 3, w.a3());
        putLong(a, b, 0, 4, w.a4());
        putLong(a, b, 0, 5, w.a5());
        putLong(a, b, 0, 6, w.a6());
        putLong(a, b, 0, 7, w.a7());
        putLong(a, b, 0, 8, w.b0());
        putLong(a, b, 0, 9, w.b1());
        putLong(a, b, 0, 10, w.b2());
        putLong(a, b, 0, 11, w.b3());
        putLong(a, b, 0, 12, w.b4());
        putLong(a, b, 0, 13, w.b5());
        putLong(a, b, 0, 14, w.b6());
        putLong(a, b, 0, 15, w.b7());
        putLong(a, b, 0, 16, w.c0());
        putLong(a, b, 0, 17, w.c1());
        putLong(a, b, 0, 18, w.c2());
        putLong(a, b, 0, 19, w.c3());
        putDouble(a, b, 0, 20, w.d0());
        putDouble(a, b, 0, 21, w.d1());
        putDouble(a, b, 0, 22, w.d2());
        putDouble(a, b, 0, 23, w.d3());
        putDouble(a, b, 0, 24, w.e0());
        putDouble(a, b, 0, 25, w.e1());
        putBoolean(a, b, 0, 26, w.f0());
        putBoolean(a, b, 0, 27, w.f1());
        putLong(a, b, 0, 28, w.g0());
        putLong(a, b, 0, 29, w.g1());
        putBytes(a, b, 0, 30, w.s());
        putLong(a, b, 0, 31, w.last());
        return b;
    }
}
