package io.procmux.codec.struct;

/**
 * IEEE 754 binary16 ("half", struct code {@code e}) conversions. Packing rounds the double
 * directly to the nearest half, ties to even, from its exact binary value (never through
 * {@code float}, which would round twice); unpacking is exact. NaN packs to the quiet NaN of the
 * same sign ({@code 0x7e00}/{@code 0xfe00}), as CPython does.
 *
 * <p>Cost: a few integer operations; no allocation.
 */
final class Half {
    /** Returned by {@link #fromDouble} when the value is too large for a half. */
    static final int OVERFLOW = -1;

    /** The bits of 2^-14, the smallest normal half, as a double's and as a float's magnitude. */
    private static final long MIN_NORMAL_DOUBLE = (1023L - 14) << 52;
    private static final int MIN_NORMAL_FLOAT = (127 - 14) << 23;
    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);

    private Half() {
    }

    /** The half bits (0..0xffff) nearest to {@code x}, or {@link #OVERFLOW}. */
    static int fromDouble(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int sign = (int) (bits >>> 48) & 0x8000;
        long magnitude = bits & 0x7fff_ffff_ffff_ffffL;
        if (magnitude >= 0x7ff0_0000_0000_0000L) {
            return sign | (magnitude == 0x7ff0_0000_0000_0000L ? 0x7c00 : 0x7e00);
        }
        if (magnitude >= MIN_NORMAL_DOUBLE) {
            // A normal half or an overflow: round to nearest, ties to even, at bit 42 by adding just
            // under half a unit plus the lowest kept bit; a carry moves into the exponent by itself.
            long rounded = (magnitude + 0x1ff_ffff_ffffL + ((magnitude >>> 42) & 1)) >>> 42;
            long result = rounded - ((1023L - 15) << 10);
            return result >= 0x7c00 ? OVERFLOW : sign | (int) result;
        }
        int exponent = (int) (magnitude >>> 52) - 1023;
        if (exponent < -25) {
            // Below half of the smallest subnormal half (2^-24): rounds to a signed zero.
            return sign;
        }
        // A subnormal half: count units of 2^-24, rounding to nearest even.
        long significand = (magnitude & 0x000f_ffff_ffff_ffffL) | 0x0010_0000_0000_0000L;
        int shift = 28 - exponent;
        long kept = significand >>> shift;
        long rest = significand & ((1L << shift) - 1);
        long halfway = 1L << (shift - 1);
        if (rest > halfway || (rest == halfway && (kept & 1) == 1)) {
            kept++;
        }
        return sign | (int) kept; // kept == 1024 is the smallest normal half, which these bits already spell
    }

    /**
     * {@link #fromDouble} of a float's value, in 32-bit arithmetic: a float widens to a double
     * exactly, so rounding from the float directly is the same single rounding.
     */
    static int fromFloat(float x) {
        int bits = Float.floatToRawIntBits(x);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7fff_ffff;
        if (magnitude >= 0x7f80_0000) {
            return sign | (magnitude == 0x7f80_0000 ? 0x7c00 : 0x7e00);
        }
        if (magnitude >= MIN_NORMAL_FLOAT) {
            int rounded = (magnitude + 0xfff + ((magnitude >>> 13) & 1)) >>> 13; // as in fromDouble, at bit 13
            int result = rounded - ((127 - 15) << 10);
            return result >= 0x7c00 ? OVERFLOW : sign | result;
        }
        int exponent = (magnitude >>> 23) - 127;
        if (exponent < -25) {
            return sign; // includes every subnormal float
        }
        int significand = (magnitude & 0x7f_ffff) | 0x80_0000;
        int shift = -1 - exponent;
        int kept = significand >>> shift;
        int rest = significand & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rest > halfway || (rest == halfway && (kept & 1) == 1)) {
            kept++;
        }
        return sign | kept;
    }

    /** The exact double value of half bits {@code h} (only the low 16 bits are used). */
    static double toDouble(int h) {
        long sign = (long) (h & 0x8000) << 48;
        int exponent = (h >>> 10) & 0x1f;
        int fraction = h & 0x3ff;
        if (exponent == 0x1f) {
            if (fraction != 0) {
                return sign != 0 ? NEGATIVE_NAN : Double.NaN;
            }
            return Double.longBitsToDouble(sign | 0x7ff0_0000_0000_0000L);
        }
        if (exponent == 0) {
            double subnormal = fraction * 0x1p-24;
            return sign != 0 ? -subnormal : subnormal;
        }
        // a normal half is a normal double: rebias the exponent, widen the fraction
        return Double.longBitsToDouble(sign | (long) (exponent - 15 + 1023) << 52 | (long) fraction << 42);
    }
}
