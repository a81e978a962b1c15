package io.procmux.bench.struct;

/** One {@code '<iHd'} struct (also {@code '<iHd2x'}, the 16-byte record of the 1 MiB iteration). */
public record Rec(int i, int h, double d) {
}
