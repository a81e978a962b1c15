package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format parsing: sizes per code and mode, alignment, repeat counts, whitespace, and format errors. */
class StructFormatTest {

    @ParameterizedTest(name = "{0}: native {1}, standard {2}")
    @CsvSource({
        "x, 1, 1", "c, 1, 1", "b, 1, 1", "B, 1, 1", "?, 1, 1", "h, 2, 2", "H, 2, 2", "i, 4, 4", "I, 4, 4",
        "l, 8, 4", "L, 8, 4", "q, 8, 8", "Q, 8, 8", "n, 8, -1", "N, 8, -1", "P, 8, -1", "e, 2, 2", "f, 4, 4",
        "d, 8, 8", "s, 1, 1", "p, 1, 1",
    })
    void everyCodeHasCpythonsSizeInEveryMode(char code, int nativeSize, int standardSize) {
        assertThat(Struct.calcsize(String.valueOf(code))).isEqualTo(nativeSize);
        assertThat(Struct.calcsize("@" + code)).isEqualTo(nativeSize);
        for (String prefix : new String[] {"=", "<", ">", "!"}) {
            if (standardSize < 0) {
                assertThatThrownBy(() -> Struct.compile(prefix + code))
                        .isInstanceOf(StructException.class)
                        .hasMessage("bad char in struct format: '" + code + "' at offset 1 of '" + prefix + code
                                + "' (only in native mode '@')");
            } else {
                assertThat(Struct.calcsize(prefix + code)).as(prefix + code).isEqualTo(standardSize);
            }
        }
    }

    @ParameterizedTest(name = "calcsize(''{0}'') = {1}")
    @CsvSource(delimiter = '|', value = {
        "''|0", "@|0", "<|0", "ci|8", "<ci|5", "=ci|5", "ic|5", "llh0l|24", "llh|18", "c0e|2", "c0?|1", "cP|16",
        "bd|16", "!bd|9", "hq|16", "ch0s|4", "c0s|1", "x0q|8", "xq|16", "<xq|9", "4h|8", "10s|10", "0s|0", "0p|0",
        "3x|3", "03h|6", "' i  i'|8", "'i\ti'|8", "'2i 3h'|14", "bH|4", "bHb|5", "bHbi|12", "ce|4", "cf|8",
        "'e d'|16", "0i|0", "c0i|4", "<10q|80", "@Lb|9", "?N|16",
    })
    void sizesIncludeNativeAlignmentOnly(String format, int size) {
        assertThat(Struct.calcsize(format.replace("\\t", "\t"))).isEqualTo(size);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "z|bad char in struct format: 'z' at offset 0 of 'z'",
        "<iz|bad char in struct format: 'z' at offset 2 of '<iz'",
        "i<|bad char in struct format: '<' at offset 1 of 'i<' (a byte order character is only allowed first)",
        "' <i'|bad char in struct format: '<' at offset 1 of ' <i' (a byte order character is only allowed first)",
        "<<i|bad char in struct format: '<' at offset 1 of '<<i' (a byte order character is only allowed first)",
        "'4 h'|bad char in struct format: ' ' at offset 1 of '4 h' (a repeat count must be followed directly by a format code)",
        "!n|bad char in struct format: 'n' at offset 1 of '!n' (only in native mode '@')",
        "=2P|bad char in struct format: 'P' at offset 2 of '=2P' (only in native mode '@')",
        "4|repeat count given without format specifier at offset 0 of '4'",
        "ii12|repeat count given without format specifier at offset 2 of 'ii12'",
        "99999999999999999999i|total struct size too long at offset 0 of '99999999999999999999i' (at most 2147483639 bytes)",
        "2000000000i|total struct size too long at offset 10 of '2000000000i' (at most 2147483639 bytes)",
    })
    void malformedFormatsNameTheCharacterAndItsOffset(String format, String message) {
        assertThatThrownBy(() -> Struct.compile(format)).isInstanceOf(StructException.class).hasMessage(message);
        assertThatThrownBy(() -> Struct.calcsize(format)).isInstanceOf(StructException.class).hasMessage(message);
    }

    @Test
    void controlAndNonAsciiCharactersAreNamedInHex() {
        assertThatThrownBy(() -> Struct.compile("i\u0000")).isInstanceOf(StructException.class)
                .hasMessage("embedded null character at offset 1 of the format");
        assertThatThrownBy(() -> Struct.compile("<\u00e9")).isInstanceOf(StructException.class)
                .hasMessage("bad char in struct format: '\\xe9' at offset 1 (a format is ASCII only; CPython raises "
                        + "UnicodeEncodeError)");
        assertThatThrownBy(() -> Struct.compile("\u001ci")).isInstanceOf(StructException.class)
                .hasMessage("bad char in struct format: '\\x1c' at offset 0 of '\\x1ci'");
        assertThatThrownBy(() -> Struct.compile(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"<iHd|3|14", "4h2x10s|5|20", "0s0p|2|0", "3x|0|3", "?0i|1|4"})
    void countsValuesTheWayPackExpectsThem(String format, int count, int size) {
        Struct s = Struct.compile(format);
        assertThat(s.count()).isEqualTo(count);
        assertThat(s.size()).isEqualTo(size);
        assertThat(s.format()).isEqualTo(format);
        assertThat(s).hasToString("Struct('" + format + "', size=" + size + ")");
    }
}
