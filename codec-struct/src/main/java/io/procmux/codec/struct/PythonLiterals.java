package io.procmux.codec.struct;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The literal readers behind {@link PythonRepr#parse}: ints, floats and bytes literals, Python's grammar. */
final class PythonLiterals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(0(_?0)*|[1-9](_?[0-9])*)");
    private static final Pattern PREFIXED = Pattern.compile("[+-]?0([xX](_?[0-9a-fA-F])+|[oO](_?[0-7])+|[bB](_?[01])+)");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(([0-9](_?[0-9])*)?\\.[0-9](_?[0-9])*|[0-9](_?[0-9])*\\.?)([eE][+-]?[0-9](_?[0-9])*)?");

    private PythonLiterals() {
    }

    static @Nullable BigInteger integer(String t) {
        if (DECIMAL.matcher(t).matches()) {
            return new BigInteger(t.replace("_", ""));
        }
        if (PREFIXED.matcher(t).matches()) {
            boolean negative = t.charAt(0) == '-';
            String body = t.replaceFirst("^[+-]", "");
            char kind = Character.toLowerCase(body.charAt(1));
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            BigInteger v = new BigInteger(body.substring(2).replace("_", ""), radix);
            return negative ? v.negate() : v;
        }
        return null;
    }

    static @Nullable Double floating(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        String unsigned = lower.replaceFirst("^[+-]", "");
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return negative ? Double.longBitsToDouble(0xfff8_0000_0000_0000L) : Double.NaN;
        }
        boolean looksFloat = unsigned.indexOf('.') >= 0 || unsigned.indexOf('e') >= 0;
        if (looksFloat && FLOAT.matcher(t).matches()) {
            return Double.parseDouble(t.replace("_", ""));
        }
        return null;
    }

    /** {@code b'...'} or {@code b"..."} with Python's escapes; an unknown escape keeps its backslash. */
    static byte[] bytesLiteral(String t) {
        char quote = t.charAt(1);
        if ((quote != '\'' && quote != '"') || t.charAt(t.length() - 1) != quote) {
            throw new IllegalArgumentException("not a bytes literal: " + t);
        }
        String body = t.substring(2, t.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c > 0x7f) {
                throw new IllegalArgumentException("bytes can only contain ASCII literal characters: " + t);
            }
            if (c == quote) {
                throw new IllegalArgumentException("unescaped quote in bytes literal: " + t);
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i == body.length()) {
                throw new IllegalArgumentException("bytes literal ends in a backslash: " + t);
            }
            char e = body.charAt(i);
            switch (e) {
                case '\\': case '\'': case '"': out.write(e); break;
                case 'a': out.write(7); break;
                case 'b': out.write(8); break;
                case 'f': out.write(12); break;
                case 'n': out.write(10); break;
                case 'r': out.write(13); break;
                case 't': out.write(9); break;
                case 'v': out.write(11); break;
                case 'x': {
                    String hex = body.substring(i + 1, Math.min(i + 3, body.length()));
                    if (hex.length() != 2 || !hex.matches("[0-9a-fA-F]{2}")) {
                        throw new IllegalArgumentException("invalid \\x escape in: " + t);
                    }
                    out.write(Integer.parseInt(hex, 16));
                    i += 2;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int k = 1;
                        while (k < 3 && i + 1 < body.length() && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') {
                            v = v * 8 + (body.charAt(++i) - '0');
                            k++;
                        }
                        out.write(v & 0xff);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                    break;
            }
        }
        return out.toByteArray();
    }
}
