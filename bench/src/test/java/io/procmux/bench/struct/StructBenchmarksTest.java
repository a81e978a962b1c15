package io.procmux.bench.struct;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.codec.struct.Struct;
import java.util.Arrays;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Every path of a struct benchmark does the same work: same bytes written, same values read. */
class StructBenchmarksTest {

    @Test
    void everyIhdPackPathWritesTheBytesOfStructPack() {
        IhdBenchmark b = new IhdBenchmark();
        byte[] expected = Struct.pack("<iHd", -123_456, 65_000, 2.5);
        assertThat(b.boxedPack()).isEqualTo(expected);
        for (Runnable pack : new Runnable[] {b::boxedPackInto, b::handPackIntoBoxed, b::recordPackInto,
            b::accessorPackInto, b::handPackInto}) {
            Arrays.fill(b.out, (byte) 0x55);
            pack.run();
            assertThat(b.out).isEqualTo(expected);
        }
    }

    @Test
    void everyIhdUnpackPathReadsTheSameValues() {
        IhdBenchmark b = new IhdBenchmark();
        Object[] boxed = {-123_456L, 65_000L, 2.5};
        assertThat(b.boxedUnpack()).containsExactly(boxed);
        assertThat(b.boxedUnpackFrom()).containsExactly(boxed);
        assertThat(b.handUnpackBoxed()).containsExactly(boxed);
        Rec rec = new Rec(-123_456, 65_000, 2.5);
        assertThat(b.recordUnpack()).isEqualTo(rec);
        assertThat(b.accessorUnpack()).isEqualTo(rec);
        assertThat(b.handUnpack()).isEqualTo(rec);
    }

    @Test
    void theWideFormatIs32FieldsIn159Bytes() {
        Struct s = Struct.compile(Wide.FORMAT);
        assertThat(s.size()).isEqualTo(Wide.SIZE);
        assertThat(s.count()).isEqualTo(32);
    }

    @Test
    void everyWidePackPathWritesTheBytesOfStructPack() {
        WideBenchmark b = new WideBenchmark();
        byte[] expected = Struct.pack(Wide.FORMAT, Wide.sample().boxed());
        assertThat(b.boxedPack()).isEqualTo(expected);
        for (Runnable pack : new Runnable[] {b::boxedPackInto, b::handPackIntoBoxed, b::recordPackInto,
            b::accessorPackInto, b::handPackInto}) {
            Arrays.fill(b.out, (byte) 0x55);
            pack.run();
            assertThat(b.out).isEqualTo(expected);
        }
    }

    @Test
    void everyWideUnpackPathReadsTheSameValues() {
        WideBenchmark b = new WideBenchmark();
        Object[] expected = Struct.unpack(Wide.FORMAT, b.in);
        assertThat(Arrays.deepEquals(b.boxedUnpack(), expected)).isTrue();
        assertThat(Arrays.deepEquals(b.boxedUnpackFrom(), expected)).isTrue();
        assertThat(Arrays.deepEquals(b.handUnpackBoxed(), expected)).isTrue();
        Wide sample = Wide.sample();
        assertThat(b.recordUnpack()).usingRecursiveComparison().isEqualTo(sample);
        assertThat(b.accessorUnpack()).usingRecursiveComparison().isEqualTo(sample);
        assertThat(b.handUnpack()).usingRecursiveComparison().isEqualTo(sample);
    }

    @Test
    void handWrittenHalvesMatchTheCodec() {
        float[] values = {0f, -0f, 1f, -2.5f, 65504f, 65520f, 1e-5f, 6e-8f, 2.98e-8f, 0.1f, 1.0009765f, 1.00146484375f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e6f};
        for (float v : values) {
            boolean overflow = Math.abs(v) >= 65520f && !Float.isInfinite(v);
            short mine = Le.toHalf(v);
            if (!overflow) {
                byte[] codec = Struct.pack("<e", (double) v);
                assertThat(mine).as("half of %s", v).isEqualTo((short) ((codec[0] & 0xff) | codec[1] << 8));
                float back = ((Double) Struct.unpack("<e", codec)[0]).floatValue();
                assertThat(Float.floatToIntBits(Le.fromHalf(mine))).as("back from half of %s", v)
                        .isEqualTo(Float.floatToIntBits(back));
            }
        }
    }

    @Test
    void theIterationDataIs65536RecordsAndEveryPathReadsThem() {
        IterBenchmark b = new IterBenchmark();
        b.fill();
        assertThat(b.data).hasSize(1 << 20);
        Iterator<Object[]> it = IterBenchmark.STRUCT.iterUnpack(b.data);
        int at = 0;
        while (it.hasNext()) {
            Object[] v = it.next();
            Rec hand = IhdBenchmark.handUnpack(b.data, at);
            assertThat(new Rec(((Long) v[0]).intValue(), ((Long) v[1]).intValue(), (Double) v[2])).isEqualTo(hand);
            assertThat(IterBenchmark.RECORDS.unpackFrom(b.data, at)).isEqualTo(hand);
            at += IterBenchmark.RECORD_SIZE;
        }
        assertThat(at).isEqualTo(1 << 20);
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        b.boxedIterUnpack(bh);
        b.handIterBoxed(bh);
        b.recordIter(bh);
        b.accessorIter(bh);
        b.handIter(bh);
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}
