package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.codec.struct.RecordSamples.Big;
import io.procmux.codec.struct.RecordSamples.Nat;
import io.procmux.codec.struct.RecordSamples.Std;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The generated record bindings: every code in every byte order gives the boxed API's bytes and
 * the method-handle fallback's bytes, values and errors.
 */
class GeneratedRecordTest {
    private static final String[] ORDERS = {"<", ">", "!", "=", "@", ""};

    record Header(int magic, int version, double stamp) {
    }

    record L1(long v) {
    }

    record B1(BigInteger v) {
    }

    record D1(double v) {
    }

    record Y1(byte[] v) {
    }

    record F1(float v) {
    }

    @Test
    void bindingsAreGeneratedHiddenClasses() {
        RecordStruct<Header> rs = Struct.of(Header.class, "<iHd");
        assertThat(rs.getClass().isHidden()).isTrue();
        assertThat(RecordStruct.create(rs.struct(), Header.class, false)).isInstanceOf(TreeRecordStruct.class);
        assertThat(rs).hasToString("RecordStruct(Header, '<iHd')");
    }

    @Test
    void everyCodeRoundTripsInEveryByteOrderLikeTheBoxedApiAndTheFallback() throws Exception {
        RecordSamples samples = new RecordSamples(5);
        for (String order : ORDERS) {
            if (!order.isEmpty() && !order.equals("@")) {
                roundTrips(samples, Std.class, order + RecordSamples.STD); // native 'l' is 8 bytes: not an int
            }
            roundTrips(samples, Big.class, order + RecordSamples.BIG);
        }
        roundTrips(samples, Nat.class, RecordSamples.NAT);
        roundTrips(samples, Nat.class, RecordSamples.NAT.substring(1));
    }

    private static <R extends Record> void roundTrips(RecordSamples samples, Class<R> type, String format)
            throws Exception {
        Struct struct = Struct.compile(format);
        List<RecordStruct<R>> bindings = List.of(struct.bind(type), RecordStruct.create(struct, type, false));
        assertThat(bindings.get(0).getClass().isHidden()).as(format).isTrue();
        for (int round = 0; round < 200; round++) {
            Object[] boxed = new Object[struct.count()];
            R rec = samples.next(type, struct, boxed);
            byte[] expected = struct.pack(boxed);
            for (RecordStruct<R> rs : bindings) {
                String what = format + " " + rs.getClass().getSimpleName() + " " + rec;
                assertThat(rs.pack(rec)).as(what).isEqualTo(expected);
                assertThat(rs.unpack(expected)).as(what).satisfies(r -> same(r, rec));

                byte[] into = new byte[expected.length + 7];
                Arrays.fill(into, (byte) 0x5a);
                rs.packInto(into, 3, rec);
                assertThat(Arrays.copyOfRange(into, 3, 3 + expected.length)).as(what).isEqualTo(expected);
                assertThat(into[2]).isEqualTo((byte) 0x5a);
                assertThat(into[3 + expected.length]).isEqualTo((byte) 0x5a);
                assertThat(rs.unpackFrom(into, 3)).as(what).satisfies(r -> same(r, rec));
                assertThat(rs.unpackFrom(into, 3 - into.length)).satisfies(r -> same(r, rec));

                for (ByteBuffer buf : new ByteBuffer[] {ByteBuffer.allocate(expected.length + 7),
                    ByteBuffer.allocateDirect(expected.length + 7)}) {
                    buf.position(2);
                    rs.packInto(buf, rec);
                    assertThat(buf.position()).isEqualTo(2 + expected.length);
                    byte[] got = new byte[expected.length];
                    buf.get(2, got);
                    assertThat(got).as(what).isEqualTo(expected);
                    buf.position(2);
                    assertThat(rs.unpackFrom(buf)).as(what).satisfies(r -> same(r, rec));
                    assertThat(buf.position()).isEqualTo(2 + expected.length);
                }
            }
        }
    }

