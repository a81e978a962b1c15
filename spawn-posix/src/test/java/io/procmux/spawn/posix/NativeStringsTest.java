package io.procmux.spawn.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link NativeStrings}: the vector read back as C would read it, through refills and growth. */
class NativeStringsTest {
    private static Native nat;

    @BeforeAll
    static void loadNative() {
        assumeTrue(Native.unavailabilityCause().isEmpty(), () -> "native side unavailable: " + Native.unavailabilityCause());
        nat = Native.get();
    }

    @Test
    void writesANullTerminatedVectorOfTheStrings() {
        NativeStrings s = NativeStrings.of(nat.runtime(), List.of("sh", "-c", "échö ☃", ""));
        assertThat(readBack(s.vector())).containsExactly("sh", "-c", "échö ☃", "");
        assertThat(s.stringAddress(0)).isEqualTo(s.vector().getAddress(0));
    }

    @Test
    void writesEnvironmentEntriesAsNameEqualsValue() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("EMPTY", "");
        env.put("X", "a=b c");
        assertThat(readBack(NativeStrings.ofEnvironment(nat.runtime(), env).vector()))
                .containsExactly("A=1", "EMPTY=", "X=a=b c");
    }

    @Test
    void refillsAndGrowsWithoutLosingEarlierStrings() {
        NativeStrings s = new NativeStrings(nat.runtime(), 16);
        assertThat(readBack(s.fill(List.of("one")))).containsExactly("one");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("argument-" + i + "-" + String.join("", Collections.nCopies(i % 40, "x")));
        }
        assertThat(readBack(s.fill(many))).isEqualTo(many);
        assertThat(readBack(s.fill(List.of()))).isEmpty();
        assertThat(readBack(s.fill(List.of("again", "two")))).containsExactly("again", "two");
    }

    private static List<String> readBack(Pointer vector) {
        List<String> out = new ArrayList<>();
        int step = nat.runtime().addressSize();
        for (long off = 0; ; off += step) {
            long address = vector.getAddress(off);
            if (address == 0) {
                return out;
            }
            Pointer p = Pointer.wrap(nat.runtime(), address);
            out.add(p.getString(0, Integer.MAX_VALUE, StandardCharsets.UTF_8));
        }
    }
}
