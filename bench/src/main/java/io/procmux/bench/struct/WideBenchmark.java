package io.procmux.bench.struct;

import io.procmux.codec.struct.RecordStruct;
import io.procmux.codec.struct.Struct;
import io.procmux.codec.struct.StructFields;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 32-field mixed format {@code "<8q8i4h4d2e2?2b7sq"} (159 bytes: q i h d e ? b s codes)
 * packed and unpacked one struct per call, by the same paths as {@link IhdBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WideBenchmark {
    static final Struct STRUCT = Struct.compile(Wide.FORMAT);
    static final RecordStruct<Wide> RECORDS = Struct.of(Wide.class, Wide.FORMAT);
    static final StructFields FIELDS = STRUCT.fields();

    Wide rec = Wide.sample();
    Object[] values = rec.boxed();
    byte[] out = new byte[Wide.SIZE];
    byte[] in = STRUCT.pack(values);

    @Benchmark
    public byte[] boxedPack() {
        return STRUCT.pack(values);
    }

    @Benchmark
    public byte[] boxedPackInto() {
        STRUCT.packInto(out, 0, values);
        return out;
    }

    @Benchmark
    public byte[] handPackIntoBoxed() {
        return Wide.packBoxed(out, values);
    }

    @Benchmark
    public byte[] recordPackInto() {
        RECORDS.packInto(out, 0, rec);
        return out;
    }

    @Benchmark
    public byte[] fieldsPackInto() {
        return fieldsPack(out, rec);
    }

    @Benchmark
    public byte[] accessorPackInto() {
        return WideAccessors.pack(out, 0, rec);
    }

    @Benchmark
    public byte[] handPackInto() {
        return Wide.pack(out, rec);
    }

    @Benchmark
    public Object[] boxedUnpack() {
        return STRUCT.unpack(in);
    }

    @Benchmark
    public Object[] boxedUnpackFrom() {
        return STRUCT.unpackFrom(in, 0);
    }

    @Benchmark
    public Object[] handUnpackBoxed() {
        return Wide.unpackBoxed(in);
    }

    @Benchmark
    public Wide recordUnpack() {
        return RECORDS.unpack(in);
    }

    @Benchmark
    public Wide fieldsUnpack() {
        return fieldsUnpack(in);
    }

    @Benchmark
    public Wide accessorUnpack() {
        return WideAccessors.unpack(in, 0);
    }

    @Benchmark
    public Wide handUnpack() {
        return Wide.unpack(in);
    }

    static byte[] fieldsPack(byte[] b, Wide w) {
        StructFields f = FIELDS;
        f.putLong(b, 0, 0, w.a0());
        f.putLong(b, 0, 1, w.a1());
        f.putLong(b, 0, 2, w.a2());
        f.putLong(b, 0, 3, w.a3());
        f.putLong(b, 0, 4, w.a4());
        f.putLong(b, 0, 5, w.a5());
        f.putLong(b, 0, 6, w.a6());
        f.putLong(b, 0, 7, w.a7());
        f.putLong(b, 0, 8, w.b0());
        f.putLong(b, 0, 9, w.b1());
        f.putLong(b, 0, 10, w.b2());
        f.putLong(b, 0, 11, w.b3());
        f.putLong(b, 0, 12, w.b4());
        f.putLong(b, 0, 13, w.b5());
        f.putLong(b, 0, 14, w.b6());
        f.putLong(b, 0, 15, w.b7());
        f.putLong(b, 0, 16, w.c0());
        f.putLong(b, 0, 17, w.c1());
        f.putLong(b, 0, 18, w.c2());
        f.putLong(b, 0, 19, w.c3());
        f.putDouble(b, 0, 20, w.d0());
        f.putDouble(b, 0, 21, w.d1());
        f.putDouble(b, 0, 22, w.d2());
        f.putDouble(b, 0, 23, w.d3());
        f.putDouble(b, 0, 24, w.e0());
        f.putDouble(b, 0, 25, w.e1());
        f.putBoolean(b, 0, 26, w.f0());
        f.putBoolean(b, 0, 27, w.f1());
        f.putLong(b, 0, 28, w.g0());
        f.putLong(b, 0, 29, w.g1());
        f.putBytes(b, 0, 30, w.s());
        f.putLong(b, 0, 31, w.last());
        return b;
    }

    static Wide fieldsUnpack(byte[] b) {
        StructFields f = FIELDS;
        return new Wide(f.getLong(b, 0, 0), f.getLong(b, 0, 1), f.getLong(b, 0, 2), f.getLong(b, 0, 3),
                f.getLong(b, 0, 4), f.getLong(b, 0, 5), f.getLong(b, 0, 6), f.getLong(b, 0, 7),
                (int) f.getLong(b, 0, 8), (int) f.getLong(b, 0, 9), (int) f.getLong(b, 0, 10),
                (int) f.getLong(b, 0, 11), (int) f.getLong(b, 0, 12), (int) f.getLong(b, 0, 13),
                (int) f.getLong(b, 0, 14), (int) f.getLong(b, 0, 15), (short) f.getLong(b, 0, 16),
                (short) f.getLong(b, 0, 17), (short) f.getLong(b, 0, 18), (short) f.getLong(b, 0, 19),
                f.getDouble(b, 0, 20), f.getDouble(b, 0, 21), f.getDouble(b, 0, 22), f.getDouble(b, 0, 23),
                (float) f.getDouble(b, 0, 24), (float) f.getDouble(b, 0, 25), f.getBoolean(b, 0, 26),
                f.getBoolean(b, 0, 27), (byte) f.getLong(b, 0, 28), (byte) f.getLong(b, 0, 29),
                f.getBytes(b, 0, 30), f.getLong(b, 0, 31));
    }
}
