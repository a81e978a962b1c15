package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.codec.Codec;
import io.procmux.testkit.AbstractCodecTest;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The shared codec conformance suite, run on the struct codec for Object[] and for records. */
class StructCodecTest extends AbstractCodecTest<Object[]> {

    @Override
    protected Codec<Object[]> createCodec() {
        return new StructCodecProvider().create(Object[].class, "<bB?hHiIqQefd3s4pcx");
    }

    @Override
    protected List<Object[]> samples() {
        return List.of(
                new Object[] {-128L, 255L, true, -32768L, 65535L, Integer.MIN_VALUE + 0L, 4294967295L,
                    Long.MIN_VALUE, new BigInteger("18446744073709551615"), 65504.0, 3.5, Math.PI,
                    new byte[] {1, 2, 3}, new byte[] {9, 8, 7}, new byte[] {'z'}},
                new Object[] {0L, 0L, false, 0L, 0L, 0L, 0L, 0L, 0L, -0.0, Double.NaN, Double.NEGATIVE_INFINITY,
                    new byte[3], new byte[0], new byte[] {0}});
    }

    @Override
    protected void assertEquivalent(Object[] expected, Object[] actual) {
        super.assertEquivalent(expected, actual);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).hasSameClassAs(expected[i]);
        }
    }

    /** The same suite on a record binding, native mode with alignment padding. */
    @Nested
    class Records extends AbstractCodecTest<Records.Sample> {
        record Sample(byte tag, int count, long total, double ratio, boolean flag, byte[] name) {
        }

        @Override
        protected Codec<Sample> createCodec() {
            return new StructCodecProvider().create(Sample.class, "@biqd?5s");
        }

        @Override
        protected List<Sample> samples() {
            return List.of(new Sample((byte) -1, 7, 1L << 40, 0.25, true, "abcde".getBytes()),
                    new Sample((byte) 0, 0, -1L, -0.0, false, new byte[5]));
        }
    }
}
