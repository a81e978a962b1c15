package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Binding formats to records: same bytes as the boxed API, no truncation, clear refusals. */
class RecordStructTest {
    private static final HexFormat HEX = HexFormat.of();

    record Header(int magic, int version, double stamp) {
    }

    private record Mixed(byte b, short ub, int h, long ui, BigInteger q, long uq, boolean flag, float half,
            double f, double d, byte[] c, byte[] name, byte[] pascal) {
    }

    record Empty() {
    }

    record Wide(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7, int b0, int b1, int b2, int b3,
            int b4, int b5, int b6, int b7, short c0, short c1, short c2, short c3, double d0, double d1, double d2,
            double d3, float e0, float e1, boolean f0, boolean f1, byte g0, byte g1, byte[] s, long last) {
    }

    private static final RecordStruct<Header> HEADER = Struct.of(Header.class, "<iHd");

    @Test
    void packsTheSameBytesAsTheBoxedApiAndUnpacksANewRecord() {
        Header h = new Header(0x01020304, 65535, 2.5);
        byte[] bytes = HEADER.pack(h);
        assertThat(bytes).isEqualTo(Struct.pack("<iHd", 0x01020304, 65535, 2.5));
        assertThat(HEX.formatHex(bytes)).isEqualTo("04030201" + "ffff" + "0000000000000440");
        assertThat(HEADER.unpack(bytes)).isEqualTo(h);
        assertThat(HEADER.size()).isEqualTo(14);
        assertThat(HEADER.type()).isEqualTo(Header.class);
        assertThat(HEADER.struct().format()).isEqualTo("<iHd");
        assertThat(HEADER).hasToString("RecordStruct(Header, '<iHd')");
    }

    @Test
    void everyKindOfComponentRoundTripsInBothByteOrders() {
        for (String order : new String[] {"<", ">", "@", "="}) {
            String format = order + "bBhIqQ?efd" + "c5s4p";
            RecordStruct<Mixed> rs = Struct.of(Mixed.class, format);
            Mixed m = new Mixed((byte) -5, (short) 200, -300, 4_000_000_000L, BigInteger.valueOf(-7), -1L, true, 0.5f,
                    0.1, Math.E, new byte[] {'x'}, "hello".getBytes(), "ab".getBytes());
            byte[] bytes = rs.pack(m);
            byte[] boxed = Struct.pack(format, (byte) -5, 200, -300, 4_000_000_000L, -7, new BigInteger("18446744073709551615"),
                    true, 0.5, 0.1, Math.E, new byte[] {'x'}, "hello".getBytes(), "ab".getBytes());
            assertThat(bytes).as(format).isEqualTo(boxed);
            Mixed back = rs.unpack(bytes);
            Mixed expected = new Mixed((byte) -5, (short) 200, -300, 4_000_000_000L, BigInteger.valueOf(-7), -1L, true,
                    0.5f, (float) 0.1, Math.E, new byte[] {'x'}, "hello".getBytes(), "ab".getBytes());
            assertThat(back).as(format).usingRecursiveComparison().isEqualTo(expected);
            assertThat(rs.unpack(bytes)).as("a new record per call").isNotSameAs(back);
        }
    }

