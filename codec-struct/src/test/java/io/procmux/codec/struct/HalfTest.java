package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IEEE 754 half conversions, checked exhaustively over all 65536 bit patterns. */
class HalfTest {

    @Test
    void everyFiniteHalfRoundTripsExactly() {
        for (int h = 0; h <= 0xffff; h++) {
            double d = Half.toDouble(h);
            if (Double.isNaN(d)) {
                assertThat(Half.fromDouble(d)).as("NaN 0x%04x", h).isEqualTo((h & 0x8000) | 0x7e00);
            } else {
                assertThat(Half.fromDouble(d)).as("0x%04x = %s", h, d).isEqualTo(h);
            }
        }
    }

    @Test
    void fromFloatRoundsExactlyAsFromDoubleOfTheWidenedFloat() {
        java.util.Random rnd = new java.util.Random(3);
        for (int k = 0; k < 2_000_000; k++) {
            // every exponent a half can reach or overflow to, with random fractions, plus fully random bits
            int bits = k % 2 == 0 ? rnd.nextInt() : (rnd.nextInt() & 0x807f_ffff) | (88 + rnd.nextInt(80)) << 23;
            float f = Float.intBitsToFloat(bits);
            assertThat(Half.fromFloat(f)).as("0x%08x", bits).isEqualTo(Half.fromDouble(f));
        }
        for (int h = 0; h < 0x7bff; h++) {
            float mid = (float) ((Half.toDouble(h) + Half.toDouble(h + 1)) / 2); // exact in a float
            for (float f : new float[] {mid, Math.nextDown(mid), Math.nextUp(mid), -mid, (float) Half.toDouble(h)}) {
                assertThat(Half.fromFloat(f)).as("%s", f).isEqualTo(Half.fromDouble(f));
            }
        }
        for (float f : new float[] {Float.NaN, -Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
            Float.MIN_VALUE, Float.MAX_VALUE, 65504f, 65520f, 65519.996f}) {
            assertThat(Half.fromFloat(f)).as("%s", f).isEqualTo(Half.fromDouble(f));
        }
    }

    @Test
    void valuesMatchTheIeeeDefinition() {
        assertThat(Half.toDouble(0x3c00)).isEqualTo(1.0);
        assertThat(Half.toDouble(0x7bff)).isEqualTo(65504.0);
        assertThat(Half.toDouble(0x0001)).isEqualTo(0x1p-24);
        assertThat(Half.toDouble(0x0400)).isEqualTo(0x1p-14);
        assertThat(Half.toDouble(0x03ff)).isEqualTo(1023 * 0x1p-24);
        assertThat(Half.toDouble(0xc000)).isEqualTo(-2.0);
        assertThat(Half.toDouble(0x7c00)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Half.toDouble(0xfc00)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(Half.toDouble(0x8000))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(Half.toDouble(0xfe01))).isNegative();
        assertThat(Half.toDouble(0x7e01)).isNaN();
    }

    @Test
    void midpointsRoundToEvenAndNeighboursRoundToTheNearerHalf() {
        for (int h = 0; h < 0x7bff; h++) {
            double lo = Half.toDouble(h);
            double hi = Half.toDouble(h + 1);
            double mid = (lo + hi) / 2; // exact: halves have 11 significant bits
            int even = (h & 1) == 0 ? h : h + 1;
            assertThat(Half.fromDouble(mid)).as("midpoint above 0x%04x", h).isEqualTo(even);
            assertThat(Half.fromDouble(-mid)).as("negative midpoint above 0x%04x", h).isEqualTo(0x8000 | even);
            assertThat(Half.fromDouble(Math.nextDown(mid))).as("just below midpoint 0x%04x", h).isEqualTo(h);
            assertThat(Half.fromDouble(Math.nextUp(mid))).as("just above midpoint 0x%04x", h).isEqualTo(h + 1);
        }
    }

    @Test
    void roundingIsDirectFromTheDoubleNotThroughFloat() {
        // 1 + 2^-11 + 2^-40: above the midpoint between 1 and the next half, so it rounds up. Through
        // float the 2^-40 is lost, leaving an exact tie that rounds down to even (1.0).
        double d = 1 + 0x1p-11 + 0x1p-40;
        assertThat(Half.fromDouble(d)).isEqualTo(0x3c01);
        assertThat(Half.fromDouble((float) d)).isEqualTo(0x3c00);
    }

    @Test
    void tinyValuesUnderflowToSignedZeroAndHugeOnesOverflow() {
        assertThat(Half.fromDouble(0x1p-25)).isEqualTo(0x0000); // tie between 0 and 2^-24: even is 0
        assertThat(Half.fromDouble(Math.nextUp(0x1p-25))).isEqualTo(0x0001);
        assertThat(Half.fromDouble(-0x1p-26)).isEqualTo(0x8000);
        assertThat(Half.fromDouble(Double.MIN_VALUE)).isEqualTo(0x0000);
        assertThat(Half.fromDouble(-0.0)).isEqualTo(0x8000);
        assertThat(Half.fromDouble(65519.99)).isEqualTo(0x7bff);
        assertThat(Half.fromDouble(65520.0)).isEqualTo(Half.OVERFLOW);
        assertThat(Half.fromDouble(-1e10)).isEqualTo(Half.OVERFLOW);
        assertThat(Half.fromDouble(Double.MAX_VALUE)).isEqualTo(Half.OVERFLOW);
        assertThat(Half.fromDouble(Double.POSITIVE_INFINITY)).isEqualTo(0x7c00);
        assertThat(Half.fromDouble(Double.NEGATIVE_INFINITY)).isEqualTo(0xfc00);
        assertThat(Half.fromDouble(Double.NaN)).isEqualTo(0x7e00);
        assertThat(Half.fromDouble(Double.longBitsToDouble(0xfff0_0000_0000_0001L))).isEqualTo(0xfe00);
    }
}
