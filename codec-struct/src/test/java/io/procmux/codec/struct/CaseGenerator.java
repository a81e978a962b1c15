package io.procmux.codec.struct;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Generates cross-check cases from a seeded {@link Random}: format fuzz, packs of mostly valid and
 * sometimes invalid values, unpacks of random bytes, offsets, iteration, and floats near the
 * rounding and overflow edges of e and f. Each value is produced together with its oracle token.
 */
final class CaseGenerator {
    static final String CODES = "xcbB?hHiIlLqQnNefdspP";
    private static final String[] PREFIXES = {"", "@", "=", "<", ">", "!"};
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    final Random rnd;

    CaseGenerator(Random rnd) {
        this.rnd = rnd;
    }

    /** A value and its token. */
    record Arg(String token, Object value) {
    }

    /** One item of a generated format. */
    record Item(char code, int count, boolean hasCount) {
    }

    // ---- groups ----

    List<CrossCase> formats(int n) {
        String alphabet = "@=<>! xcbB?hHiIlLqQnNefdspP0123456789\t\n\rzZ\0";
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder f = new StringBuilder();
            if (rnd.nextInt(3) == 0) {
                f.append(PREFIXES[rnd.nextInt(PREFIXES.length)]);
            }
            int len = rnd.nextInt(9);
            for (int k = 0; k < len; k++) {
                f.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            out.add(new CrossCase("calcsize", f.toString(), List.of(), List.of()));
        }
        return out;
    }

