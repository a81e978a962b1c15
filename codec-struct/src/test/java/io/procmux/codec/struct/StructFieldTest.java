package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The generated per-field accessors agree with pack, unpack and {@link StructFields} (their
 * fallback) byte for byte and error for error, in every byte order, on arrays and buffers.
 */
class StructFieldTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String STANDARD = "bB?hHiIlLqQefdc5s4p";
    private static final String NATIVE = "bnBN?PhHiIlLqQefdc5s4p";

    @Test
    void accessorsAreGeneratedOncePerFieldAndDescribeTheirField() {
        Struct s = Struct.compile("@b2i3s?d");
        StructField.OfLong second = s.longField(2);
        assertThat(second.getClass().isHidden()).isTrue();
        assertThat(s.longField(2)).as("kept").isSameAs(second);
        assertThat(second.index()).isEqualTo(2);
        assertThat(second.offset()).isEqualTo(8);
        assertThat(second.code()).isEqualTo('i');
        assertThat(second).hasToString("OfLong(2, 'i' at offset 8 of '@b2i3s?d')");
        assertThat(s.bytesField(3).offset()).isEqualTo(12);
        assertThat(s.booleanField(4).offset()).isEqualTo(15);
        assertThat(s.doubleField(5).offset()).isEqualTo(16);
        assertThat(FieldClass.make(s, 2, FieldClass.Kind.LONG, false).getClass().isHidden()).isFalse();
    }

    @Test
    void readWhatUnpackReadsAndWriteWhatPackWritesInEveryOrder() {
        Random rnd = new Random(11);
        for (String order : new String[] {"<", ">", "!", "=", "@", ""}) {
            boolean nat = order.isEmpty() || order.equals("@");
            Struct s = Struct.compile(order + (nat ? NATIVE : STANDARD));
            for (boolean generated : new boolean[] {true, false}) {
                List<StructField> fields = new ArrayList<>();
                for (int k = 0; k < s.count(); k++) {
                    FieldClass.Kind kind = FieldClass.Kind.of(s.layout.op[s.layout.runOfValue(k)]);
                    fields.add(FieldClass.make(s, k, kind, generated));
                }
                for (int round = 0; round < 100; round++) {
                    byte[] packed = new byte[s.size()];
                    rnd.nextBytes(packed);
                    Object[] values = s.unpack(packed);
                    checkReads(s, fields, packed, values, s.format() + " generated=" + generated);
                    checkWrites(s, fields, values, s.format() + " generated=" + generated);
                }
            }
        }
    }

    private static void checkReads(Struct s, List<StructField> fields, byte[] packed, Object[] values, String what) {
        byte[] at5 = new byte[packed.length + 5];
        System.arraycopy(packed, 0, at5, 5, packed.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(at5.length).put(at5);
        for (StructField f : fields) {
            Object want = values[f.index()];
            String as = what + " field " + f;
            for (Object got : new Object[] {read(f, at5, 5), read(f, direct, 5), read(f, ByteBuffer.wrap(at5), 5)}) {
                assertThat(normal(got)).as(as).isEqualTo(normal(want));
            }
        }
    }

    private static void checkWrites(Struct s, List<StructField> fields, Object[] values, String what) {
        byte[] expected = s.pack(values);
        byte[] arr = new byte[expected.length + 3];
        ByteBuffer heap = ByteBuffer.allocate(arr.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(arr.length);
        for (StructField f : fields) {
            Object v = values[f.index()];
            write(f, arr, v);
            write(f, heap, v);
            write(f, direct, v);
        }
        String want = HEX.formatHex(expected);
        assertThat(HEX.formatHex(arr, 3, arr.length)).as(what).isEqualTo(want);
        for (ByteBuffer b : new ByteBuffer[] {heap, direct}) {
            byte[] got = new byte[expected.length];
            b.get(3, got);
            assertThat(HEX.formatHex(got)).as(what).isEqualTo(want);
        }
    }

    private static Object read(StructField f, Object data, int base) {
        boolean array = data instanceof byte[];
        if (f instanceof StructField.OfLong) {
            StructField.OfLong l = (StructField.OfLong) f;
            return array ? l.get((byte[]) data, base) : l.get((ByteBuffer) data, base);
        }
        if (f instanceof StructField.OfDouble) {
            StructField.OfDouble d = (StructField.OfDouble) f;
            return array ? d.get((byte[]) data, base) : d.get((ByteBuffer) data, base);
        }
        if (f instanceof StructField.OfBoolean) {
            StructField.OfBoolean z = (StructField.OfBoolean) f;
            return array ? z.get((byte[]) data, base) : z.get((ByteBuffer) data, base);
        }
        StructField.OfBytes y = (StructField.OfBytes) f;
        return array ? y.get((byte[]) data, base) : y.get((ByteBuffer) data, base);
    }

    private static void write(StructField f, Object data, Object v) {
        boolean array = data instanceof byte[];
        if (f instanceof StructField.OfLong) {
            long x = v instanceof BigInteger ? ((BigInteger) v).longValue() : (Long) v;
            if (array) {
                ((StructField.OfLong) f).put((byte[]) data, 3, x);
            } else {
                ((StructField.OfLong) f).put((ByteBuffer) data, 3, x);
            }
        } else if (f instanceof StructField.OfDouble) {
            if (array) {
                ((StructField.OfDouble) f).put((byte[]) data, 3, (Double) v);
            } else {
                ((StructField.OfDouble) f).put((ByteBuffer) data, 3, (Double) v);
            }
        } else if (f instanceof StructField.OfBoolean) {
            if (array) {
                ((StructField.OfBoolean) f).put((byte[]) data, 3, (Boolean) v);
            } else {
                ((StructField.OfBoolean) f).put((ByteBuffer) data, 3, (Boolean) v);
            }
        } else if (array) {
            ((StructField.OfBytes) f).put((byte[]) data, 3, (byte[]) v);
        } else {
            ((StructField.OfBytes) f).put((ByteBuffer) data, 3, (byte[]) v);
        }
    }

    /** Comparable forms: unsigned 64-bit BigIntegers as their long bits, arrays as hex, doubles by bits. */
    private static Object normal(Object v) {
        if (v instanceof BigInteger) {
            return ((BigInteger) v).longValue();
        }
        if (v instanceof byte[]) {
            return HEX.formatHex((byte[]) v);
        }
        if (v instanceof Double) {
            return Double.doubleToLongBits((Double) v);
        }
        return v;
    }

    @Test
    void errorsAreThoseOfStructFieldsAndPack() {
        Struct s = Struct.compile("<hd3s?e0p");
        StructFields slow = s.fields();
        byte[] data = new byte[s.size()];
        assertThat(outcome(() -> {
            s.longField(0).put(data, 0, 40000);
            return data;
        })).isEqualTo(outcome(() -> {
            slow.putLong(data, 0, 0, 40000);
            return data;
        })).startsWith(StructException.class.getName() + ": 'h' format requires -32768 <= number <= 32767");
        assertThat(outcome(() -> {
            s.doubleField(4).put(ByteBuffer.allocate(20), 0, 1e6);
            return data;
        })).isEqualTo(outcome(() -> {
            slow.putDouble(ByteBuffer.allocate(20), 0, 4, 1e6);
            return data;
        })).contains("float too large to pack with e format");
        assertThat(outcome(() -> s.bytesField(5).get(data, 0))).isEqualTo(outcome(() -> slow.getBytes(data, 0, 5)))
                .contains("cannot unpack '0p'");
        assertThatThrownBy(() -> s.doubleField(0)).isInstanceOf(StructException.class)
                .hasMessage("field 0 is 'h' at format offset 1 of '<hd3s?e0p'; use longField(0)");
        assertThatThrownBy(() -> s.longField(1)).hasMessageEndingWith("use doubleField(1)");
        assertThatThrownBy(() -> s.booleanField(2)).hasMessageEndingWith("use bytesField(2)");
        assertThatThrownBy(() -> s.bytesField(3)).hasMessageEndingWith("use booleanField(3)");
        assertThatThrownBy(() -> s.longField(6)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("6").hasMessageContaining("6");
        assertThatThrownBy(() -> s.longField(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.longField(0).get(new byte[1], 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.longField(0).get(data, data.length - 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.longField(0).put(ByteBuffer.allocate(1), 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.bytesField(2).put(data, 0, null)).isInstanceOf(StructException.class)
                .hasMessageStartingWith("argument for 's' must be a bytes object");
    }

    @Test
    void padBytesAreNeverTouched() {
        Struct s = Struct.compile("@bxxxi");
        byte[] data = new byte[8];
        Arrays.fill(data, (byte) 0x77);
        s.longField(0).put(data, 0, 1);
        s.longField(1).put(data, 0, 2);
        assertThat(HEX.formatHex(data)).isEqualTo("0177777702000000");
    }

    private static String outcome(Supplier<Object> call) {
        try {
            Object r = call.get();
            return r instanceof byte[] ? HEX.formatHex((byte[]) r) : String.valueOf(r);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
