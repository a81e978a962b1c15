package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.codec.CodecException;
import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal: CPython's meaning, the code and range, the position, the sizes. */
class StructErrorsTest {

    @ParameterizedTest(name = "pack(''{0}'', {1})")
    @CsvSource(delimiter = '|', value = {
        "<b|128|'b' format requires -128 <= number <= 127 (item 0, 'b' at format offset 1, got 128)",
        "<B|-1|'B' format requires 0 <= number <= 255 (item 0, 'B' at format offset 1, got -1)",
        "<h|32768|'h' format requires -32768 <= number <= 32767 (item 0, 'h' at format offset 1, got 32768)",
        ">H|65536|'H' format requires 0 <= number <= 65535 (item 0, 'H' at format offset 1, got 65536)",
        "<i|2147483648|'i' format requires -2147483648 <= number <= 2147483647 (item 0, 'i' at format offset 1, got 2147483648)",
        "<I|-1|'I' format requires 0 <= number <= 4294967295 (item 0, 'I' at format offset 1, got -1)",
        "<l|-2147483649|'l' format requires -2147483648 <= number <= 2147483647 (item 0, 'l' at format offset 1, got -2147483649)",
        "@L|-1|'L' format requires 0 <= number <= 18446744073709551615 (item 0, 'L' at format offset 1, got -1)",
        "<q|9223372036854775808|'q' format requires -9223372036854775808 <= number <= 9223372036854775807 (item 0, 'q' at format offset 1, got 9223372036854775808)",
        "<Q|18446744073709551616|'Q' format requires 0 <= number <= 18446744073709551615 (item 0, 'Q' at format offset 1, got 18446744073709551616)",
        "P|-9223372036854775809|'P' format requires -9223372036854775808 <= number <= 18446744073709551615 (item 0, 'P' at format offset 0, got -9223372036854775809)",
    })
    void outOfRangeIntegersNameTheCodeTheRangeAndThePosition(String format, String value, String message) {
        assertThatThrownBy(() -> Struct.pack(format, new BigInteger(value)))
                .isInstanceOf(StructException.class).hasMessage(message);
    }

    @Test
    void theFailingItemIsNamedInALongerFormat() {
        assertThatThrownBy(() -> Struct.pack("<2i 3h", 1, 2, 3, 40000, 5))
                .isInstanceOf(StructException.class)
                .hasMessage("'h' format requires -32768 <= number <= 32767 (item 3, 'h' at format offset 5, got 40000)");
    }

    @Test
    void wrongTypesAreRefusedAsCpythonRefusesThem() {
        assertThatThrownBy(() -> Struct.pack("<i", "1")).isInstanceOf(StructException.class)
                .hasMessage("required argument is not an integer (item 0, 'i' at format offset 1, got String 1)");
        assertThatThrownBy(() -> Struct.pack("<i", 1.0)).hasMessageStartingWith("required argument is not an integer");
        assertThatThrownBy(() -> Struct.pack("<i", (Object) null)).hasMessageEndingWith("got null)");
        assertThatThrownBy(() -> Struct.pack("<d", "1.0")).isInstanceOf(StructException.class)
                .hasMessageStartingWith("required argument is not a float");
        assertThatThrownBy(() -> Struct.pack("<d", BigInteger.TEN.pow(400))).isInstanceOf(StructException.class)
                .hasMessageStartingWith("required argument is not a float (item 0, 'd' at format offset 1: BigInteger "
                        + "too large to convert to float)");
        assertThatThrownBy(() -> Struct.pack("c", new byte[] {1, 2})).isInstanceOf(StructException.class)
                .hasMessage("char format requires a bytes object of length 1 (item 0, 'c' at format offset 0, got byte[2])");
        assertThatThrownBy(() -> Struct.pack("c", "a")).hasMessageStartingWith("char format requires");
        assertThatThrownBy(() -> Struct.pack("3s", "abc")).isInstanceOf(StructException.class)
                .hasMessage("argument for 's' must be a bytes object (item 0, 's' at format offset 1, got String abc)");
        assertThatThrownBy(() -> Struct.pack("3p", (Object) null))
                .hasMessage("argument for 'p' must be a bytes object (item 0, 'p' at format offset 1, got null)");
    }

    @Test
    void floatOverflowRaisesForEAlwaysAndForFInStandardModes() {
        assertThatThrownBy(() -> Struct.pack("<e", 65520.0)).isInstanceOf(StructException.class)
                .hasMessage("float too large to pack with e format (item 0, 'e' at format offset 1, got 65520.0; "
                        + "CPython raises OverflowError)");
        assertThatThrownBy(() -> Struct.pack("e", 1e10)).hasMessageStartingWith("float too large to pack with e format");
        assertThatThrownBy(() -> Struct.pack("<f", 1e39)).isInstanceOf(StructException.class)
                .hasMessageStartingWith("float too large to pack with f format (item 0");
        assertThat(Struct.pack("@f", 1e39)).containsExactly(0, 0, (byte) 0x80, 0x7f);
        assertThat(Struct.pack("<f", Double.POSITIVE_INFINITY)).containsExactly(0, 0, (byte) 0x80, 0x7f);
    }