    List<CrossCase> packs(int n) {
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
            List<Item> items = items(prefix);
            List<Arg> args = new ArrayList<>();
            for (Item it : items) {
                args.addAll(values(it, prefix, rnd.nextInt(12) == 0));
            }
            int roll = rnd.nextInt(30);
            if (roll == 0 && !args.isEmpty()) {
                args.remove(args.size() - 1);
            } else if (roll == 1) {
                args.add(new Arg("i:1", 1));
            }
            out.add(toCase("pack", format(prefix, items), args));
        }
        return out;
    }

    List<CrossCase> unpacks(int n) {
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
            String format = format(prefix, items(prefix));
            int size = Struct.calcsize(format);
            int len = rnd.nextInt(15) == 0 ? Math.max(0, size + rnd.nextInt(3) - 1) : size;
            out.add(toCase("unpack", format, List.of(bytes(randomBytes(len)))));
        }
        return out;
    }

    List<CrossCase> offsets(int n) {
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
            List<Item> items = items(prefix);
            String format = format(prefix, items);
            int size = Struct.calcsize(format);
            int bufLen = rnd.nextInt(size + 6);
            int offset = rnd.nextInt(bufLen + size + 6) - size - 3;
            if (rnd.nextBoolean()) {
                List<Arg> args = new ArrayList<>();
                args.add(new Arg("i:" + bufLen, bufLen));
                args.add(new Arg("i:" + offset, offset));
                boolean zeroP = items.stream().anyMatch(it -> it.code() == 'p' && it.count() == 0);
                if (zeroP) {
                    continue; // CPython writes the 0p length byte past the struct; we deliberately do not
                }
                for (Item it : items) {
                    args.addAll(values(it, prefix, false));
                }
                out.add(toCase("pack_into", format, args));
            } else {
                out.add(toCase("unpack_from", format, List.of(bytes(randomBytes(bufLen)),
                        new Arg("i:" + offset, offset))));
            }
        }
        return out;
    }

    List<CrossCase> iters(int n) {
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
            String format = format(prefix, items(prefix));
            int size = Struct.calcsize(format);
            int len = size * rnd.nextInt(4) + (rnd.nextInt(6) == 0 ? 1 : 0);
            out.add(toCase("iter_unpack", format, List.of(bytes(randomBytes(len)))));
        }
        return out;
    }

    List<CrossCase> halves(int n) {
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double d;
            switch (rnd.nextInt(5)) {
                case 0: d = Double.longBitsToDouble(rnd.nextLong()); break;
                case 1: {
                    // a half value moved by a few ulps of a double: exercises rounding and ties
                    double h = Half.toDouble(rnd.nextInt(0x7c00));
                    d = h + (rnd.nextInt(9) - 4) * Math.ulp(h) * (1L << rnd.nextInt(45));
                    break;
                }
                case 2: {
                    // an exact midpoint between two adjacent halves
                    int h = rnd.nextInt(0x7bff);
                    d = (Half.toDouble(h) + Half.toDouble(h + 1)) / 2;
                    break;
                }
                case 3: d = rnd.nextGaussian() * Math.pow(2, rnd.nextInt(50) - 30); break;
                default: d = (rnd.nextBoolean() ? 1 : -1) * (65504 + rnd.nextInt(40) * 0.5); break;
            }
            if (rnd.nextBoolean()) {
                d = -d;
            }
            out.add(toCase("pack", rnd.nextBoolean() ? "<e" : ">e", List.of(dbl(d))));
        }
        return out;
    }

    List<CrossCase> floats(int n) {
        List<CrossCase> out = new ArrayList<>();
        double max = Float.MAX_VALUE;
        double edge = max + Math.ulp((float) max) / 2.0;
        for (int i = 0; i < n; i++) {
            double d;
            switch (rnd.nextInt(4)) {
                case 0: d = Double.longBitsToDouble(rnd.nextLong()); break;
                case 1: d = edge + (rnd.nextInt(9) - 4) * Math.ulp(edge); break;
                case 2: d = (float) rnd.nextGaussian() + (rnd.nextInt(5) - 2) * Math.ulp((float) 1.0) / 2; break;
                default: d = rnd.nextDouble() * Math.pow(2, rnd.nextInt(300) - 150); break;
            }
            if (rnd.nextBoolean()) {
                d = -d;
            }
            String[] formats = {"<f", ">f", "@f", "=f"};
            out.add(toCase("pack", formats[rnd.nextInt(formats.length)], List.of(dbl(d))));
        }
        return out;
    }

    /** Hand-picked cases for the quirks the random groups may miss. */
    List<CrossCase> specials() {
        List<CrossCase> out = new ArrayList<>();
        Arg empty = bytes(new byte[0]);
        out.add(toCase("pack", "0px", List.of(empty)));
        out.add(toCase("pack", "B0pi", List.of(integer(BigInteger.ONE), empty, integer(BigInteger.TWO))));
        out.add(toCase("pack", "0p", List.of(empty)));
        out.add(toCase("unpack", "0p", List.of(empty)));
        out.add(toCase("unpack", "0s", List.of(empty)));
        out.add(toCase("pack", "300p", List.of(bytes(new byte[300]))));
        out.add(toCase("pack", "3p", List.of(bytes("abcdef".getBytes(StandardCharsets.US_ASCII)))));
        out.add(toCase("pack", "?", List.of(new Arg("N", null))));
        out.add(toCase("pack", "?", List.of(new Arg("s:", ""))));
        out.add(toCase("pack", "?", List.of(dbl(Double.NaN))));
        out.add(toCase("pack", "<d", List.of(new Arg("i:" + BigInteger.TEN.pow(400), BigInteger.TEN.pow(400)))));
        out.add(toCase("pack", "e", List.of(new Arg("T", true))));
        out.add(toCase("pack", "P", List.of(integer(BigInteger.ONE.negate()))));
        out.add(toCase("calcsize", "llh0l", List.of(), List.of()));
        out.add(toCase("calcsize", "99999999999999999999i", List.of(), List.of()));
        out.add(toCase("unpack", "<?", List.of(bytes(new byte[] {2}))));
        out.add(toCase("unpack", "<e", List.of(bytes(new byte[] {1, (byte) 0xfe}))));
        out.add(toCase("unpack", "<f", List.of(bytes(new byte[] {1, 0, (byte) 0x80, 0x7f}))));
        return out;
    }

    // ---- building blocks ----

    CrossCase toCase(String op, String format, List<Arg> args) {
        return new CrossCase(op, format, args.stream().map(Arg::token).toList(),
                args.stream().map(Arg::value).toList());
    }

    CrossCase toCase(String op, String format, List<String> tokens, List<Object> values) {
        return new CrossCase(op, format, tokens, values);
    }

    List<Item> items(String prefix) {
        boolean nat = prefix.isEmpty() || prefix.equals("@");
        int n = rnd.nextInt(7);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            char c;
            do {
                c = CODES.charAt(rnd.nextInt(CODES.length()));
            } while (!nat && (c == 'n' || c == 'N' || c == 'P'));
            boolean stringLike = c == 's' || c == 'p';
            boolean hasCount = stringLike ? rnd.nextInt(4) != 0 : rnd.nextInt(100) < 45;
            int count = hasCount ? rnd.nextInt(stringLike ? 9 : 5) : 1;
            items.add(new Item(c, count, hasCount));
        }
        return items;
    }

    String format(String prefix, List<Item> items) {
        StringBuilder f = new StringBuilder(prefix);
        for (Item it : items) {
            if (rnd.nextInt(8) == 0) {
                f.append(rnd.nextBoolean() ? " " : "\t");
            }
            if (it.hasCount()) {
                f.append(it.count());
            }
            f.append(it.code());
        }
        return f.toString();
    }

    /** The values for one item: one for s and p, none for x, else count values. */
    List<Arg> values(Item it, String prefix, boolean wild) {
        List<Arg> out = new ArrayList<>();
        char c = it.code();
        if (c == 'x') {
            return out;
        }
        if (c == 's' || c == 'p') {
            out.add(wild ? wrongType() : bytes(randomBytes(rnd.nextInt(20) == 0 ? 300 : rnd.nextInt(it.count() + 4))));
            return out;
        }
        for (int k = 0; k < it.count(); k++) {
            out.add(wild && rnd.nextBoolean() ? wrongType() : value(c, prefix));
        }
        return out;
    }

    private Arg value(char c, String prefix) {
        boolean nat = prefix.isEmpty() || prefix.equals("@");
        switch (c) {
            case 'c': return rnd.nextInt(20) == 0 ? bytes(randomBytes(rnd.nextInt(3))) : bytes(randomBytes(1));
            case '?': {
                int r = rnd.nextInt(4);
                return r == 0 ? integer(BigInteger.valueOf(rnd.nextInt(3))) : r == 1 ? dbl(rnd.nextInt(2) * 0.5)
                        : new Arg(r == 2 ? "T" : "F", r == 2);
            }
            case 'e': case 'f': case 'd': {
                int r = rnd.nextInt(10);
                if (r == 0) {
                    return integer(BigInteger.valueOf(rnd.nextInt(2001) - 1000));
                }
                if (r == 1) {
                    double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                        65504, 65520, 1e39, -1e300, Float.MAX_VALUE, Double.MIN_VALUE};
                    return dbl(specials[rnd.nextInt(specials.length)]);
                }
                return dbl(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6));
            }
            default:
                return integer(integerValue(c, nat));
        }
    }

    private BigInteger integerValue(char c, boolean nat) {
        BigInteger[] range = range(c, nat);
        BigInteger lo = range[0];
        BigInteger hi = range[1];
        switch (rnd.nextInt(8)) {
            case 0: return lo;
            case 1: return hi;
            case 2: return lo.subtract(BigInteger.ONE);
            case 3: return hi.add(BigInteger.ONE);
            case 4: return BigInteger.valueOf(rnd.nextInt(256) - 128);
            case 5: return rnd.nextBoolean() ? TWO_64 : TWO_64.negate();
            default: {
                BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
                return lo.add(new BigInteger(span.bitLength() + 8, rnd).mod(span));
            }
        }
    }

    static BigInteger[] range(char c, boolean nat) {
        int bits;
        boolean signed = Character.isLowerCase(c);
        switch (c) {
            case 'b': case 'B': bits = 8; break;
            case 'h': case 'H': bits = 16; break;
            case 'i': case 'I': bits = 32; break;
            case 'l': case 'L': bits = nat ? 64 : 32; break;
            case 'P':
                return new BigInteger[] {BigInteger.ONE.shiftLeft(63).negate(), TWO_64.subtract(BigInteger.ONE)};
            default: bits = 64; break;
        }
        if (signed) {
            BigInteger half = BigInteger.ONE.shiftLeft(bits - 1);
            return new BigInteger[] {half.negate(), half.subtract(BigInteger.ONE)};
        }
        return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)};
    }

    private Arg wrongType() {
        switch (rnd.nextInt(6)) {
            case 0: return new Arg("N", null);
            case 1: return new Arg("s:" + HEX.formatHex("ab".getBytes(StandardCharsets.UTF_8)), "ab");
            case 2: return dbl(1.5);
            case 3: return integer(BigInteger.valueOf(7));
            case 4: return new Arg("T", true);
            default: return bytes(randomBytes(rnd.nextInt(3)));
        }
    }

    /** An integer argument, passed to Java as Byte, Short, Integer, Long or BigInteger. */
    Arg integer(BigInteger v) {
        Object value;
        int kind = rnd.nextInt(5);
        if (v.bitLength() < 8 && kind == 0) {
            value = v.byteValue();
        } else if (v.bitLength() < 16 && kind == 1) {
            value = v.shortValue();
        } else if (v.bitLength() < 32 && kind <= 2) {
            value = v.intValue();
        } else if (v.bitLength() < 64 && kind <= 3) {
            value = v.longValue();
        } else {
            value = v;
        }
        return new Arg("i:" + v, value);
    }

    static Arg dbl(double d) {
        byte[] b = new byte[8];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(Double.doubleToRawLongBits(d));
        return new Arg("d:" + HEX.formatHex(b), d);
    }

    static Arg bytes(byte[] b) {
        return new Arg("b:" + HEX.formatHex(b), b);
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
