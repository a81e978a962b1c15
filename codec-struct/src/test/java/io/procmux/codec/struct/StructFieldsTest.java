package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Typed single-field access agrees with pack and unpack, byte for byte. */
class StructFieldsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void describesEveryFieldWithItsOffsetAndCode() {
        StructFields f = Struct.compile("@b2i3s?d").fields();
        assertThat(f.count()).isEqualTo(6);
        assertThat(new int[] {f.offset(0), f.offset(1), f.offset(2), f.offset(3), f.offset(4), f.offset(5)})
                .containsExactly(0, 4, 8, 12, 15, 16);
        assertThat(new char[] {f.code(0), f.code(1), f.code(2), f.code(3), f.code(4), f.code(5)})
                .containsExactly('b', 'i', 'i', 's', '?', 'd');
        Struct once = Struct.compile("<i");
        assertThat(once.fields()).as("built once per struct").isSameAs(once.fields());
    }

    @Test
    void writesWhatPackWritesAndReadsWhatUnpackReads() {
        String format = ">bBhHiIqQ?efd2s3pcn";
        Struct s = Struct.compile(format.replace("n", "x"));
        StructFields f = s.fields();
        Object[] values = {-1, 255, -2, 65535, -3, 4294967295L, Long.MIN_VALUE, new java.math.BigInteger("18446744073709551615"),
            true, 1.5, 0.25, -7.0, "ab".getBytes(), "x".getBytes(), "q".getBytes()};
        byte[] expected = s.pack(values);

        for (boolean direct : new boolean[] {false, true}) {
            byte[] arr = new byte[expected.length + 5];
            ByteBuffer buf = direct ? ByteBuffer.allocateDirect(expected.length + 5) : ByteBuffer.allocate(expected.length + 5);
            long[] longs = {-1, 255, -2, 65535, -3, 4294967295L, Long.MIN_VALUE, -1L};
            for (int i = 0; i < longs.length; i++) {
                f.putLong(arr, 5, i, longs[i]);
                f.putLong(buf, 5, i, longs[i]);
            }
            f.putBoolean(arr, 5, 8, true);
            f.putBoolean(buf, 5, 8, true);
            double[] doubles = {1.5, 0.25, -7.0};
            for (int i = 0; i < 3; i++) {
                f.putDouble(arr, 5, 9 + i, doubles[i]);
                f.putDouble(buf, 5, 9 + i, doubles[i]);
            }
            byte[][] bytes = {"ab".getBytes(), "x".getBytes(), "q".getBytes()};
            for (int i = 0; i < 3; i++) {
                f.putBytes(arr, 5, 12 + i, bytes[i]);
                f.putBytes(buf, 5, 12 + i, bytes[i]);
            }
            assertThat(HEX.formatHex(arr, 5, arr.length)).isEqualTo(HEX.formatHex(expected));
            byte[] fromBuffer = new byte[expected.length];
            buf.get(5, fromBuffer);
            assertThat(fromBuffer).as("direct=%s", direct).isEqualTo(expected);

            for (int i = 0; i < longs.length; i++) {
                assertThat(f.getLong(arr, 5, i)).as("field %d", i).isEqualTo(longs[i]);
                assertThat(f.getLong(buf, 5, i)).as("field %d", i).isEqualTo(longs[i]);
            }
            assertThat(f.getBoolean(arr, 5, 8)).isTrue();
            assertThat(f.getBoolean(buf, 5, 8)).isTrue();
            assertThat(f.getLong(arr, 5, 8)).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                assertThat(f.getDouble(arr, 5, 9 + i)).isEqualTo(doubles[i]);
                assertThat(f.getDouble(buf, 5, 9 + i)).isEqualTo(doubles[i]);
                assertThat(f.getBytes(arr, 5, 12 + i)).isEqualTo(bytes[i]);
                assertThat(f.getBytes(buf, 5, 12 + i)).isEqualTo(bytes[i]);
            }
        }
    }

    @Test
    void refusesTheWrongAccessorAndOutOfRangeValues() {
        StructFields f = Struct.compile("<hd3s?").fields();
        byte[] data = new byte[f.offset(3) + 1];
        assertThatThrownBy(() -> f.getDouble(data, 0, 0)).isInstanceOf(StructException.class)
                .hasMessage("field 0 is 'h' at format offset 1 of '<hd3s?'; use getLong/putLong");
        assertThatThrownBy(() -> f.putLong(data, 0, 1, 1)).hasMessageEndingWith("use getDouble/putDouble");
        assertThatThrownBy(() -> f.getLong(data, 0, 2)).hasMessageEndingWith("use getBytes/putBytes");
        assertThatThrownBy(() -> f.putBytes(data, 0, 3, new byte[1])).hasMessageEndingWith("use getBoolean/putBoolean");
        assertThatThrownBy(() -> f.putLong(data, 0, 0, 40000)).isInstanceOf(StructException.class)
                .hasMessageStartingWith("'h' format requires -32768 <= number <= 32767");
        assertThatThrownBy(() -> Struct.compile("<e").fields().putDouble(new byte[2], 0, 0, 1e6))
                .hasMessageStartingWith("float too large to pack with e format");
        assertThatThrownBy(() -> f.getLong(data, 0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> f.getLong(new byte[1], 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
