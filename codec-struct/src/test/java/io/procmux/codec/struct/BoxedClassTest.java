package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.codec.struct.RecordSamples.Big;
import io.procmux.codec.struct.RecordSamples.Nat;
import io.procmux.codec.struct.RecordSamples.Std;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The generated boxed code of a warm {@link Struct} ({@link BoxedClass}): every code in every byte
 * order packs to the loops' bytes and unpacks to the loops' values, on arrays and buffers, and every
 * value the loops refuse it refuses with the same exception and message.
 */
class BoxedClassTest {
    private static final String[] ORDERS = {"<", ">", "!", "=", "@", ""};

    @Test
    void everyCodeInEveryByteOrderPacksAndUnpacksLikeTheLoops() throws Throwable {
        RecordSamples samples = new RecordSamples(11);
        for (String order : ORDERS) {
            if (!order.isEmpty() && !order.equals("@")) {
                sameAsLoops(samples, Std.class, order + RecordSamples.STD);
            }
            sameAsLoops(samples, Big.class, order + RecordSamples.BIG);
            sameAsLoops(samples, Std.class, order + RecordSamples.STD.replace("l", "i").replace("L", "I"));
        }
        sameAsLoops(samples, Nat.class, RecordSamples.NAT);
        sameAsLoops(samples, Nat.class, RecordSamples.NAT.substring(1));
    }

    private static <R extends Record> void sameAsLoops(RecordSamples samples, Class<R> type, String format)
            throws Throwable {
        Struct struct = Struct.compile(format);
        Layout layout = struct.layout;
        Bound bound = BoxedClass.define(struct);
        assertThat(bound).as(format).isNotNull();
        assertThat(bound.getClass().isHidden()).isTrue();
        for (int round = 0; round < 100; round++) {
            Object[] values = new Object[struct.count()];
            samples.next(type, struct, values);
            String what = format + " " + Arrays.deepToString(values);

            byte[] want = new byte[layout.size + 6];
            byte[] got = new byte[layout.size + 6];
            Arrays.fill(want, (byte) 0x5a);
            Arrays.fill(got, (byte) 0x5a);
            Packer.pack(layout, struct.arrayIo, want, 3, values, false);
            bound.packArray(got, 3, values);
            assertThat(got).as(what).isEqualTo(want);
            assertThat(deep(bound.unpackArray(got, 3))).as(what)
                    .isEqualTo(deep(Unpacker.unpack(layout, struct.arrayIo, want, 3)));

            for (ByteBuffer buf : new ByteBuffer[] {ByteBuffer.allocate(layout.size + 6),
                ByteBuffer.allocateDirect(layout.size + 6)}) {
                bound.packBuffer(buf, 2, values);
                byte[] inBuffer = new byte[layout.size];
                buf.get(2, inBuffer);
                assertThat(inBuffer).as(what).isEqualTo(Arrays.copyOfRange(want, 3, 3 + layout.size));
                assertThat(deep(bound.unpackBuffer(buf, 2))).as(what)
                        .isEqualTo(deep(Unpacker.unpack(layout, struct.bufferIo, buf, 2)));
            }
        }
    }

    @Test
    void unpackBoxesAsTheLoopsDo() throws Throwable {
        Struct struct = Struct.compile("<bQ?edc2s3p");
        byte[] data = HexFormat.of().parseHex("ff" + "ffffffffffffffff" + "07" + "003c" + "000000000000f83f" + "41"
                + "6869" + "02787a");
        Object[] got = (Object[]) BoxedClass.define(struct).unpackArray(data, 0);
        assertThat(got[0]).isEqualTo(-1L);
        assertThat(got[1]).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(got[2]).isEqualTo(Boolean.TRUE);
        assertThat(got[3]).isEqualTo(1.0);
        assertThat(got[4]).isEqualTo(1.5);
        assertThat(deep(got)).isEqualTo(deep(Unpacker.unpack(struct.layout, struct.arrayIo, data, 0)));
    }

