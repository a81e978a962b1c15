package io.procmux.bench.struct;

import java.util.Arrays;

/**
 * One struct of the 32-field mixed format {@code "<8q8i4h4d2e2?2b7sq"} (159 bytes), with the
 * hand-written reference code that packs and unpacks it through little-endian VarHandles.
 */
public record Wide(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7, int b0, int b1, int b2,
        int b3, int b4, int b5, int b6, int b7, short c0, short c1, short c2, short c3, double d0, double d1,
        double d2, double d3, float e0, float e1, boolean f0, boolean f1, byte g0, byte g1, byte[] s, long last) {

    /** The format. */
    public static final String FORMAT = "<8q8i4h4d2e2?2b7sq";
    /** Its size. */
    public static final int SIZE = 159;

    /** A record with a value in every field. */
    static Wide sample() {
        return new Wide(1L << 40, -2, 3, 4, 5, 6, 7, Long.MIN_VALUE, 9, 10, -11, 12, 13, 14, 15, Integer.MAX_VALUE,
                (short) 17, (short) -18, (short) 19, (short) 20, 21.5, 22.5, -23.5, 1e300, 25.5f, -0.125f, true, false,
                (byte) 29, (byte) -30, "seven77".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32);
    }

    /** The same values boxed as the Object[] API takes them. */
    Object[] boxed() {
        return new Object[] {a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7, (int) c0, (int) c1,
            (int) c2, (int) c3, d0, d1, d2, d3, (double) e0, (double) e1, f0, f1, (int) g0, (int) g1, s, last};
    }

    /**
     * Hand-written pack of a record, refusing what {@code struct.pack} refuses: a finite {@code e}
     * value beyond the half range (CPython's OverflowError); every other component's Java type
     * already fits its code.
     */
    static byte[] pack(byte[] b, Wide w) {
        Le.I64.set(b, 0, w.a0);
        Le.I64.set(b, 8, w.a1);
        Le.I64.set(b, 16, w.a2);
        Le.I64.set(b, 24, w.a3);
        Le.I64.set(b, 32, w.a4);
        Le.I64.set(b, 40, w.a5);
        Le.I64.set(b, 48, w.a6);
        Le.I64.set(b, 56, w.a7);
        Le.I32.set(b, 64, w.b0);
        Le.I32.set(b, 68, w.b1);
        Le.I32.set(b, 72, w.b2);
        Le.I32.set(b, 76, w.b3);
        Le.I32.set(b, 80, w.b4);
        Le.I32.set(b, 84, w.b5);
        Le.I32.set(b, 88, w.b6);
        Le.I32.set(b, 92, w.b7);
        Le.I16.set(b, 96, w.c0);
        Le.I16.set(b, 98, w.c1);
        Le.I16.set(b, 100, w.c2);
        Le.I16.set(b, 102, w.c3);
        Le.F64.set(b, 104, w.d0);
        Le.F64.set(b, 112, w.d1);
        Le.F64.set(b, 120, w.d2);
        Le.F64.set(b, 128, w.d3);
        Le.I16.set(b, 136, Le.toHalfExact(w.e0));
        Le.I16.set(b, 138, Le.toHalfExact(w.e1));
        b[140] = (byte) (w.f0 ? 1 : 0);
        b[141] = (byte) (w.f1 ? 1 : 0);
        b[142] = w.g0;
        b[143] = w.g1;
        putString(b, 144, w.s, 7);
        Le.I64.set(b, 151, w.last);
        return b;
    }

    /** Hand-written pack of the boxed values. */
    static byte[] packBoxed(byte[] b, Object[] v) {
        for (int k = 0; k < 8; k++) {
            Le.I64.set(b, 8 * k, ((Number) v[k]).longValue());
            Le.I32.set(b, 64 + 4 * k, ((Number) v[8 + k]).intValue());
        }
        for (int k = 0; k < 4; k++) {
            Le.I16.set(b, 96 + 2 * k, (short) ((Number) v[16 + k]).intValue());
            Le.F64.set(b, 104 + 8 * k, ((Number) v[20 + k]).doubleValue());
        }
        Le.I16.set(b, 136, Le.toHalf(((Number) v[24]).floatValue()));
        Le.I16.set(b, 138, Le.toHalf(((Number) v[25]).floatValue()));
        b[140] = (byte) ((Boolean) v[26] ? 1 : 0);
        b[141] = (byte) ((Boolean) v[27] ? 1 : 0);
        b[142] = (byte) ((Number) v[28]).intValue();
        b[143] = (byte) ((Number) v[29]).intValue();
        putString(b, 144, (byte[]) v[30], 7);
        Le.I64.set(b, 151, ((Number) v[31]).longValue());
        return b;
    }

    /** Hand-written unpack into a record. */
    static Wide unpack(byte[] b) {
        return new Wide((long) Le.I64.get(b, 0), (long) Le.I64.get(b, 8), (long) Le.I64.get(b, 16),
                (long) Le.I64.get(b, 24), (long) Le.I64.get(b, 32), (long) Le.I64.get(b, 40),
                (long) Le.I64.get(b, 48), (long) Le.I64.get(b, 56), (int) Le.I32.get(b, 64), (int) Le.I32.get(b, 68),
                (int) Le.I32.get(b, 72), (int) Le.I32.get(b, 76), (int) Le.I32.get(b, 80), (int) Le.I32.get(b, 84),
                (int) Le.I32.get(b, 88), (int) Le.I32.get(b, 92), (short) Le.I16.get(b, 96),
                (short) Le.I16.get(b, 98), (short) Le.I16.get(b, 100), (short) Le.I16.get(b, 102),
                (double) Le.F64.get(b, 104), (double) Le.F64.get(b, 112), (double) Le.F64.get(b, 120),
                (double) Le.F64.get(b, 128), Le.fromHalf((short) Le.I16.get(b, 136)),
                Le.fromHalf((short) Le.I16.get(b, 138)), b[140] != 0, b[141] != 0, b[142], b[143],
                Arrays.copyOfRange(b, 144, 151), (long) Le.I64.get(b, 151));
    }

    /** Hand-written unpack into Object[], boxed as the API boxes (Long, Double, Boolean, byte[]). */
    static Object[] unpackBoxed(byte[] b) {
        Object[] v = new Object[32];
        for (int k = 0; k < 8; k++) {
            v[k] = (long) Le.I64.get(b, 8 * k);
            v[8 + k] = (long) (int) Le.I32.get(b, 64 + 4 * k);
        }
        for (int k = 0; k < 4; k++) {
            v[16 + k] = (long) (short) Le.I16.get(b, 96 + 2 * k);
            v[20 + k] = (double) Le.F64.get(b, 104 + 8 * k);
        }
        v[24] = (double) Le.fromHalf((short) Le.I16.get(b, 136));
        v[25] = (double) Le.fromHalf((short) Le.I16.get(b, 138));
        v[26] = b[140] != 0;
        v[27] = b[141] != 0;
        v[28] = (long) b[142];
        v[29] = (long) b[143];
        v[30] = Arrays.copyOfRange(b, 144, 151);
        v[31] = (long) Le.I64.get(b, 151);
        return v;
    }

    private static void putString(byte[] b, int at, byte[] s, int n) {
        int copy = Math.min(n, s.length);
        System.arraycopy(s, 0, b, at, copy);
        Arrays.fill(b, at + copy, at + n, (byte) 0);
    }
}
