package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Grouping under heavy concurrent output: every job's output arrives whole and byte-exact. */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class ParallelOutputIT {
    private static final int JOBS = 100;
    private static final int BYTES = 1 << 20;

    @TempDir
    Path dir;

    private static byte[] expected(String label) {
        byte[] line = (label + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    @Test
    void aHundredJobsOfOneMebibyteEachArriveWholeAndByteExact() throws Exception {
        List<String> args = new ArrayList<>(List.of("-j", "16", "sh", "-c", "yes \"$1\" | head -c " + BYTES, "sh", ":::"));
        for (int i = 0; i < JOBS; i++) {
            args.add(String.format("job-%03d-%s", i, "x".repeat(i % 7)));
        }
        ParallelIT.Result r = ParallelIT.Cli.run(dir, args.toArray(new String[0]));
        assertThat(r.status()).as(r.err()).isZero();
        byte[] out = r.outBytes();
        assertThat(out.length).isEqualTo(JOBS * BYTES);
        Set<String> seen = new HashSet<>();
        for (int block = 0; block < JOBS; block++) {
            byte[] chunk = Arrays.copyOfRange(out, block * BYTES, (block + 1) * BYTES);
            int nl = 0;
            while (chunk[nl] != '\n') {
                nl++;
            }
            String label = new String(chunk, 0, nl, StandardCharsets.US_ASCII);
            assertThat(args).contains(label);
            assertThat(Arrays.equals(chunk, expected(label))).as("output of %s is whole and exact", label).isTrue();
            seen.add(label);
        }
        assertThat(seen).hasSize(JOBS);
    }

    @Test
    void keepOrderUnderHeavyOutputGivesInputOrder() throws Exception {
        List<String> args = new ArrayList<>(List.of("-j", "8", "-k", "sh", "-c",
                "yes \"$1\" | head -c " + BYTES + "; echo \"$1\" >&2", "sh", ":::"));
        for (int i = 0; i < 16; i++) {
            args.add("k" + i);
        }
        ParallelIT.Result r = ParallelIT.Cli.run(dir, args.toArray(new String[0]));
        assertThat(r.status()).as(r.err()).isZero();
        byte[] out = r.outBytes();
        for (int i = 0; i < 16; i++) {
            assertThat(Arrays.equals(Arrays.copyOfRange(out, i * BYTES, (i + 1) * BYTES), expected("k" + i))).isTrue();
        }
        StringBuilder err = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            err.append('k').append(i).append('\n');
        }
        assertThat(r.err()).isEqualTo(err.toString());
    }
}