    @Test
    void refusedValuesGiveTheLoopsExceptionsWordForWord() {
        Object[] bad = {null, "7", 1.5, 1 << 20, -1, 1L << 40, BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(63),
            new byte[0], new byte[1], new byte[9], Double.NaN, 1e300, 70_000.0, Boolean.TRUE, (short) -3, (byte) 9,
            new Object()};
        for (String order : ORDERS) {
            for (String code : new String[] {"b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d", "?", "c",
                "3s", "3p"}) {
                Struct struct = Struct.compile(order + "x" + code + "x");
                Bound bound = BoxedClass.define(struct);
                for (Object v : bad) {
                    Object[] values = {v};
                    byte[] want = new byte[struct.size()];
                    byte[] got = new byte[struct.size()];
                    String expected = outcome(() -> {
                        Packer.pack(struct.layout, struct.arrayIo, want, 0, values, false);
                        return want;
                    });
                    assertThat(outcome(() -> {
                        bound.packArray(got, 0, values);
                        return got;
                    })).as(order + code + " " + v).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aWarmStructUsesTheGeneratedCodeAndStillAgreesWithCpythonsRules() throws Exception {
        Struct struct = Struct.compile("<iHd3sx?");
        Object[] values = {-5, 65_535, 2.25, new byte[] {'a', 'b'}, true};
        byte[] cold = struct.pack(values);
        for (int k = 0; k < BoxedPath.SPECIALISE_AFTER + 10; k++) {
            struct.pack(values);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (struct.boxedBound() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
            struct.pack(values);
        }
        assertThat(struct.boxedBound()).isNotNull();
        assertThat(struct.pack(values)).isEqualTo(cold);
        assertThat(deep(struct.unpack(cold))).isEqualTo(deep(Unpacker.unpack(struct.layout, struct.arrayIo, cold, 0)));
        Struct coldTwin = Struct.compile(struct.format());
        for (Object[] bad : new Object[][] {{-5, 65_536, 2.25, new byte[0], true}, {-5, 1, "x", new byte[0], 1},
            {-5, 1, 1.0, "ab", true}, {1L << 31, 1, 1.0, new byte[0], true}}) {
            String expected = outcome(() -> coldTwin.pack(bad));
            assertThat(expected).startsWith("io.procmux.codec.struct.StructException: ");
            assertThat(outcome(() -> struct.pack(bad))).isEqualTo(expected);
        }
    }

    @Test
    void iteratorsGiveTheLoopsValuesBeforeDuringAndAfterSpecialising() throws Exception {
        Struct struct = Struct.compile("<iHd2x?");
        int records = BoxedPath.SPECIALISE_AFTER + 500;
        byte[] data = new byte[records * struct.size()];
        Struct writer = Struct.compile(struct.format()); // so that nothing counts towards struct's specialising yet
        for (int k = 0; k < records; k++) {
            writer.packInto(data, k * struct.size(), k - 1_000, k & 0xffff, k * 0.5, k % 3 == 0);
        }
        assertThat(struct.boxedBound()).isNull();
        String expected = loops(struct, data);
        assertThat(iterated(struct, data)).as("an iterator that starts on the loops and specialises midway")
                .isEqualTo(expected);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (struct.boxedBound() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
            struct.unpack(Arrays.copyOf(data, struct.size()));
        }
        assertThat(struct.boxedBound()).isNotNull();
        assertThat(iterated(struct, data)).as("an iterator on the generated code from the start").isEqualTo(expected);
        Iterator<Object[]> it = struct.iterUnpack(Arrays.copyOf(data, struct.size()));
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no more structs of '<iHd2x?'");
    }

    private static String loops(Struct struct, byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < data.length; at += struct.size()) {
            out.append(deep(Unpacker.unpack(struct.layout, struct.arrayIo, data, at))).append('\n');
        }
        return out.toString();
    }

    private static String iterated(Struct struct, byte[] data) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Object[]> it = struct.iterUnpack(data); it.hasNext(); ) {
            out.append(deep(it.next())).append('\n');
        }
        return out.toString();
    }

    private static String deep(Object values) {
        return Arrays.deepToString((Object[]) values) + " " + Arrays.stream((Object[]) values)
                .map(v -> v == null ? "null" : v.getClass().getSimpleName()).toList();
    }

    /** A call whose outcome is compared. */
    private interface Call {
        byte[] call() throws Throwable;
    }

    /** Hex of the result, or the exception's class and message. */
    private static String outcome(Call call) {
        try {
            return HexFormat.of().formatHex(call.call());
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
