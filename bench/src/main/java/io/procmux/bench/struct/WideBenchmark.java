package io.procmux.bench.struct;

import io.procmux.codec.struct.RecordStruct;
import io.procmux.codec.struct.Struct;
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
    public Wide accessorUnpack() {
        return WideAccessors.unpack(in, 0);
    }

    @Benchmark
    public Wide handUnpack() {
        return Wide.unpack(in);
    }

}