    @Test
    void wrongArgumentCountsNameExpectedAndGiven() {
        Struct s = Struct.compile("<iH");
        assertThatThrownBy(() -> s.pack(1)).isInstanceOf(StructException.class)
                .hasMessage("pack expected 2 items for packing (got 1) for '<iH'");
        assertThatThrownBy(() -> s.packInto(new byte[6], 0, 1, 2, 3))
                .hasMessage("pack_into expected 2 items for packing (got 3) for '<iH'");
        assertThatThrownBy(() -> s.packInto(ByteBuffer.allocate(6)))
                .hasMessage("pack_into expected 2 items for packing (got 0) for '<iH'");
    }

    @Test
    void shortAndLongBuffersNameRequiredAndAvailableSizes() {
        Struct s = Struct.compile("<iH");
        assertThatThrownBy(() -> s.unpack(new byte[5])).isInstanceOf(StructException.class)
                .hasMessage("unpack requires a buffer of 6 bytes (got 5) for '<iH'");
        assertThatThrownBy(() -> s.unpack(new byte[7])).hasMessage("unpack requires a buffer of 6 bytes (got 7) for '<iH'");
        assertThatThrownBy(() -> s.unpackFrom(new byte[8], 3)).hasMessage(
                "unpack_from requires a buffer of at least 9 bytes for unpacking 6 bytes at offset 3 (actual buffer size is 8)");
        assertThatThrownBy(() -> s.unpackFrom(new byte[8], -9)).hasMessage("offset -9 out of range for 8-byte buffer");
        assertThatThrownBy(() -> s.unpackFrom(new byte[8], -5)).hasMessage("not enough data to unpack 6 bytes at offset -5");
        assertThatThrownBy(() -> s.packInto(new byte[8], 3, 1, 2)).hasMessage(
                "pack_into requires a buffer of at least 9 bytes for packing 6 bytes at offset 3 (actual buffer size is 8)");
        assertThatThrownBy(() -> s.packInto(new byte[8], -5, 1, 2)).hasMessage("no space to pack 6 bytes at offset -5");
        assertThatThrownBy(() -> s.packInto(new byte[5], -6, 1, 2)).hasMessage("offset -6 out of range for 5-byte buffer");
        assertThatThrownBy(() -> s.iterUnpack(new byte[7])).hasMessage(
                "iterative unpacking requires a buffer of a multiple of 6 bytes (got 7) for '<iH'");
        assertThatThrownBy(() -> Struct.compile("0i").iterUnpack(new byte[0]))
                .hasMessage("cannot iteratively unpack with a struct of length 0 ('0i')");
        ByteBuffer five = ByteBuffer.allocate(9).position(4);
        assertThatThrownBy(() -> s.unpackFrom(five)).isInstanceOf(CodecException.class).hasMessage(
                "unpack_from requires a buffer of at least 6 bytes for unpacking 6 bytes at position 4 (only 5 remaining) for '<iH'");
        assertThat(five.position()).isEqualTo(4);
        assertThatThrownBy(() -> s.unpack(five)).hasMessage("unpack requires a buffer of 6 bytes (got 5 remaining) for '<iH'");
    }

    @Test
    void buffersFollowJavaConventionsForRoomAndReadOnly() {
        Struct s = Struct.compile("<iH");
        ByteBuffer small = ByteBuffer.allocateDirect(8).position(3);
        assertThatThrownBy(() -> s.packInto(small, 1, 2)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isEqualTo(3);
        assertThatThrownBy(() -> s.packInto(ByteBuffer.allocate(8).asReadOnlyBuffer(), 1, 2))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void zeroLengthPascalStringsPackButNeverUnpackAsInCpython() {
        assertThat(Struct.pack("0p", new byte[0])).isEmpty();
        assertThatThrownBy(() -> Struct.unpack("i0p", new byte[4])).isInstanceOf(StructException.class)
                .hasMessageStartingWith("cannot unpack '0p' at format offset 2 of 'i0p'")
                .hasMessageContaining("SystemError");
    }

    @Test
    void packIntoLeavesEarlierItemsWrittenWhenALaterOneFailsAsCpythonDoes() {
        byte[] buf = {9, 9, 9, 9};
        assertThatThrownBy(() -> Struct.compile("<hbx").packInto(buf, 0, 258, 300)).isInstanceOf(StructException.class);
        assertThat(buf).containsExactly(2, 1, 0, 0);
    }
}
