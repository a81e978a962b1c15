package io.procmux.bench.struct;

import io.procmux.codec.struct.RecordStruct;
import io.procmux.codec.struct.Struct;
import io.procmux.codec.struct.StructField;
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
 * {@code '<iHd'} (14 bytes) packed and unpacked one struct per call, by each path side by side:
 * {@code boxed*} the Object[] API, {@code record*} a {@link RecordStruct}, {@code accessor*} the per-field
 * {@link StructField} accessors, {@code hand*} hand-written VarHandle code (boxing into Object[] for
 * the boxed comparison, building the record for the typed one). Pack benchmarks return the buffer
 * and unpack benchmarks their result, so JMH consumes every write and read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IhdBenchmark {
    static final String FORMAT = "<iHd";
    static final Struct STRUCT = Struct.compile(FORMAT);
    static final RecordStruct<Rec> RECORDS = Struct.of(Rec.class, FORMAT);
    static final StructField.OfLong I = STRUCT.longField(0);
    static final StructField.OfLong H = STRUCT.longField(1);
    static final StructField.OfDouble D = STRUCT.doubleField(2);

    /** The values packed by every pack benchmark, boxed and as a record. */
    Object[] values = {-123_456, 65_000, 2.5};
    Rec rec = new Rec(-123_456, 65_000, 2.5);
    /** What every pack benchmark writes into. */
    byte[] out = new byte[14];
    /** What every unpack benchmark reads: the packed values. */
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
        return handPackBoxed(out, values);
    }

    @Benchmark
    public byte[] recordPackInto() {
        RECORDS.packInto(out, 0, rec);
        return out;
    }

    @Benchmark
    public byte[] accessorPackInto() {
        Rec r = rec;
        byte[] b = out;
        I.put(b, 0, r.i());
        H.put(b, 0, r.h());
        D.put(b, 0, r.d());
        return b;
    }

    @Benchmark
    public byte[] handPackInto() {
        return handPack(out, rec);
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
        return handUnpackBoxed(in);
    }

    @Benchmark
    public Rec recordUnpack() {
        return RECORDS.unpack(in);
    }

    @Benchmark
    public Rec accessorUnpack() {
        byte[] b = in;
        return new Rec((int) I.get(b, 0), (int) H.get(b, 0), D.get(b, 0));
    }

    @Benchmark
    public Rec handUnpack() {
        return handUnpack(in, 0);
    }

    static byte[] handPackBoxed(byte[] b, Object[] v) {
        Le.I32.set(b, 0, ((Number) v[0]).intValue());
        Le.I16.set(b, 4, (short) ((Number) v[1]).intValue());
        Le.F64.set(b, 6, ((Number) v[2]).doubleValue());
        return b;
    }

    /**
     * The record packed as {@code struct.pack} packs it: like CPython (and the codec), it refuses an
     * {@code h} outside H's range instead of storing its low 16 bits.
     */
    static byte[] handPack(byte[] b, Rec r) {
        int h = r.h();
        if ((h & ~0xffff) != 0) {
            throw new IllegalArgumentException("'H' format requires 0 <= number <= 65535, got " + h);
        }
        Le.I32.set(b, 0, r.i());
        Le.I16.set(b, 4, (short) h);
        Le.F64.set(b, 6, r.d());
        return b;
    }

    static Object[] handUnpackBoxed(byte[] b) {
        return new Object[] {(long) (int) Le.I32.get(b, 0), (long) ((short) Le.I16.get(b, 4) & 0xffff),
            (double) Le.F64.get(b, 6)};
    }

    static Rec handUnpack(byte[] b, int at) {
        return new Rec((int) Le.I32.get(b, at), (short) Le.I16.get(b, at + 4) & 0xffff, (double) Le.F64.get(b, at + 6));
    }
}
