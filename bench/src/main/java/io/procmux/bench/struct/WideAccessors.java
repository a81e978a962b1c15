package io.procmux.bench.struct;

import io.procmux.codec.struct.Struct;
import io.procmux.codec.struct.StructField;

/**
 * The 32 fields of {@link Wide#FORMAT} as {@code static final} {@link StructField} accessors, the
 * way a hot loop holds them, and a pack and an unpack of a {@link Wide} record through them.
 */
final class WideAccessors {
    private static final Struct STRUCT = Struct.compile(Wide.FORMAT);
    private static final StructField.OfLong A0 = STRUCT.longField(0);
    private static final StructField.OfLong A1 = STRUCT.longField(1);
    private static final StructField.OfLong A2 = STRUCT.longField(2);
    private static final StructField.OfLong A3 = STRUCT.longField(3);
    private static final StructField.OfLong A4 = STRUCT.longField(4);
    private static final StructField.OfLong A5 = STRUCT.longField(5);
    private static final StructField.OfLong A6 = STRUCT.longField(6);
    private static final StructField.OfLong A7 = STRUCT.longField(7);
    private static final StructField.OfLong B0 = STRUCT.longField(8);
    private static final StructField.OfLong B1 = STRUCT.longField(9);
    private static final StructField.OfLong B2 = STRUCT.longField(10);
    private static final StructField.OfLong B3 = STRUCT.longField(11);
    private static final StructField.OfLong B4 = STRUCT.longField(12);
    private static final StructField.OfLong B5 = STRUCT.longField(13);
    private static final StructField.OfLong B6 = STRUCT.longField(14);
    private static final StructField.OfLong B7 = STRUCT.longField(15);
    private static final StructField.OfLong C0 = STRUCT.longField(16);
    private static final StructField.OfLong C1 = STRUCT.longField(17);
    private static final StructField.OfLong C2 = STRUCT.longField(18);
    private static final StructField.OfLong C3 = STRUCT.longField(19);
    private static final StructField.OfDouble D0 = STRUCT.doubleField(20);
    private static final StructField.OfDouble D1 = STRUCT.doubleField(21);
    private static final StructField.OfDouble D2 = STRUCT.doubleField(22);
    private static final StructField.OfDouble D3 = STRUCT.doubleField(23);
    private static final StructField.OfDouble E0 = STRUCT.doubleField(24);
    private static final StructField.OfDouble E1 = STRUCT.doubleField(25);
    private static final StructField.OfBoolean F0 = STRUCT.booleanField(26);
    private static final StructField.OfBoolean F1 = STRUCT.booleanField(27);
    private static final StructField.OfLong G0 = STRUCT.longField(28);
    private static final StructField.OfLong G1 = STRUCT.longField(29);
    private static final StructField.OfBytes S = STRUCT.bytesField(30);
    private static final StructField.OfLong LAST = STRUCT.longField(31);

    private WideAccessors() {
    }

    /** Packs every field of {@code w} at {@code base}. */
    static byte[] pack(byte[] b, int base, Wide w) {
        A0.put(b, base, w.a0());
        A1.put(b, base, w.a1());
        A2.put(b, base, w.a2());
        A3.put(b, base, w.a3());
        A4.put(b, base, w.a4());
        A5.put(b, base, w.a5());
        A6.put(b, base, w.a6());
        A7.put(b, base, w.a7());
        B0.put(b, base, w.b0());
        B1.put(b, base, w.b1());
        B2.put(b, base, w.b2());
        B3.put(b, base, w.b3());
        B4.put(b, base, w.b4());
        B5.put(b, base, w.b5());
        B6.put(b, base, w.b6());
        B7.put(b, base, w.b7());
        C0.put(b, base, w.c0());
        C1.put(b, base, w.c1());
        C2.put(b, base, w.c2());
        C3.put(b, base, w.c3());
        D0.put(b, base, w.d0());
        D1.put(b, base, w.d1());
        D2.put(b, base, w.d2());
        D3.put(b, base, w.d3());
        E0.put(b, base, w.e0());
        E1.put(b, base, w.e1());
        F0.put(b, base, w.f0());
        F1.put(b, base, w.f1());
        G0.put(b, base, w.g0());
        G1.put(b, base, w.g1());
        S.put(b, base, w.s());
        LAST.put(b, base, w.last());
        return b;
    }

    /** Reads every field at {@code base} into a new record. */
    static Wide unpack(byte[] b, int base) {
        return new Wide(A0.get(b, base), A1.get(b, base), A2.get(b, base),
                A3.get(b, base), A4.get(b, base), A5.get(b, base),
                A6.get(b, base), A7.get(b, base), (int) B0.get(b, base),
                (int) B1.get(b, base), (int) B2.get(b, base), (int) B3.get(b, base),
                (int) B4.get(b, base), (int) B5.get(b, base), (int) B6.get(b, base),
                (int) B7.get(b, base), (short) C0.get(b, base), (short) C1.get(b, base),
                (short) C2.get(b, base), (short) C3.get(b, base), D0.get(b, base),
                D1.get(b, base), D2.get(b, base), D3.get(b, base),
                (float) E0.get(b, base), (float) E1.get(b, base), F0.get(b, base),
                F1.get(b, base), (byte) G0.get(b, base), (byte) G1.get(b, base),
                S.get(b, base), LAST.get(b, base));
    }
}
