package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates thousands of cases (formats, values, buffers, offsets), answers them with the
 * machine's CPython {@code struct} module in one python3 process, and compares bytes, values and
 * errors with ours. Skips with a message when python3 is absent.
 *
 * <p>Errors compare by meaning: both sides must fail, in the same category; where our message
 * keeps CPython's wording (everything except the integer range errors, which we word uniformly
 * with code and range) our message must contain CPython's.
 */
class CpythonCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern REWORDED = Pattern.compile(
            "argument out of range|int too large to convert|(byte|ubyte|short|ushort) format requires"
            + "|can't convert negative");

    private static final Map<String, List<CrossCase>> GROUPS = new LinkedHashMap<>();
    private static final List<String> ANSWERS = new ArrayList<>();
    private static String skipReason;

    @TempDir
    static Path temp;

    @BeforeAll
    static void askCpython() throws Exception {
        CaseGenerator gen = new CaseGenerator(new Random(0x5eed_5717L));
        GROUPS.put("format", gen.formats(1500));
        GROUPS.put("pack", gen.packs(3000));
        GROUPS.put("unpack", gen.unpacks(2000));
        GROUPS.put("offsets", gen.offsets(1500));
        GROUPS.put("iter", gen.iters(500));
        GROUPS.put("half", gen.halves(4000));
        GROUPS.put("float", gen.floats(1500));
        GROUPS.put("special", gen.specials());
        GROUPS.put("repr", new NotationCases(gen).reprs(2500));
        GROUPS.put("literal", new NotationCases(gen).literals(1500));

        StringBuilder input = new StringBuilder();
        for (List<CrossCase> cases : GROUPS.values()) {
            for (CrossCase c : cases) {
                input.append(c.line()).append('\n');
            }
        }
        Path in = temp.resolve("cases.txt");
        Files.writeString(in, input.toString(), StandardCharsets.UTF_8);
        Path script = temp.resolve("oracle.py");
        try (InputStream s = CpythonCrossCheckTest.class.getResourceAsStream("/cpython_struct_oracle.py")) {
            Files.write(script, s.readAllBytes());
        }
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString()).redirectInput(in.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            skipReason = "python3 is not available (" + e.getMessage() + "): skipping the CPython cross-check";
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertThat(exit).as("python3 exit status").isZero();
        ANSWERS.addAll(out.lines().toList());
    }

    @Test
    void formatsAndCalcsizeMatch() {
        check("format");
    }

    @Test
    void packedBytesAndPackErrorsMatch() {
        check("pack");
    }

    @Test
    void unpackedValuesMatchForRandomBytes() {
        check("unpack");
    }

    @Test
    void packIntoAndUnpackFromOffsetsMatch() {
        check("offsets");
    }

    @Test
    void iterUnpackMatches() {
        check("iter");
    }

    @Test
    void halfFloatRoundingMatchesBitForBit() {
        check("half");
    }

    @Test
    void floatRoundingAndOverflowMatch() {
        check("float");
    }

    @Test
    void handPickedQuirksMatch() {
        check("special");
    }

    @Test
    void pythonReprOfFloatsBytesAndIntsMatches() {
        check("repr");
    }

    @Test
    void pythonLiteralsReadTheSameValues() {
        check("literal");
    }

    private static void check(String group) {
        assumeTrue(skipReason == null, skipReason);
        int index = 0;
        for (Map.Entry<String, List<CrossCase>> e : GROUPS.entrySet()) {
            if (e.getKey().equals(group)) {
                break;
            }
            index += e.getValue().size();
        }
        List<CrossCase> cases = GROUPS.get(group);
        assertThat(ANSWERS.size()).as("answers from python3").isGreaterThanOrEqualTo(index + cases.size());
        List<String> mismatches = new ArrayList<>();
        int ok = 0;
        int errors = 0;
        for (int i = 0; i < cases.size(); i++) {
            CrossCase c = cases.get(i);
            String python = ANSWERS.get(index + i);
            String java = run(c);
            if (python.startsWith("ok ")) {
                ok++;
            } else {
                errors++;
            }
            String problem = compare(python, java);
            if (problem != null && mismatches.size() < 25) {
                mismatches.add(c.line() + "\n    python: " + python + "\n    java:   " + java + "\n    " + problem);
            }
        }
        assertThat(mismatches).as("%s: cases where we differ from CPython (first 25)", group).isEmpty();
        assertThat(ok).as("%s: cases CPython accepted", group).isPositive();
        if (!group.equals("half") && !group.equals("special") && !group.equals("repr")) {
            assertThat(errors).as("%s: cases CPython refused", group).isPositive();
        }
    }

    /** Null when the two answers agree, else why not. */
    static String compare(String python, String java) {
        if (python.startsWith("ok ") || java.startsWith("ok ")) {
            return python.equals(java) ? null : "different results";
        }
        String pyMessage = python.substring(python.indexOf(' ', 4) + 1);
        String javaMessage = java.substring(java.indexOf(' ', 4) + 1);
        String pyCategory = category(pyMessage);
        String javaCategory = category(javaMessage);
        if (!pyCategory.equals(javaCategory)) {
            return "error categories differ: " + pyCategory + " vs " + javaCategory;
        }
        if (pyCategory.equals("literal")) {
            return null; // a Python SyntaxError has no counterpart text; refusing is what matters
        }
        if (!REWORDED.matcher(pyMessage).find() && !javaMessage.contains(pyMessage)) {
            return "our message does not contain CPython's";
        }
        if (!java.startsWith("err StructException ")) {
            return "we threw something other than StructException";
        }
        return null;
    }

    static String category(String message) {
        String[][] table = {
            {"bad char in struct format", "bad-char"},
            {"repeat count given without format specifier", "repeat"},
            {"embedded null character", "nul"},
            {"total struct size too long", "too-long"},
            {"byte string is too large", "too-long"},
            {"format requires", "range"},
            {"argument out of range", "range"},
            {"int too large to convert", "range"},
            {"can't convert negative", "range"},
            {"required argument is not an integer", "not-int"},
            {"required argument is not a float", "not-float"},
            {"char format requires a bytes object of length 1", "char"},
            {"must be a bytes object", "bytes"},
            {"float too large to pack with", "float-overflow"},
            {"items for packing", "count"},
            {"unpack requires a buffer of", "unpack-size"},
            {"requires a buffer of at least", "at-least"},
            {"out of range for", "offset"},
            {"no space to pack", "no-space"},
            {"not enough data to unpack", "not-enough"},
            {"iterative unpacking requires", "iter-multiple"},
            {"cannot iteratively unpack", "iter-zero"},
            {"Negative size passed", "zero-p"},
            {"cannot unpack '0p'", "zero-p"},
            {"not a Python int", "literal"},
            {"invalid syntax", "literal"},
            {"invalid decimal literal", "literal"},
            {"malformed node or string", "literal"},
            {"not a number, bool, None or bytes", "literal"},
            {"bytes literal", "literal"},
            {"escape", "literal"},
            {"bytes can only contain ASCII", "literal"},
            {"unterminated", "literal"},
            {"leading zeros", "literal"},
            {"invalid", "literal"},
        };
        for (String[] row : table) {
            if (message.contains(row[0])) {
                return row[1];
            }
        }
        return "other: " + message;
    }

    /** Runs a case through our implementation and answers in the oracle's notation. */
    static String run(CrossCase c) {
        try {
            return "ok " + String.join(" ", execute(c));
        } catch (RuntimeException e) {
            return "err " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    private static List<String> execute(CrossCase c) {
        List<Object> a = c.args();
        List<String> out = new ArrayList<>();
        switch (c.op()) {
            case "calcsize":
                out.add("i:" + Struct.calcsize(c.format()));
                break;
            case "pack": {
                Struct s = Struct.compile(c.format());
                byte[] packed = s.pack(a.toArray());
                ByteBuffer direct = ByteBuffer.allocateDirect(packed.length + 2).position(1);
                s.packInto(direct, a.toArray());
                byte[] again = new byte[packed.length];
                direct.get(1, again);
                assertThat(again).as("direct buffer packing of %s", c.line()).isEqualTo(packed);
                out.add(token(packed));
                break;
            }
            case "unpack": {
                Struct s = Struct.compile(c.format());
                byte[] data = (byte[]) a.get(0);
                Object[] values = s.unpack(data);
                assertThat(encodeAll(s.unpack(ByteBuffer.wrap(data)))).as("buffer unpack").isEqualTo(encodeAll(values));
                out.addAll(encodeAll(values));
                break;
            }
            case "pack_into": {
                byte[] buf = new byte[(Integer) a.get(0)];
                java.util.Arrays.fill(buf, (byte) 0xaa);
                Struct.compile(c.format()).packInto(buf, (Integer) a.get(1), a.subList(2, a.size()).toArray());
                out.add(token(buf));
                break;
            }
            case "unpack_from":
                out.addAll(encodeAll(Struct.compile(c.format()).unpackFrom((byte[]) a.get(0), (Integer) a.get(1))));
                break;
            case "repr":
                out.add(PythonRepr.repr(a.get(0)));
                break;
            case "literal":
                out.add(tokenOrNone(PythonRepr.parse(c.format())));
                break;
            case "iter_unpack": {
                Iterator<Object[]> it = Struct.compile(c.format()).iterUnpack((byte[]) a.get(0));
                while (it.hasNext()) {
                    out.addAll(encodeAll(it.next()));
                    out.add("|");
                }
                break;
            }
            default:
                throw new IllegalStateException(c.op());
        }
        return out;
    }

    static List<String> encodeAll(Object[] values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(token(v));
        }
        return out;
    }

    static String tokenOrNone(Object v) {
        return v == null ? "N" : token(v);
    }

    static String token(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "T" : "F";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "i:" + v;
        }
        if (v instanceof Double) {
            byte[] b = new byte[8];
            ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(Double.doubleToRawLongBits((Double) v));
            return "d:" + HEX.formatHex(b);
        }
        if (v instanceof byte[]) {
            return "b:" + HEX.formatHex((byte[]) v);
        }
        throw new IllegalArgumentException("unexpected value " + v);
    }
}
