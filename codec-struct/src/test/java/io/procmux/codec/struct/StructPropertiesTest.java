package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over generated formats, values and byte soups. */
class StructPropertiesTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** A format with values to pack and the values unpack must return. */
    record Sample(String format, Object[] values, Object[] expected) {
        @Override
        public String toString() {
            return "Sample['" + format + "', " + Arrays.deepToString(values) + "]";
        }
    }

    /** A format and bytes to unpack with it. */
    record Soup(String format, byte[] data, int offset) {
        @Override
        public String toString() {
            return "Soup['" + format + "', " + data.length + " bytes, offset " + offset + "]";
        }
    }

    record Item(char code, int count) {
    }

    /** One value: what to pack and what unpack returns. */
    record Value(Object packed, Object unpacked) {
    }

    @Property(tries = 400)
    void anyValidFormatAndValuesRoundTrip(@ForAll("samples") Sample sample) {
        Struct s = Struct.compile(sample.format());
        byte[] packed = s.pack(sample.values());
        assertThat(packed).hasSize(s.size());
        Object[] back = s.unpack(packed);
        assertThat(back).hasSameSizeAs(sample.expected());
        for (int i = 0; i < back.length; i++) {
            Object want = sample.expected()[i];
            assertThat(back[i]).as("value %d", i).hasSameClassAs(want);
            if (want instanceof Double) {
                assertThat(Double.doubleToRawLongBits((Double) back[i])).as("value %d bits", i)
                        .isEqualTo(Double.doubleToRawLongBits((Double) want));
            } else {
                assertThat(back[i]).as("value %d", i).isEqualTo(want);
            }
        }
        assertThat(s.pack(back)).as("repacking what was unpacked").isEqualTo(packed);
        ByteBuffer direct = ByteBuffer.allocateDirect(packed.length);
        s.packInto(direct, sample.values());
        assertThat(direct.flip()).isEqualTo(ByteBuffer.wrap(packed));
    }

    @Property(tries = 200)
    void typedFieldsWriteWhatPackWritesAndReadWhatUnpackReads(@ForAll("samples") Sample sample) {
        Struct s = Struct.compile(sample.format());
        StructFields f = s.fields();
        byte[] packed = s.pack(sample.values());
        byte[] viaFields = new byte[s.size() + 3];
        ByteBuffer direct = ByteBuffer.allocateDirect(s.size() + 3);
        for (int i = 0; i < f.count(); i++) {
            Object v = sample.values()[i];
            char code = f.code(i);
            if (v instanceof byte[]) {
                f.putBytes(viaFields, 3, i, (byte[]) v);
                f.putBytes(direct, 3, i, (byte[]) v);
                assertThat(f.getBytes(viaFields, 3, i)).isEqualTo(sample.expected()[i]);
            } else if (v instanceof Boolean) {
                f.putBoolean(viaFields, 3, i, (Boolean) v);
                f.putBoolean(direct, 3, i, (Boolean) v);
                assertThat(f.getBoolean(direct, 3, i)).isEqualTo(v);
            } else if (code == 'e' || code == 'f' || code == 'd') {
                f.putDouble(viaFields, 3, i, (Double) v);
                f.putDouble(direct, 3, i, (Double) v);
                assertThat(Double.doubleToRawLongBits(f.getDouble(viaFields, 3, i)))
                        .isEqualTo(Double.doubleToRawLongBits((Double) sample.expected()[i]));
            } else {
                long bits = ((Number) v).longValue();
                f.putLong(viaFields, 3, i, bits);
                f.putLong(direct, 3, i, bits);
                assertThat(f.getLong(direct, 3, i)).isEqualTo(((Number) sample.expected()[i]).longValue());
            }
        }
        assertThat(Arrays.copyOfRange(viaFields, 3, viaFields.length)).isEqualTo(packed);
        byte[] fromDirect = new byte[s.size()];
        direct.get(3, fromDirect);
        assertThat(fromDirect).isEqualTo(packed);
    }

    @Property(tries = 700)
    void anyByteSoupEitherUnpacksOrRaisesStructException(@ForAll("soups") Soup soup) {
        Struct s = Struct.compile(soup.format());
        attempt(() -> s.unpack(soup.data()));
        attempt(() -> s.unpackFrom(soup.data(), soup.offset()));
        attempt(() -> s.unpackFrom(ByteBuffer.wrap(soup.data())));
        attempt(() -> s.unpack(ByteBuffer.wrap(soup.data())));
        attempt(() -> {
            Iterator<Object[]> it = s.iterUnpack(soup.data());
            while (it.hasNext()) {
                it.next();
            }
            return null;
        });
    }

    @Property(tries = 1000)
    void anyStringEitherCompilesOrRaisesStructException(@ForAll("formatSoup") String format) {
        attempt(() -> Struct.compile(format));
    }

    private static void attempt(java.util.concurrent.Callable<?> action) {
        try {
            action.call();
        } catch (StructException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Exception e) {
            throw new AssertionError("expected a result or StructException, got " + e, e);
        }
    }

    @Provide
    Arbitrary<String> formatSoup() {
        return Arbitraries.strings().withChars("@=<>! xcbB?hHiIlLqQnNefdspP0123456789\t\0zé").ofMaxLength(12);
    }

    @Provide
    Arbitrary<Soup> soups() {
        return prefixes().flatMap(prefix -> items(prefix, false).flatMap(items -> {
            String format = format(prefix, items);
            int size = Struct.calcsize(format);
            Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.just(size), Arbitraries.just(size * 3),
                    Arbitraries.integers().between(0, size * 2 + 2));
            return length.flatMap(n -> Combinators.combine(
                    Arbitraries.bytes().array(byte[].class).ofSize(n),
                    Arbitraries.integers().between(-n - 2, n + 2))
                    .as((data, offset) -> new Soup(format, data, offset)));
        }));
    }

    @Provide
    Arbitrary<Sample> samples() {
        return prefixes().flatMap(prefix -> items(prefix, true).flatMap(items -> {
            List<Arbitrary<Value>> values = new ArrayList<>();
            for (Item it : items) {
                values.addAll(values(prefix, it));
            }
            String format = format(prefix, items);
            return Combinators.combine(values).as(list -> new Sample(format,
                    list.stream().map(Value::packed).toArray(), list.stream().map(Value::unpacked).toArray()));
        }));
    }

    private static Arbitrary<String> prefixes() {
        return Arbitraries.of("", "@", "=", "<", ">", "!");
    }

    private static Arbitrary<List<Item>> items(String prefix, boolean unpackable) {
        boolean nat = prefix.isEmpty() || prefix.equals("@");
        String codes = nat ? CaseGenerator.CODES : CaseGenerator.CODES.replaceAll("[nNP]", "");
        Arbitrary<Item> item = Arbitraries.of(codes.chars().mapToObj(c -> (char) c).toList()).flatMap(c -> {
            boolean stringLike = c == 's' || c == 'p';
            int min = c == 'p' && unpackable ? 1 : 0;
            return Arbitraries.integers().between(min, stringLike ? 12 : 4).map(n -> new Item(c, n));
        });
        return item.list().ofMaxSize(8);
    }

    private static String format(String prefix, List<Item> items) {
        StringBuilder f = new StringBuilder(prefix);
        for (Item it : items) {
            f.append(it.count()).append(it.code()).append(' ');
        }
        return f.toString();
    }

    private static List<Arbitrary<Value>> values(String prefix, Item it) {
        boolean nat = prefix.isEmpty() || prefix.equals("@");
        char c = it.code();
        int n = it.count();
        List<Arbitrary<Value>> out = new ArrayList<>();
        if (c == 'x') {
            return out;
        }
        if (c == 's') {
            out.add(Arbitraries.bytes().array(byte[].class).ofMaxSize(n)
                    .map(b -> new Value(b, Arrays.copyOf(b, n))));
            return out;
        }
        if (c == 'p') {
            out.add(Arbitraries.bytes().array(byte[].class).ofMaxSize(Math.min(n - 1, 255)).map(b -> new Value(b, b)));
            return out;
        }
        for (int k = 0; k < n; k++) {
            out.add(value(c, nat));
        }
        return out;
    }

    private static Arbitrary<Value> value(char c, boolean nat) {
        switch (c) {
            case 'c':
                return Arbitraries.bytes().map(b -> new Value(new byte[] {b}, new byte[] {b}));
            case '?':
                return Arbitraries.of(true, false).map(b -> new Value(b, b));
            case 'e':
                return Arbitraries.integers().between(0, 0xffff).map(Half::toDouble).map(d -> new Value(d, d));
            case 'f':
                return Arbitraries.integers().map(Float::intBitsToFloat).map(f -> new Value((double) f, (double) f));
            case 'd':
                return Arbitraries.longs().map(Double::longBitsToDouble).map(d -> new Value(d, d));
            default: {
                BigInteger[] range = CaseGenerator.range(c, nat);
                return Arbitraries.bigIntegers().between(range[0], range[1]).map(v -> {
                    BigInteger stored = c == 'P' && v.signum() < 0 ? v.add(TWO_64) : v;
                    Object unpacked = stored.bitLength() < 64 ? (Object) stored.longValue() : stored;
                    Object packed = v.bitLength() < 32 ? (Object) v.intValue() : v.bitLength() < 64 ? v.longValue() : v;
                    return new Value(packed, unpacked);
                });
            }
        }
    }
}
