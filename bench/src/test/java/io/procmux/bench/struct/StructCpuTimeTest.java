package io.procmux.bench.struct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paired CPU-time runner: Java and CPython slices interleaved, one line per slice and per OP, children reaped. */
class StructCpuTimeTest {

    @Test
    void printsEverySliceThenOneLinePerOpWithTheFirstAsTheReference() throws Exception {
        List<String> lines = run(List.of("Ihd.handUnpack", "Ihd.recordUnpack"));
        assertThat(lines).hasSize(2 * 2 + 2);
        assertThat(lines.subList(0, 4)).allMatch(line -> line.matches("slice Ihd\\.(handUnpack|recordUnpack) [01] [0-9.]+"));
        assertThat(lines.get(4)).matches(
                "Ihd\\.handUnpack +cpu-ns/op median +[0-9.]+ min +[0-9.]+ max +[0-9.]+ ratio 1\\.000 paired-ratio 1\\.000");
        assertThat(lines.get(5)).startsWith("Ihd.recordUnpack ");
    }

    @Test
    void interleavesCPythonAsAChildProcessAndReapsIt() throws Exception {
        assumeTrue(python3(), "python3 is not installed: the CPython side cannot run");
        String old = System.getProperty(CPythonStruct.SCRIPT_PROPERTY);
        System.setProperty(CPythonStruct.SCRIPT_PROPERTY, "python/struct_bench.py");
        try {
            List<String> lines = run(List.of("Ihd.boxedPack", "CPython.ihd_pack", "CPython.iter_unpack_1mib"));
            assertThat(lines).hasSize(3 * 2 + 3);
            double pythonNs = Double.parseDouble(lines.get(2).split(" ")[3]);
            double iterNs = Double.parseDouble(lines.get(4).split(" ")[3]);
            assertThat(lines.get(2)).startsWith("slice CPython.ihd_pack 0 ");
            assertThat(pythonNs).as("one CPython pack call: nanoseconds, not zero").isBetween(1.0, 100_000.0);
            assertThat(iterNs).as("1 MiB of records per CPython op").isGreaterThan(1_000 * pythonNs);
            assertThat(ProcessHandle.current().children()).as("the python3 child is reaped").isEmpty();
        } finally {
            if (old == null) {
                System.clearProperty(CPythonStruct.SCRIPT_PROPERTY);
            } else {
                System.setProperty(CPythonStruct.SCRIPT_PROPERTY, old);
            }
        }
    }

    @Test
    void refusesCPythonWithoutItsScriptAndAnUnknownCase() {
        assumeTrue(System.getProperty(CPythonStruct.SCRIPT_PROPERTY) == null);
        assertThatThrownBy(() -> run(List.of("CPython.ihd_pack")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The CPython OPs need bench/python/struct_bench.py named by "
                        + "-Dprocmux.bench.structPython=PATH; got null");
        assumeTrue(python3(), "python3 is not installed");
        System.setProperty(CPythonStruct.SCRIPT_PROPERTY, "python/struct_bench.py");
        try {
            assertThatThrownBy(() -> run(List.of("CPython.ihd_frobnicate")))
                    .isInstanceOf(IOException.class)
                    .hasMessage("struct_bench.py answered 'null' instead of 'ihd_frobnicate NS'");
            assertThat(ProcessHandle.current().children()).isEmpty();
        } finally {
            System.clearProperty(CPythonStruct.SCRIPT_PROPERTY);
        }
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> StructCpuTime.main(new String[] {"5", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 2 arguments");
        assertThatThrownBy(() -> StructCpuTime.main(new String[] {"0", "3", "Ihd.boxedPack"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SLICE_MS must be at least 1, got 0");
        assertThatThrownBy(() -> StructCpuTime.main(new String[] {"5", "3", "Ihd.frobnicate"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown OP 'Ihd.frobnicate'");
    }

    private static List<String> run(List<String> ops) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StructCpuTime.run(5, 2, ops, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start(); // no pipes: nothing left for the process reaper to close later, under another test
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
