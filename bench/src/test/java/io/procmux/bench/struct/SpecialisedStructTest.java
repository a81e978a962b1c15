package io.procmux.bench.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.procmux.codec.struct.Struct;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A struct that has been called often specialises its byte-array path in the background (the
 * codec's hot path that these benchmarks measure); it must keep giving exactly the bytes, values
 * and errors of a fresh instance, which still runs the loops.
 */
class SpecialisedStructTest {
    /** More calls than the codec makes before it specialises. */
    private static final int HOT = 5_000;

    private static final Object[][] CASES = {
        {"<iHd", -123_456, 65_000, 2.5},
        {"@bBhHiIlLqQnNPefd?", -1, 255, -300, 65535, -7, 4_000_000_000L, -9L, 10L, Long.MIN_VALUE,
            new BigInteger("18446744073709551615"), -5L, 6L, 7L, 0.5, 0.1, Math.E, 3},
        {">3x2hQ?c", 1, -2, Long.MAX_VALUE, "x".getBytes(), new byte[] {'q'}},
        {"!ef", 65504.0, -1.5f},
        {"=4sx3p2?", "abcdef".getBytes(), "hi".getBytes(), 0, 2.0},
        {Wide.FORMAT, Wide.sample().boxed()},
    };

    private static Object[] values(Object[] c) {
        return c.length == 2 && c[1] instanceof Object[] ? (Object[]) c[1] : Arrays.copyOfRange(c, 1, c.length);
    }

    private static Struct hot(String format, Object[] values) {
        Struct s = Struct.compile(format);
        byte[] packed = s.pack(values);
        for (int k = 0; k < HOT; k++) {
            s.unpack(packed);
            s.pack(values);
        }
        // the codec specialises on a common-pool task; wait for it so the checks below see it
        assertThat(ForkJoinPool.commonPool().awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();
        return s;
    }

    @Test
    void hotStructsPackAndUnpackLikeFreshOnes() {
        for (Object[] c : CASES) {
            String format = (String) c[0];
            Object[] values = values(c);
            Struct fresh = Struct.compile(format);
            Struct hot = hot(format, values);
            byte[] expected = fresh.pack(values);
            assertThat(hot.pack(values)).as(format).isEqualTo(expected);

            byte[] a = new byte[expected.length + 9];
            byte[] b = new byte[expected.length + 9];
            Arrays.fill(a, (byte) 0x77);
            Arrays.fill(b, (byte) 0x77);
            fresh.packInto(a, 5, values);
            hot.packInto(b, 5, values);
            assertThat(b).as("packInto %s (pads zeroed, neighbours kept)", format).isEqualTo(a);

            assertThat(Arrays.deepEquals(hot.unpack(expected), fresh.unpack(expected))).as(format).isTrue();
            assertThat(Arrays.deepEquals(hot.unpackFrom(a, -(expected.length + 4)), fresh.unpackFrom(a, 5)))
                    .as(format).isTrue();

            byte[] twice = new byte[2 * expected.length];
            System.arraycopy(expected, 0, twice, expected.length, expected.length);
            assertThat(list(hot.iterUnpack(twice))).as(format).usingRecursiveComparison()
                    .isEqualTo(list(fresh.iterUnpack(twice)));
        }
    }

    @Test
    void hotStructsRefuseWhatFreshOnesRefuseAndLeaveTheSameBytes() {
        Object[][] bad = {
            {"<iHd", 1, 65_536, 1.0},
            {"<iHd", 1, 1, "2.0"},
            {"<iHd", null, 1, 1.0},
            {"!ef", 65520.0, 1.0},
            {"!ef", 1.0, 1e300},
            {">3x2hQ?c", 1, 2, -1, true, new byte[2]},
            {"=4sx3p2?", "abc", "hi".getBytes(), 0, 1},
        };
        for (Object[] c : bad) {
            String format = (String) c[0];
            Object[] values = values(c);
            Struct fresh = Struct.compile(format);
            Struct hot = hot(format, goodValues(format));
            byte[] a = new byte[fresh.size()];
            byte[] b = new byte[fresh.size()];
            Throwable expected = catchThrowable(() -> fresh.packInto(a, 0, values));
            Throwable actual = catchThrowable(() -> hot.packInto(b, 0, values));
            assertThat(expected).as(format).isNotNull();
            assertThat(actual).as(format).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
            assertThat(b).as("bytes written before the error, %s", format).isEqualTo(a);
        }
    }

    private static Object[] goodValues(String format) {
        for (Object[] c : CASES) {
            if (c[0].equals(format)) {
                return values(c);
            }
        }
        throw new IllegalArgumentException(format);
    }

    private static List<Object[]> list(Iterator<Object[]> it) {
        List<Object[]> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