    @Test
    void workThroughHeapAndDirectBuffersFromTheirPosition() {
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(20), ByteBuffer.allocateDirect(20)}) {
            buffer.position(3);
            HEADER.packInto(buffer, new Header(-1, 7, -0.0));
            assertThat(buffer.position()).isEqualTo(17);
            byte[] written = new byte[14];
            buffer.get(3, written);
            assertThat(written).isEqualTo(Struct.pack("<iHd", -1, 7, -0.0));
            buffer.position(3);
            assertThat(HEADER.unpackFrom(buffer)).isEqualTo(new Header(-1, 7, -0.0));
            assertThat(buffer.position()).isEqualTo(17);
            assertThatThrownBy(() -> HEADER.packInto(buffer, new Header(1, 1, 1))).isInstanceOf(BufferOverflowException.class);
            assertThatThrownBy(() -> HEADER.unpackFrom(buffer)).isInstanceOf(StructException.class)
                    .hasMessageContaining("only 3 remaining");
        }
    }

    @Test
    void packIntoAnArrayZeroesPadsAndHonoursOffsets() {
        RecordStruct<Header> padded = Struct.of(Header.class, "@ixHd");
        byte[] buf = new byte[30];
        Arrays.fill(buf, (byte) 0x77);
        padded.packInto(buf, 4, new Header(1, 2, 3.0));
        assertThat(Arrays.copyOfRange(buf, 4, 4 + padded.size())).isEqualTo(Struct.pack("@ixHd", 1, 2, 3.0));
        assertThat(buf[3]).isEqualTo((byte) 0x77);
        assertThat(padded.unpackFrom(buf, 4)).isEqualTo(new Header(1, 2, 3.0));
        assertThat(padded.unpackFrom(buf, -(30 - 4))).isEqualTo(new Header(1, 2, 3.0));
    }

    @Test
    void packingRangeChecksNarrowerCodesLikeTheBoxedApi() {
        assertThatThrownBy(() -> HEADER.pack(new Header(1, 65536, 0)))
                .isInstanceOf(StructException.class)
                .hasMessage("'H' format requires 0 <= number <= 65535 (item 1, 'H' at format offset 2, got 65536)");
        assertThatThrownBy(() -> HEADER.pack(new Header(1, -1, 0))).hasMessageStartingWith("'H' format requires");
        assertThatThrownBy(() -> Struct.of(Header.class, "<iHe").pack(new Header(1, 1, 1e6)))
                .hasMessageStartingWith("float too large to pack with e format");
        record Bytes(byte[] data) {
        }
        assertThatThrownBy(() -> Struct.of(Bytes.class, "3s").pack(new Bytes(null)))
                .isInstanceOf(StructException.class).hasMessageStartingWith("argument for 's' must be a bytes object");
        assertThatThrownBy(() -> Struct.of(Bytes.class, "c").pack(new Bytes(new byte[2])))
                .hasMessageStartingWith("char format requires a bytes object of length 1");
    }

    @Test
    void unsigned64BitCodesCarryRawBitsInALong() {
        record U(long value) {
        }
        RecordStruct<U> rs = Struct.of(U.class, ">Q");
        assertThat(HEX.formatHex(rs.pack(new U(-1L)))).isEqualTo("ffffffffffffffff");
        assertThat(rs.unpack(HEX.parseHex("8000000000000000"))).isEqualTo(new U(Long.MIN_VALUE));
        assertThat(Struct.unpack(">Q", rs.pack(new U(Long.MIN_VALUE)))[0]).isEqualTo(BigInteger.ONE.shiftLeft(63));
    }

    @Test
    void emptyAndWideRecordsBind() {
        RecordStruct<Empty> empty = Struct.of(Empty.class, "3x");
        assertThat(empty.pack(new Empty())).containsExactly(0, 0, 0);
        assertThat(empty.unpack(new byte[3])).isEqualTo(new Empty());

        String format = "<8q8i4h4d2e2?2b7sq";
        RecordStruct<Wide> wide = Struct.of(Wide.class, format);
        Wide w = new Wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, (short) 17, (short) 18, (short) 19,
                (short) 20, 21.5, 22.5, 23.5, 24.5, 25.5f, 26.5f, true, false, (byte) 29, (byte) 30, "seven77".getBytes(), 32);
        byte[] bytes = wide.pack(w);
        assertThat(bytes).hasSize(Struct.calcsize(format));
        assertThat(wide.unpack(bytes)).usingRecursiveComparison().isEqualTo(w);
        assertThat(Struct.unpack(format, bytes)[31]).isEqualTo(32L);
    }

    @Test
    void mismatchedRecordsAreRefusedWithTheComponentAndTheCode() {
        assertThatThrownBy(() -> Struct.of(Header.class, "<iH")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record Header has 3 components but format '<iH' has 2 values");
        assertThatThrownBy(() -> Struct.of(Header.class, "<iId")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record Header component 1 'version' is int but format code 'I' at offset 2 of '<iId' needs "
                        + "one of [BigInteger, long]");
        assertThatThrownBy(() -> Struct.of(Header.class, "<i?d"))
                .hasMessageContaining("needs one of [boolean]");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Record> notARecord = (Class) String.class;
        assertThatThrownBy(() -> Struct.of(notARecord, "<i")).hasMessage("java.lang.String is not a record class");
        assertThatThrownBy(() -> Struct.of(Header.class, "<i0pd")).hasMessageContaining("needs one of [byte[]]");
        assertThatThrownBy(() -> HEADER.unpack(new byte[13])).isInstanceOf(StructException.class)
                .hasMessage("unpack requires a buffer of 14 bytes (got 13) for '<iHd'");
    }
}
