package io.procmux.codec.struct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts the Java values given to {@code pack} into what a code stores, with CPython's
 * acceptance rules and errors. Integer codes take Byte, Short, Integer, Long, BigInteger and
 * Boolean; e, f and d take any Number or a Boolean (Python's bool is an int); {@code ?} takes
 * anything, with Python's truth rules; c, s and p take byte[].
 *
 * <p>Cost: type tests and arithmetic; no allocation on the success path except for BigInteger
 * arguments.
 */
final class Values {
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    private Values() {
    }

    /** The two's complement bits to store for an integer op, range-checked. */
    static long integer(@Nullable Object v, int op, Layout layout, int run, int item) {
        long x;
        if (v instanceof Integer) {
            x = (Integer) v;
        } else if (v instanceof Long) {
            x = (Long) v;
        } else if (v instanceof Short || v instanceof Byte) {
            x = ((Number) v).longValue();
        } else if (v instanceof Boolean) {
            x = (Boolean) v ? 1 : 0;
        } else if (v instanceof BigInteger) {
            BigInteger big = (BigInteger) v;
            if (big.bitLength() <= 63) {
                x = big.longValue();
            } else if (big.signum() > 0 && big.bitLength() == 64 && (op == Ops.U64 || op == Ops.PTR)) {
                return big.longValue();
            } else {
                throw outOfRange(v, op, layout, run, item);
            }
        } else {
            throw new StructException("required argument is not an integer (" + layout.where(run, item)
                    + ", got " + describe(v) + ")");
        }
        return checkRange(x, op, layout, run, item);
    }

    /** Checks a long against an integer op's range and returns it. */
    static long checkRange(long x, int op, Layout layout, int run, int item) {
        if (op == Ops.U64) {
            if (x < 0) {
                throw outOfRange(x, op, layout, run, item);
            }
        } else if (op != Ops.S64 && op != Ops.PTR && (x < Ops.min(op) || x > Ops.max(op))) {
            throw outOfRange(x, op, layout, run, item);
        }
        return x;
    }

    static StructException outOfRange(Object v, int op, Layout layout, int run, int item) {
        return new StructException("'" + layout.code[run] + "' format requires " + Ops.range(op) + " ("
                + layout.where(run, item) + ", got " + v + ")");
    }

    /** The double value for e, f and d. */
    static double floating(@Nullable Object v, Layout layout, int run, int item) {
        if (v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1.0 : 0.0;
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (Double.isInfinite(d) && (v instanceof BigInteger || v instanceof BigDecimal)) {
                throw new StructException("required argument is not a float (" + layout.where(run, item)
                        + ": " + v.getClass().getSimpleName() + " too large to convert to float)");
            }
            return d;
        }
        throw new StructException("required argument is not a float (" + layout.where(run, item) + ", got "
                + describe(v) + ")");
    }

    /** The float stored by {@code f}; in standard modes a finite value that rounds to infinity raises. */
    static float toFloat(double d, boolean strict, Layout layout, int run, int item) {
        float f = (float) d;
        if (Float.isInfinite(f)) {
            refuseOverflow(d, strict, layout, run, item);
        }
        return f;
    }

    private static void refuseOverflow(double d, boolean strict, Layout layout, int run, int item) {
        if (strict && !Double.isInfinite(d)) {
            throw tooLarge('f', d, layout, run, item);
        }
    }

    /** The half bits stored by {@code e}; a value beyond the half range raises. */
    static short toHalf(double d, Layout layout, int run, int item) {
        int h = Half.fromDouble(d);
        if (h == Half.OVERFLOW) {
            throw tooLarge('e', d, layout, run, item);
        }
        return (short) h;
    }

    /** {@link #toHalf(double, Layout, int, int)} of a float, without widening it. */
    static short toHalf(float f, Layout layout, int run, int item) {
        int h = Half.fromFloat(f);
        if (h == Half.OVERFLOW) {
            throw tooLarge('e', f, layout, run, item);
        }
        return (short) h;
    }

    // The conversions above run inside generated code for every value; with their error message built
    // out of line each stays under the JIT's size for inlining a call whatever its profile says (35
    // bytecodes), so a caller compiled from a thin profile still inlines it.
    private static StructException tooLarge(char code, double d, Layout layout, int run, int item) {
        return new StructException("float too large to pack with " + code + " format (" + layout.where(run, item)
                + ", got " + d + "; CPython raises OverflowError)");
    }

    /** Python's truth value of {@code v}, for {@code ?}. */
    static boolean truth(@Nullable Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v == null) {
            return false;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof BigInteger) {
            return ((BigInteger) v).signum() != 0;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).signum() != 0;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0.0; // NaN is true, as in Python
        }
        if (v instanceof byte[]) {
            return ((byte[]) v).length != 0;
        }
        if (v instanceof CharSequence) {
            return ((CharSequence) v).length() != 0;
        }
        if (v instanceof Collection) {
            return !((Collection<?>) v).isEmpty();
        }
        if (v instanceof Map) {
            return !((Map<?, ?>) v).isEmpty();
        }
        if (v.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(v) != 0;
        }
        return true;
    }

    /** The single byte stored by {@code c}. */
    static byte character(@Nullable Object v, Layout layout, int run, int item) {
        if (v instanceof byte[] && ((byte[]) v).length == 1) {
            return ((byte[]) v)[0];
        }
        throw new StructException("char format requires a bytes object of length 1 (" + layout.where(run, item)
                + ", got " + describe(v) + ")");
    }

    /** The bytes stored by {@code s} or {@code p}. */
    static byte[] bytes(@Nullable Object v, Layout layout, int run, int item) {
        if (v instanceof byte[]) {
            return (byte[]) v;
        }
        throw new StructException("argument for '" + layout.code[run] + "' must be a bytes object ("
                + layout.where(run, item) + ", got " + describe(v) + ")");
    }

    /** The value to return for an unsigned 64-bit field: Long below 2^63, BigInteger from there. */
    static Object unsigned64(long bits) {
        return bits >= 0 ? (Object) bits : BigInteger.valueOf(bits & Long.MAX_VALUE).or(TWO_63);
    }

    static String describe(@Nullable Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[]) {
            return "byte[" + ((byte[]) v).length + "]";
        }
        return v.getClass().getSimpleName() + " " + v;
    }
}
