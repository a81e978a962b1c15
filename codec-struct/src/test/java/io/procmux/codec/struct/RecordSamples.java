package io.procmux.codec.struct;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Random records for the binding tests, with the boxed values {@link Struct#pack} takes for the
 * same struct: every component drawn from the full range of its code, floats drawn so that they
 * round-trip exactly (e from half bits, f from float bits), so unpacking a packed record gives it back.
 */
final class RecordSamples {
    /** Every code of the standard modes, one component each (l and L are 4 bytes there). */
    record Std(byte b, short ub, boolean t, short h, int uh, int i, long ui, int l, long ul, long q, long uq, float e,
            float f, double d, byte[] c, byte[] s, byte[] p, double fd, long wide) {
    }

    static final String STD = "bB?hHiIlLqQefdc5s4pfh";

    /** Every code of native mode, laid out so that alignment inserts pads. */
    record Nat(byte b, long n, short ub, long un, boolean t, long ptr, short h, int uh, int i, long ui, long l, long ul,
            long q, long uq, float e, float f, double d, byte[] c, byte[] s, byte[] p) {
    }

    static final String NAT = "@bnBN?PhHiIlLqQefdc5s4p";

    /** Every integer code as BigInteger. */
    record Big(BigInteger b, BigInteger ub, BigInteger h, BigInteger uh, BigInteger i, BigInteger ui, BigInteger q,
            BigInteger uq) {
    }

    static final String BIG = "bBhHiIqQ";

    private final Random rnd;

    RecordSamples(long seed) {
        this.rnd = new Random(seed);
    }

    /** A random record of {@code type} fitting {@code struct}, and the boxed values that pack to the same bytes. */
    <R extends Record> R next(Class<R> type, Struct struct, Object[] boxedOut) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        StructFields fields = struct.fields();
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            char code = fields.code(k);
            int count = struct.layout.count[struct.layout.runOfValue(k)];
            args[k] = value(code, types[k], count, struct.layout.mode.nativeSizes);
            boxedOut[k] = boxed(code, args[k]);
        }
        Constructor<R> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        return ctor.newInstance(args);
    }

    private Object value(char code, Class<?> type, int count, boolean nativeSizes) {
        switch (code) {
            case '?': return rnd.nextBoolean();
            case 'e': {
                double d = Half.toDouble(rnd.nextInt(0x7c00) | (rnd.nextBoolean() ? 0x8000 : 0));
                return type == float.class ? (Object) (float) d : (Object) d;
            }
            case 'f': {
                float f = Float.intBitsToFloat(rnd.nextInt(0x7f80_0000) | (rnd.nextBoolean() ? 0x8000_0000 : 0));
                return type == float.class ? (Object) f : (Object) (double) f;
            }
            case 'd': return rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20) * (rnd.nextBoolean() ? 1 : -1);
            case 'c': return new byte[] {(byte) rnd.nextInt()};
            case 's': case 'p': {
                byte[] b = new byte[code == 's' ? count : rnd.nextInt(count)];
                rnd.nextBytes(b);
                return b;
            }
            default: break;
        }
        long bits = rnd.nextLong();
        long v;
        switch (code) {
            case 'b': v = (byte) bits; break;
            case 'B': v = bits & 0xff; break;
            case 'h': v = (short) bits; break;
            case 'H': v = bits & 0xffff; break;
            case 'i': v = (int) bits; break;
            case 'I': v = bits & 0xffff_ffffL; break;
            case 'l': v = nativeSizes ? bits : (int) bits; break;
            case 'L': v = nativeSizes ? bits : bits & 0xffff_ffffL; break;
            default: v = bits; break;
        }
        boolean unsigned64 = "QNP".indexOf(code) >= 0 || code == 'L' && nativeSizes;
        if (type == BigInteger.class) {
            return unsigned64 ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v);
        }
        if (type == byte.class) {
            return (byte) v;
        }
        if (type == short.class) {
            return (short) v;
        }
        if (type == int.class) {
            return (int) v;
        }
        return v;
    }

    /** A record's components as a list that {@code equals} compares exactly (arrays by content, floats by bits). */
    static List<Object> components(Record r) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Method m = c.getAccessor();
            m.setAccessible(true);
            Object v = m.invoke(r);
            out.add(v instanceof byte[] ? HexFormat.of().formatHex((byte[]) v) : v);
        }
        return out;
    }

    /** What the boxed API takes for a component value (unsigned 64-bit longs as their unsigned BigInteger). */
    private static Object boxed(char code, Object v) {
        if (v instanceof Float) {
            return (double) (Float) v;
        }
        if (v instanceof Long && "QNPL".indexOf(code) >= 0 && (Long) v < 0) {
            return new BigInteger(Long.toUnsignedString((Long) v));
        }
        return v;
    }
}
