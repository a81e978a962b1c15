package io.procmux.bench.struct;

import io.procmux.codec.struct.RecordStruct;
import io.procmux.codec.struct.Struct;
import io.procmux.codec.struct.StructField;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Unpacking 1 MiB of {@code '<iHd2x'} records (16 bytes each, 65,536 per op), every record handed
 * to a Blackhole: {@link Struct#iterUnpack} against a hand-written loop boxing the same Object[],
 * and the typed paths ({@link RecordStruct#iterUnpack}, {@link RecordStruct#unpackFrom} per
 * offset, the {@link StructField} accessors per offset)
 * against a hand-written loop building the same records. One op is the whole 1 MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IterBenchmark {
    static final String FORMAT = "<iHd2x";
    static final int RECORD_SIZE = 16;
    static final int RECORDS_PER_OP = 65_536;
    static final Struct STRUCT = Struct.compile(FORMAT);
    static final RecordStruct<Rec> RECORDS = Struct.of(Rec.class, FORMAT);
    static final StructField.OfLong I = STRUCT.longField(0);
    static final StructField.OfLong H = STRUCT.longField(1);
    static final StructField.OfDouble D = STRUCT.doubleField(2);

    byte[] data = new byte[RECORD_SIZE * RECORDS_PER_OP];

    @Setup
    public void fill() {
        for (int k = 0; k < RECORDS_PER_OP; k++) {
            STRUCT.packInto(data, k * RECORD_SIZE, k - 30_000, k & 0xffff, k * 0.5);
        }
    }

    @Benchmark
    public void boxedIterUnpack(Blackhole bh) {
        Iterator<Object[]> it = STRUCT.iterUnpack(data);
        while (it.hasNext()) {
            bh.consume(it.next());
        }
    }

    @Benchmark
    public void handIterBoxed(Blackhole bh) {
        byte[] b = data;
        for (int at = 0; at < b.length; at += RECORD_SIZE) {
            bh.consume(new Object[] {(long) (int) Le.I32.get(b, at), (long) ((short) Le.I16.get(b, at + 4) & 0xffff),
                (double) Le.F64.get(b, at + 6)});
        }
    }

    @Benchmark
    public void recordIter(Blackhole bh) {
        byte[] b = data;
        for (int at = 0; at < b.length; at += RECORD_SIZE) {
            bh.consume(RECORDS.unpackFrom(b, at));
        }
    }

    @Benchmark
    public void recordIterUnpack(Blackhole bh) {
        Iterator<Rec> it = RECORDS.iterUnpack(data);
        while (it.hasNext()) {
            bh.consume(it.next());
        }
    }

    @Benchmark
    public void accessorIter(Blackhole bh) {
        byte[] b = data;
        for (int at = 0; at < b.length; at += RECORD_SIZE) {
            bh.consume(new Rec((int) I.get(b, at), (int) H.get(b, at), D.get(b, at)));
        }
    }

    @Benchmark
    public void handIter(Blackhole bh) {
        byte[] b = data;
        for (int at = 0; at < b.length; at += RECORD_SIZE) {
            bh.consume(IhdBenchmark.handUnpack(b, at));
        }
    }
}
