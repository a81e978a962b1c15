package io.procmux.codec.struct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Python's notation for the values {@link Struct} packs and unpacks, both ways: {@link #repr}
 * writes a value as Python's {@code repr()} does ({@code b'..'} bytes, {@code True}, the shortest
 * float that reads back exactly, {@code 1e+16}, {@code nan}); {@link #parse} reads a Python
 * literal (ints in any base, floats, {@code inf}/{@code nan}, {@code True}/{@code False},
 * {@code None}, bytes literals with escapes) into the Java value {@code pack} takes. Meant for
 * command lines and logs that must look like Python's.
 *
 * <p>Cost: a few small allocations per value; floats search for the shortest digits with
 * {@link BigDecimal}, so this is not for hot loops.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    /**
     * Python's {@code repr()} of a value: Long/Integer/Short/Byte/BigInteger as an int, Double or
     * Float as a float, Boolean as {@code True}/{@code False}, byte[] as a bytes literal, null as
     * {@code None}.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static String repr(@Nullable Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return reprFloat(((Number) value).doubleValue());
        }
        if (value instanceof byte[]) {
            return reprBytes((byte[]) value);
        }
        throw new IllegalArgumentException("no Python notation for " + value.getClass().getName());
    }

    /** Python's {@code repr(float)}: the shortest decimal that reads back as exactly {@code d}. */
    public static String reprFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        double abs = Math.abs(d);
        if (abs == 0) {
            return sign + "0.0";
        }
        BigDecimal digits = shortest(abs).stripTrailingZeros();
        String s = digits.unscaledValue().toString();
        int n = s.length();
        int point = n - digits.scale(); // value = 0.s * 10^point
        StringBuilder b = new StringBuilder(sign);
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                b.append("0.").append("0".repeat(-point)).append(s);
            } else if (point >= n) {
                b.append(s).append("0".repeat(point - n)).append(".0");
            } else {
                b.append(s, 0, point).append('.').append(s, point, n);
            }
        } else {
            b.append(s.charAt(0));
            if (n > 1) {
                b.append('.').append(s, 1, n);
            }
            int exp = point - 1;
            b.append(exp < 0 ? "e-" : "e+");
            String e = Integer.toString(Math.abs(exp));
            b.append(e.length() < 2 ? "0" + e : e);
        }
        return b.toString();
    }

    /** The decimal with the fewest digits that rounds to {@code abs}; the nearest one on ties. */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            BigDecimal ulp = BigDecimal.ONE.scaleByPowerOfTen(-r.scale());
            BigDecimal best = null;
            for (BigDecimal c : new BigDecimal[] {r, r.subtract(ulp), r.add(ulp)}) {
                if (c.signum() > 0 && c.doubleValue() == abs
                        && (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = c;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(MathContext.DECIMAL64);
    }

    /** Python's {@code repr(bytes)}: {@code b'...'}, in double quotes when that avoids escaping. */
    public static String reprBytes(byte[] data) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : data) {
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte x : data) {
            int c = x & 0xff;
            if (c == quote || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append((char) c);
            }
        }
        return b.append(quote).toString();
    }

    /**
     * Reads a Python literal into the value {@link Struct#pack} takes: an int (decimal,
     * {@code 0x}, {@code 0o}, {@code 0b}, underscores allowed) as Long or, beyond 64 bits,
     * BigInteger; a float ({@code 1.5}, {@code 1e-3}, {@code inf}, {@code nan}) as Double;
     * {@code True}/{@code False} as Boolean; {@code None} as null; a bytes literal
     * ({@code b'..'} or {@code b".."}, with Python's escapes) as byte[].
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static @Nullable Object parse(String text) {
        String t = text.strip();
        switch (t) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default: break;
        }
        if (t.length() >= 3 && (t.charAt(0) == 'b' || t.charAt(0) == 'B')) {
            return PythonLiterals.bytesLiteral(t);
        }
        BigInteger integer = PythonLiterals.integer(t);
        if (integer != null) {
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        Double d = PythonLiterals.floating(t);
        if (d != null) {
            return d;
        }
        throw new IllegalArgumentException("not a Python int, float, bool, None or bytes literal: " + text);
    }
}
