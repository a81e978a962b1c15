package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's notation, both ways; the CPython cross-check covers thousands more cases. */
class PythonReprTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.1|0.1", "1e16|1e+16", "1e15|1000000000000000.0", "123.0|123.0", "1.5e-05|1.5e-05", "0.0001|0.0001",
        "0.00001|1e-05", "-0.0|-0.0", "Infinity|inf", "-Infinity|-inf", "NaN|nan", "2.5e-300|2.5e-300",
        "1.7976931348623157e308|1.7976931348623157e+308", "4.9e-324|5e-324", "12345678901234567.0|1.2345678901234568e+16",
        "100.0|100.0", "1e22|1e+22", "0.3|0.3",
    })
    void floatsUseTheShortestDigitsThatReadBack(double value, String repr) {
        assertThat(PythonRepr.repr(value)).isEqualTo(repr);
        assertThat(PythonRepr.parse(repr)).isEqualTo(value);
    }

    @Test
    void bytesIntsBooleansAndNone() {
        assertThat(PythonRepr.repr(new byte[] {0, 'a', '\'', '"', '\\', '\t', '\n', '\r', 0x7f, (byte) 0x80, ' ', '~'}))
                .isEqualTo("b'\\x00a\\'\"\\\\\\t\\n\\r\\x7f\\x80 ~'");
        assertThat(PythonRepr.repr("it's".getBytes())).isEqualTo("b\"it's\"");
        assertThat(PythonRepr.repr(new byte[0])).isEqualTo("b''");
        assertThat(PythonRepr.repr(-5L)).isEqualTo("-5");
        assertThat(PythonRepr.repr(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(PythonRepr.repr(true)).isEqualTo("True");
        assertThat(PythonRepr.repr(null)).isEqualTo("None");
        assertThatThrownBy(() -> PythonRepr.repr("text")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Python notation for java.lang.String");
    }

    @Test
    void parsesPythonLiteralsIntoPackableValues() {
        assertThat(PythonRepr.parse("1_000")).isEqualTo(1000L);
        assertThat(PythonRepr.parse("-0x_1f")).isEqualTo(-31L);
        assertThat(PythonRepr.parse("0o17")).isEqualTo(15L);
        assertThat(PythonRepr.parse("0b101")).isEqualTo(5L);
        assertThat(PythonRepr.parse("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(PythonRepr.parse(".5")).isEqualTo(0.5);
        assertThat(PythonRepr.parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PythonRepr.parse("False")).isEqualTo(false);
        assertThat(PythonRepr.parse("None")).isNull();
        assertThat((byte[]) PythonRepr.parse("b'a\\x00\\n\\101\\q'")).containsExactly('a', 0, '\n', 'A', '\\', 'q');
        assertThat((byte[]) PythonRepr.parse("b\"it's\"")).containsExactly('i', 't', '\'', 's');
        for (String bad : new String[] {"010", "1__0", "0x", "abc", "1.5f", "b'\\x4'", "b'x", "'x'", "b'\u00e9'"}) {
            assertThatThrownBy(() -> PythonRepr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void valuesPackedFromParsedLiteralsMatchPython() {
        Object[] values = {PythonRepr.parse("-2"), PythonRepr.parse("0xffff"), PythonRepr.parse("2.5"),
            PythonRepr.parse("b'ab'"), PythonRepr.parse("True")};
        assertThat(java.util.HexFormat.of().formatHex(Struct.pack("<iHd3s?", values)))
                .isEqualTo("feffffff" + "ffff" + "0000000000000440" + "616200" + "01");
    }
}
