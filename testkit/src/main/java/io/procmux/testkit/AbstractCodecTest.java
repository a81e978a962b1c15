package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.codec.Codec;
import io.procmux.codec.CodecException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests every {@link Codec} passes: round trips of sample values through arrays and
 * heap and direct buffers (honouring the position), truncated input refused with
 * {@link CodecException}, a too-small output buffer refused with {@link BufferOverflowException},
 * and a shared codec used from several threads at once giving the same bytes as one thread.
 *
 * <p>Subclass once per codec and supply the codec and a few sample values; override
 * {@link #assertEquivalent} when the value type needs another notion of sameness (the default
 * compares field by field and arrays element by element, doubles and floats with
 * {@code Double.compare}/{@code Float.compare}, so NaN equals NaN and -0.0 differs from 0.0).
 *
 * @param <T> the codec's value type
 */
public abstract class AbstractCodecTest<T> {

    private Codec<T> codec;
    private List<T> samples;

    /** The codec under test; called once per test. */
    protected abstract Codec<T> createCodec();

    /** At least one sample value; each must encode to at least one byte. */
    protected abstract List<T> samples();

    /** Asserts that a decoded value is equivalent to the value that was encoded. */
    protected void assertEquivalent(T expected, T actual) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class)
                .withComparatorForType(Float::compare, Float.class)
                .isEqualTo(expected);
    }

    @BeforeEach
    final void setUpCodec() {
        codec = createCodec();
        samples = List.copyOf(samples());
        assertThat(samples).as("samples").isNotEmpty();
    }

    @Test
    void hasAStableLowercaseName() {
        assertThat(codec.name()).isNotBlank().isEqualTo(codec.name().toLowerCase(Locale.ROOT));
    }

    @Test
    void roundTripsEverySampleThroughAnArray() {
        for (T sample : samples) {
            byte[] bytes = codec.encode(sample);
            assertThat(bytes).as("encoding of %s", sample).isNotEmpty();
            assertEquivalent(sample, codec.decode(bytes));
            assertThat(codec.encode(sample)).as("encoding is deterministic").isEqualTo(bytes);
        }
    }

    @Test
    void decodesFromTheMiddleOfAnArray() {
        for (T sample : samples) {
            byte[] bytes = codec.encode(sample);
            byte[] framed = new byte[bytes.length + 7];
            Arrays.fill(framed, (byte) 0x5a);
            System.arraycopy(bytes, 0, framed, 3, bytes.length);
            assertEquivalent(sample, codec.decode(framed, 3, bytes.length));
        }
    }

    @Test
    void roundTripsThroughHeapAndDirectBuffersFromTheirPosition() {
        for (boolean direct : new boolean[] {false, true}) {
            for (T sample : samples) {
                byte[] expected = codec.encode(sample);
                ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(expected.length + 16)
                        : ByteBuffer.allocate(expected.length + 16);
                buffer.position(5);
                codec.encode(sample, buffer);
                assertThat(buffer.position()).as("position after encode (direct=%s)", direct)
                        .isEqualTo(5 + expected.length);
                byte[] written = new byte[expected.length];
                buffer.get(5, written);
                assertThat(written).as("bytes written to the buffer (direct=%s)", direct).isEqualTo(expected);

                buffer.position(5);
                T decoded = codec.decode(buffer);
                assertThat(buffer.position()).as("position after decode (direct=%s)", direct)
                        .isEqualTo(5 + expected.length);
                assertEquivalent(sample, decoded);
            }
        }
    }

    @Test
    void truncatedInputIsRefusedWithCodecException() {
        for (T sample : samples) {
            byte[] bytes = codec.encode(sample);
            for (int length : new int[] {0, bytes.length / 2, bytes.length - 1}) {
                assertThatThrownBy(() -> codec.decode(bytes, 0, length))
                        .as("decode of %d of %d bytes", length, bytes.length)
                        .isInstanceOf(CodecException.class);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
                assertThatThrownBy(() -> codec.decode(buffer))
                        .as("decode of a buffer with %d of %d bytes", length, bytes.length)
                        .isInstanceOf(CodecException.class);
            }
        }
    }

    @Test
    void encodingIntoATooSmallBufferThrowsBufferOverflow() {
        for (T sample : samples) {
            int needed = codec.encode(sample).length;
            for (boolean direct : new boolean[] {false, true}) {
                ByteBuffer small = direct ? ByteBuffer.allocateDirect(needed - 1) : ByteBuffer.allocate(needed - 1);
                assertThatThrownBy(() -> codec.encode(sample, small))
                        .as("encode %d bytes into %d (direct=%s)", needed, needed - 1, direct)
                        .isInstanceOf(BufferOverflowException.class);
                ByteBuffer late = direct ? ByteBuffer.allocateDirect(needed + 3) : ByteBuffer.allocate(needed + 3);
                late.position(4);
                assertThatThrownBy(() -> codec.encode(sample, late))
                        .as("encode %d bytes with %d remaining", needed, late.remaining())
                        .isInstanceOf(BufferOverflowException.class);
            }
        }
    }

    @Test
    void aSharedCodecGivesTheSameResultsOnManyThreads() throws Exception {
        List<byte[]> expected = new ArrayList<>();
        for (T sample : samples) {
            expected.add(codec.encode(sample));
        }
        int threads = 4;
        int rounds = 300;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> work = () -> {
                    start.await();
                    int checked = 0;
                    ByteBuffer buffer = ByteBuffer.allocate(64);
                    for (int round = 0; round < rounds; round++) {
                        for (int i = 0; i < samples.size(); i++) {
                            T sample = samples.get(i);
                            byte[] bytes = codec.encode(sample);
                            assertThat(bytes).isEqualTo(expected.get(i));
                            // Re-encoding the decoded value is a cheap, exact check of decode.
                            assertThat(codec.encode(codec.decode(bytes))).isEqualTo(bytes);
                            if (buffer.capacity() < bytes.length) {
                                buffer = ByteBuffer.allocate(bytes.length);
                            }
                            buffer.clear();
                            codec.encode(sample, buffer);
                            buffer.flip();
                            assertThat(codec.encode(codec.decode(buffer))).isEqualTo(bytes);
                            checked++;
                        }
                    }
                    for (int i = 0; i < samples.size(); i++) {
                        assertEquivalent(samples.get(i), codec.decode(expected.get(i)));
                    }
                    return checked;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(rounds * samples.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