    private static void same(Record actual, Record expected) {
        try {
            assertThat(RecordSamples.components(actual)).isEqualTo(RecordSamples.components(expected));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rangeAndValueErrorsAreTheBoxedApisWordForWord() {
        for (String order : ORDERS) {
            for (char code : "bBhHiIlL".toCharArray()) {
                String format = order + code;
                long[] edges = {-129, 128, 256, -1, -32769, 32768, 65536, 1L << 31, -(1L << 31) - 1, 1L << 32};
                boolean unsigned64 = code == 'L' && (order.isEmpty() || order.equals("@"));
                for (long v : edges) {
                    // a long carries an unsigned 64-bit field's raw bits; the boxed API takes them as a BigInteger
                    Object boxed = unsigned64 && v < 0 ? new BigInteger(Long.toUnsignedString(v)) : (Object) v;
                    sameOutcome(format, L1.class, new L1(v), boxed);
                }
            }
            for (char code : "qQ".toCharArray()) {
                for (BigInteger v : new BigInteger[] {BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(63),
                    BigInteger.valueOf(-1), BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)}) {
                    sameOutcome(order + code, B1.class, new B1(v), v);
                }
            }
            for (char code : "efd".toCharArray()) {
                for (double v : new double[] {1e6, 65520, 65519.99, 1e39, -3.5e38, Double.NaN, -0.0}) {
                    sameOutcome(order + code, D1.class, new D1(v), v);
                }
            }
            for (char code : "ef".toCharArray()) {
                for (float v : new float[] {1e6f, 65520f, 65519.99f, -65504f, 6e-8f, 3e-8f, Float.NaN, -0f,
                    Float.MAX_VALUE}) {
                    sameOutcome(order + code, F1.class, new F1(v), (double) v);
                }
            }
            sameOutcome(order + "c", Y1.class, new Y1(new byte[2]), new byte[2]);
            sameOutcome(order + "c", Y1.class, new Y1(null), null);
            sameOutcome(order + "3s", Y1.class, new Y1(null), null);
            sameOutcome(order + "3p", Y1.class, new Y1(null), null);
        }
    }

    /** The generated binding, the fallback and Struct.pack either all give the same bytes or all throw the same. */
    private static <R extends Record> void sameOutcome(String format, Class<R> type, R rec, Object boxed) {
        Struct struct = Struct.compile(format);
        Object want = outcome(() -> struct.pack(boxed));
        assertThat(outcome(() -> struct.bind(type).pack(rec))).as(format + " " + rec).isEqualTo(want);
        assertThat(outcome(() -> RecordStruct.create(struct, type, false).pack(rec))).as(format).isEqualTo(want);
    }

    /** Hex of the result, or the exception's class and message. */
    private static String outcome(java.util.function.Supplier<Object> call) {
        try {
            Object r = call.get();
            return r instanceof byte[] ? java.util.HexFormat.of().formatHex((byte[]) r) : String.valueOf(r);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void offsetAndLengthErrorsAreTheBoxedApisWordForWord() {
        Struct struct = Struct.compile("<iHd");
        Header h = new Header(1, 2, 3);
        Object[] boxed = {1, 2, 3.0};
        List<RecordStruct<Header>> bindings = List.of(struct.bind(Header.class),
                RecordStruct.create(struct, Header.class, false));
        for (RecordStruct<Header> rs : bindings) {
            for (int offset : new int[] {-21, -20, -15, -14, -13, -1, 0, 1, 5, 6, 7, 20, 100, Integer.MIN_VALUE}) {
                byte[] a = new byte[20];
                byte[] b = new byte[20];
                assertThat(outcome(() -> {
                    rs.packInto(a, offset, h);
                    return a;
                })).as("packInto %d", offset).isEqualTo(outcome(() -> {
                    struct.packInto(b, offset, boxed);
                    return b;
                }));
                assertThat(outcome(() -> rs.unpackFrom(a, offset) == null ? "null" : "ok"))
                        .isEqualTo(outcome(() -> struct.unpackFrom(b, offset) == null ? "null" : "ok"));
            }
            for (int length : new int[] {0, 13, 15}) {
                assertThat(outcome(() -> rs.unpack(new byte[length]))).isEqualTo(outcome(() -> struct.unpack(new byte[length])));
            }
            assertThatThrownBy(() -> rs.packInto(new byte[20], 0, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> rs.packInto((byte[]) null, 0, h)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void aZeroLengthPascalStringPacksButRefusesToUnpackLikeTheBoxedApi() {
        Struct struct = Struct.compile("<i0p");
        record P(int i, byte[] p) {
        }
        for (RecordStruct<P> rs : List.of(struct.bind(P.class), RecordStruct.create(struct, P.class, false))) {
            byte[] bytes = rs.pack(new P(7, new byte[3]));
            assertThat(bytes).isEqualTo(struct.pack(7, new byte[3]));
            assertThat(outcome(() -> rs.unpack(bytes))).isEqualTo(outcome(() -> struct.unpack(bytes)))
                    .contains("cannot unpack '0p'");
            assertThat(rs.iterUnpack(new byte[0]).hasNext()).isFalse();
            assertThat(outcome(() -> rs.iterUnpack(bytes).next())).isEqualTo(outcome(() -> struct.iterUnpack(bytes).next()));
        }
    }

    @Test
    void iterUnpackReadsEveryRecordLazilyFromArraysAndBuffers() {
        Struct struct = Struct.compile("<iHd2x");
        RecordStruct<Header> rs = struct.bind(Header.class);
        byte[] data = new byte[16 * 5];
        List<Header> written = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Header h = new Header(k - 2, k * 1000, k / 3.0);
            rs.packInto(data, 16 * k, h);
            written.add(h);
        }
        assertThat(collect(rs.iterUnpack(data))).isEqualTo(written);
        for (ByteBuffer buf : new ByteBuffer[] {ByteBuffer.allocate(data.length + 3), ByteBuffer.allocateDirect(data.length + 3)}) {
            buf.position(3);
            buf.put(data);
            buf.position(3);
            Iterator<Header> it = rs.iterUnpack(buf);
            assertThat(collect(it)).isEqualTo(written);
            assertThat(buf.position()).as("the position is left alone").isEqualTo(3);
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no more structs of '<iHd2x'");
        }
        assertThat(rs.iterUnpack(new byte[0]).hasNext()).isFalse();
        assertThat(collect(RecordStruct.create(struct, Header.class, false).iterUnpack(data))).isEqualTo(written);
    }

    @Test
    void iterUnpackRefusesPartialTrailingDataNamingTheSizesLikeTheBoxedApi() {
        Struct struct = Struct.compile("<iHd2x");
        RecordStruct<Header> rs = struct.bind(Header.class);
        byte[] partial = new byte[16 * 3 + 5];
        assertThatThrownBy(() -> rs.iterUnpack(partial)).isInstanceOf(StructException.class)
                .hasMessage("iterative unpacking requires a buffer of a multiple of 16 bytes (got 53) for '<iHd2x'")
                .hasMessage(outcome(() -> struct.iterUnpack(partial)).replace(StructException.class.getName() + ": ", ""));
        assertThatThrownBy(() -> rs.iterUnpack(ByteBuffer.wrap(partial, 1, 47))).isInstanceOf(StructException.class)
                .hasMessage("iterative unpacking requires a buffer of a multiple of 16 bytes (got 47) for '<iHd2x'");
        record E() {
        }
        assertThatThrownBy(() -> Struct.of(E.class, "").iterUnpack(new byte[0])).isInstanceOf(StructException.class)
                .hasMessage("cannot iteratively unpack with a struct of length 0 ('')");
    }

    private static <T> List<T> collect(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
