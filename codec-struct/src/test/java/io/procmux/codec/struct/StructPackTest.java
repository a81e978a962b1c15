package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven packing and unpacking per code and byte order, with the Java types of the results. */
class StructPackTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    /** format, hex CPython produces, the values packed, the values unpack returns. */
    static Stream<Arguments> table() {
        return Stream.of(
                row("<b", "80", v(-128), v(-128L)),
                row(">B", "ff", v(255), v(255L)),
                row("<h", "0180", v((short) -32767), v(-32767L)),
                row(">h", "8001", v(-32767), v(-32767L)),
                row("!H", "ffff", v(65535), v(65535L)),
                row("<i", "feffffff", v(-2), v(-2L)),
                row(">I", "fffffffe", v(4294967294L), v(4294967294L)),
                row("<l", "00000080", v(Integer.MIN_VALUE), v(-2147483648L)),
                row("@l", "0000000001000000", v(1L << 32), v(1L << 32)),
                row("=L", "ffffffff", v(4294967295L), v(4294967295L)),
                row("@L", "ffffffffffffffff", v(U64_MAX), v(U64_MAX)),
                row("<q", "0000000000000080", v(Long.MIN_VALUE), v(Long.MIN_VALUE)),
                row(">Q", "8000000000000000", v(BigInteger.ONE.shiftLeft(63)), v(BigInteger.ONE.shiftLeft(63))),
                row("<Q", "ffffffffffffff7f", v(Long.MAX_VALUE), v(Long.MAX_VALUE)),
                row("n", "ffffffffffffffff", v(-1), v(-1L)),
                row("N", "0100000000000000", v(BigInteger.ONE), v(1L)),
                row("P", "ffffffffffffffff", v(-1), v(U64_MAX)),
                row("<?", "01", v(true), v(true)),
                row("?", "00", v(false), v(false)),
                row("<e", "003c", v(1.0), v(1.0)),
                row(">e", "7bff", v(65504.0), v(65504.0)),
                row("<e", "0080", v(-0.0), v(-0.0)),
                row("<e", "007e", v(Double.NaN), v(Double.NaN)),
                row("<e", "00fc", v(Double.NEGATIVE_INFINITY), v(Double.NEGATIVE_INFINITY)),
                row("<f", "0000c03f", v(1.5f), v(1.5)),
                row(">f", "3dcccccd", v(0.1), v((double) 0.1f)),
                row("@f", "0000807f", v(1e300), v(Double.POSITIVE_INFINITY)),
                row("<d", "182d4454fb210940", v(Math.PI), v(Math.PI)),
                row(">d", "8000000000000000", v(-0.0), v(-0.0)),
                row("<d", "000000000000f03f", v(1), v(1.0)),
                row("c", "41", v(new byte[] {'A'}), v(new byte[] {'A'})),
                row("3s", "616200", v(bytes("ab")), v(bytes("ab\0"))),
                row("2s", "6162", v(bytes("abc")), v(bytes("ab"))),
                row("0s", "", v(bytes("abc")), v(new byte[0])),
                row("4p", "02616200", v(bytes("ab")), v(bytes("ab"))),
                row("3p", "026162", v(bytes("abcdef")), v(bytes("ab"))),
                row("1p", "00", v(bytes("ab")), v(new byte[0])),
                row("<hxi", "0100" + "00" + "02000000", v(1, 2), v(1L, 2L)),
                row("@bi", "01000000" + "02000000", v(1, 2), v(1L, 2L)),
                row("@llh0l", "0100000000000000" + "0200000000000000" + "0300" + "000000000000", v(1, 2, 3),
                        v(1L, 2L, 3L)),
                row(">2h 2?", "00010002" + "0100", v(1, 2, true, false), v(1L, 2L, true, false)),
                row("<3B", "010203", v((byte) 1, (short) 2, 3L), v(1L, 2L, 3L)),
                row("B0pi", "01ff0000" + "02000000", v(1, new byte[0], 2), null),
                row("0px", "ff", v(new byte[0]), null),
                row("<i", "01000000", v(true), v(1L)),
                row("<d", "0000000000000000", v(false), v(0.0)),
                row("<?", "01", v(2), v(true)),
                row("<?", "00", v(0.0), v(false)),
                row("<?", "01", v(Double.NaN), v(true)),
                row("<?", "00", v((Object) null), v(false)),
                row("<?", "01", v("x"), v(true)),
                row("<?", "00", v(new byte[0]), v(false)),
                row("<e", "003c", v(BigInteger.ONE), v(1.0)),
                row("<f", "0000803f", v(new java.math.BigDecimal("1")), v(1.0)));
    }

    @ParameterizedTest(name = "{0} {2} -> {1}")
    @MethodSource("table")
    void packsAndUnpacksLikeCpython(String format, String hex, Object[] values, Object[] unpacked) {
        Struct s = Struct.compile(format);
        assertThat(HEX.formatHex(s.pack(values))).isEqualTo(hex);
        assertThat(HEX.formatHex(Struct.pack(format, values))).isEqualTo(hex);

        byte[] into = new byte[hex.length() / 2 + 4];
        java.util.Arrays.fill(into, (byte) 0x55);
        s.packInto(into, 2, values);
        assertThat(HEX.formatHex(into, 2, 2 + hex.length() / 2)).as("pack_into zeroes pads").isEqualTo(hex);
        assertThat(into[0]).isEqualTo((byte) 0x55);
        assertThat(into[into.length - 1]).isEqualTo((byte) 0x55);

        ByteBuffer direct = ByteBuffer.allocateDirect(hex.length() / 2 + 3).position(3);
        s.packInto(direct, values);
        assertThat(direct.remaining()).isZero();
        byte[] fromDirect = new byte[hex.length() / 2];
        direct.get(3, fromDirect);
        assertThat(HEX.formatHex(fromDirect)).isEqualTo(hex);

        if (unpacked != null) {
            byte[] data = HEX.parseHex(hex);
            assertSameValues(s.unpack(data), unpacked);
            assertSameValues(Struct.unpack(format, data), unpacked);
            assertSameValues(s.unpackFrom(into, 2), unpacked);
            assertSameValues(s.unpack(ByteBuffer.wrap(data)), unpacked);
            assertSameValues(s.unpackFrom(direct.position(3)), unpacked);
            assertThat(direct.position()).isEqualTo(direct.limit());
        }
    }

    @Test
    void iterUnpackWalksConsecutiveStructs() {
        Struct s = Struct.compile("<hB");
        byte[] data = HEX.parseHex("010002" + "ffff03" + "000004");
        Iterator<Object[]> it = s.iterUnpack(data);
        assertSameValues(it.next(), v(1L, 2L));
        assertSameValues(it.next(), v(-1L, 3L));
        assertSameValues(it.next(), v(0L, 4L));
        assertThat(it.hasNext()).isFalse();
        assertThat(s.iterUnpack(new byte[0]).hasNext()).isFalse();

        ByteBuffer buffer = ByteBuffer.allocateDirect(7).put((byte) 9).put(HEX.parseHex("0500060700ff")).position(1);
        Iterator<Object[]> fromBuffer = s.iterUnpack(buffer);
        assertSameValues(fromBuffer.next(), v(5L, 6L));
        assertSameValues(fromBuffer.next(), v(7L, 255L));
        assertThat(fromBuffer.hasNext()).isFalse();
        assertThat(buffer.position()).as("iteration does not move the buffer").isEqualTo(1);
    }

    @Test
    void negativeOffsetsCountFromTheEndAsInCpython() {
        Struct s = Struct.compile("<H");
        byte[] buf = new byte[5];
        s.packInto(buf, -2, 0x0102);
        assertThat(HEX.formatHex(buf)).isEqualTo("0000000201");
        assertSameValues(s.unpackFrom(buf, -2), v(0x0102L));
        assertSameValues(s.unpackFrom(buf, 3), v(0x0102L));
    }

    @Test
    void unpackReturnsLongExceptForUnsigned64BitValuesFrom2To63() {
        assertThat(Struct.unpack("<Q", HEX.parseHex("ffffffffffffff7f"))[0]).isExactlyInstanceOf(Long.class);
        assertThat(Struct.unpack("<Q", HEX.parseHex("0000000000000080"))[0]).isExactlyInstanceOf(BigInteger.class)
                .isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(Struct.unpack("<q", HEX.parseHex("0000000000000080"))[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(Struct.unpack("<B", HEX.parseHex("ff"))[0]).isExactlyInstanceOf(Long.class);
        assertThat(Struct.unpack("<e", HEX.parseHex("0000"))[0]).isExactlyInstanceOf(Double.class);
        assertThat(Struct.unpack("<?", HEX.parseHex("80"))[0]).isEqualTo(Boolean.TRUE);
    }

    @Test
    void nanPayloadsAndSignsSurviveDAndF() {
        long bits = 0x7ff0_0000_dead_beefL;
        byte[] packed = Struct.pack(">d", Double.longBitsToDouble(bits));
        assertThat(HEX.formatHex(packed)).isEqualTo("7ff00000deadbeef");
        assertThat(Double.doubleToRawLongBits((Double) Struct.unpack(">d", packed)[0])).isEqualTo(bits);
        double negativeNan = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
        assertThat(HEX.formatHex(Struct.pack(">f", negativeNan))).isEqualTo("ffc00000");
        assertThat(HEX.formatHex(Struct.pack(">e", negativeNan))).isEqualTo("fe00");
    }

    static void assertSameValues(Object[] actual, Object[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).hasSameClassAs(expected[i]);
            if (expected[i] instanceof Double) {
                assertThat(Double.doubleToRawLongBits((Double) actual[i])).as("value %d bits", i)
                        .isEqualTo(Double.doubleToRawLongBits((Double) expected[i]));
            } else {
                assertThat(actual[i]).as("value %d", i).isEqualTo(expected[i]);
            }
        }
    }

    private static Arguments row(String format, String hex, Object[] values, Object[] unpacked) {
        return arguments(format, hex, values, unpacked);
    }

    static Object[] v(Object... values) {
        return values;
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
