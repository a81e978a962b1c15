package io.procmux.codec.struct;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Cross-check cases for {@link PythonRepr}: values to repr, and literal texts to read. */
final class NotationCases {
    private final CaseGenerator gen;
    private final Random rnd;

    NotationCases(CaseGenerator gen) {
        this.gen = gen;
        this.rnd = gen.rnd;
    }

    List<CrossCase> reprs(int n) {
        List<CrossCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CaseGenerator.Arg arg;
            switch (rnd.nextInt(8)) {
                case 0: arg = CaseGenerator.dbl(Double.longBitsToDouble(rnd.nextLong())); break;
                case 1: arg = CaseGenerator.dbl((rnd.nextInt(20001) - 10000) / Math.pow(10, rnd.nextInt(8))); break;
                case 2: arg = CaseGenerator.dbl((rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextInt(44) - 22) * (1 + rnd.nextInt(9))); break;
                case 3: arg = CaseGenerator.dbl((float) rnd.nextGaussian()); break;
                case 4: arg = CaseGenerator.dbl(Math.scalb(1.0, rnd.nextInt(2100) - 1075)); break;
                case 5: {
                    byte[] b = gen.randomBytes(rnd.nextInt(12));
                    String quotes = "'\"\\\t\n\r a~";
                    for (int k = 0; k < b.length; k++) {
                        if (rnd.nextBoolean()) {
                            b[k] = (byte) quotes.charAt(rnd.nextInt(quotes.length()));
                        }
                    }
                    arg = CaseGenerator.bytes(b);
                    break;
                }
                case 6: arg = gen.integer(new BigInteger(rnd.nextInt(80) + 1, rnd).subtract(BigInteger.ONE.shiftLeft(40))); break;
                default: arg = rnd.nextBoolean() ? new CaseGenerator.Arg(rnd.nextBoolean() ? "T" : "F", null) : new CaseGenerator.Arg("N", null); break;
            }
            if (arg.token().equals("T") || arg.token().equals("F")) {
                arg = new CaseGenerator.Arg(arg.token(), arg.token().equals("T"));
            }
            out.add(gen.toCase("repr", "", List.of(arg)));
        }
        return out;
    }

    List<CrossCase> literals(int n) {
        String[] fixed = {"True", "False", "None", "inf", "-inf", "nan", "-nan", "Infinity", "0", "00", "-0", "010",
            "1__0", "0x", "0x_1f", "-0o17", "0b101", "0B1_1", "1_000", "1e5", "1E-5", ".5", "5.", "1_0.5", "1e1_0",
            "1.5f", "1d", "0x1.8p1", "abc", "b''", "b'\\x4'", "b'\\x41'", "b'\\777'", "b'\\8'", "b'\\q'",
            "b\"it's\"", "b'it\\'s'", "b'\\0'", "b'a\\\\'", "b'\\'", "B'x'", "b'x", "'x'", "b\"'\"",
            "18446744073709551616", "-9223372036854775809", " 7 ", "+5", "--5", "1e", "e5", ".", "_1", "1_"};
        List<CrossCase> out = new ArrayList<>();
        for (String f : fixed) {
            out.add(gen.toCase("literal", f, List.of(), List.of()));
        }
        for (int i = out.size(); i < n; i++) {
            String text;
            switch (rnd.nextInt(5)) {
                case 0: text = new BigInteger(rnd.nextInt(90) + 1, rnd).toString(); break;
                case 1: {
                    BigInteger v = new BigInteger(rnd.nextInt(70) + 1, rnd);
                    int base = new int[] {16, 8, 2}[rnd.nextInt(3)];
                    text = (rnd.nextBoolean() ? "-" : "") + "0" + "xob".charAt(base == 16 ? 0 : base == 8 ? 1 : 2)
                            + v.toString(base);
                    break;
                }
                case 2: text = Double.toString(Double.longBitsToDouble(rnd.nextLong() >>> 1)); break;
                case 3: text = PythonRepr.reprFloat((rnd.nextInt(2000001) - 1000000) / Math.pow(10, rnd.nextInt(10))); break;
                default: {
                    StringBuilder b = new StringBuilder("b'");
                    String[] pieces = {"a", "Z", " ", "\\n", "\\t", "\\x00", "\\xff", "\\x7F", "\\\\", "\\'", "\"",
                        "\\1", "\\12", "\\123", "\\a", "\\v", "\\z"};
                    int len = rnd.nextInt(8);
                    for (int k = 0; k < len; k++) {
                        b.append(pieces[rnd.nextInt(pieces.length)]);
                    }
                    text = b.append('\'').toString();
                    break;
                }
            }
            out.add(gen.toCase("literal", text, List.of(), List.of()));
        }
        return out;
    }
}
