package io.procmux.codec.struct;

import org.jspecify.annotations.Nullable;

/**
 * The pack loop: writes a layout's values at {@code base} through an {@link Io}. Callers have
 * checked the argument count and the room; this class converts and range-checks each value and
 * writes it. Like CPython's {@code pack_into}, a failure part-way leaves the earlier items written.
 *
 * <p>Cost: one pass over the values; no allocation besides boxing done by the caller.
 */
final class Packer {
    private Packer() {
    }

    /**
     * Packs {@code values} at {@code base}. {@code zeroed} says the region is known to be zero
     * already (a new array), so pad bytes need not be cleared.
     */
    static <B> void pack(Layout layout, Io<B> io, B buf, int base, @Nullable Object[] values, boolean zeroed) {
        if (!zeroed && !layout.dense) {
            io.zero(buf, base, layout.size);
        }
        boolean strictFloat = !layout.mode.nativeSizes;
        int item = 0;
        for (int run = 0; run < layout.runCount; run++) {
            int op = layout.op[run];
            int at = base + layout.offset[run];
            int n = layout.count[run];
            switch (op) {
                case Ops.CHAR:
                    for (int k = 0; k < n; k++, item++) {
                        io.put8(buf, at + k, Values.character(values[item], layout, run, item));
                    }
                    break;
                case Ops.BOOL:
                    for (int k = 0; k < n; k++, item++) {
                        io.put8(buf, at + k, Values.truth(values[item]) ? 1 : 0);
                    }
                    break;
                case Ops.S8:
                case Ops.U8:
                    for (int k = 0; k < n; k++, item++) {
                        io.put8(buf, at + k, (int) Values.integer(values[item], op, layout, run, item));
                    }
                    break;
                case Ops.S16:
                case Ops.U16:
                    for (int k = 0; k < n; k++, item++, at += 2) {
                        io.put16(buf, at, (short) Values.integer(values[item], op, layout, run, item));
                    }
                    break;
                case Ops.S32:
                case Ops.U32:
                    for (int k = 0; k < n; k++, item++, at += 4) {
                        io.put32(buf, at, (int) Values.integer(values[item], op, layout, run, item));
                    }
                    break;
                case Ops.S64:
                case Ops.U64:
                case Ops.PTR:
                    for (int k = 0; k < n; k++, item++, at += 8) {
                        io.put64(buf, at, Values.integer(values[item], op, layout, run, item));
                    }
                    break;
                case Ops.HALF:
                    for (int k = 0; k < n; k++, item++, at += 2) {
                        double d = Values.floating(values[item], layout, run, item);
                        io.put16(buf, at, Values.toHalf(d, layout, run, item));
                    }
                    break;
                case Ops.F32:
                case Ops.F32_NATIVE:
                    for (int k = 0; k < n; k++, item++, at += 4) {
                        double d = Values.floating(values[item], layout, run, item);
                        float f = Values.toFloat(d, strictFloat, layout, run, item);
                        io.put32(buf, at, Float.floatToRawIntBits(f));
                    }
                    break;
                case Ops.F64:
                    for (int k = 0; k < n; k++, item++, at += 8) {
                        double d = Values.floating(values[item], layout, run, item);
                        io.put64(buf, at, Double.doubleToRawLongBits(d));
                    }
                    break;
                case Ops.STR:
                    putString(io, buf, at, n, Values.bytes(values[item], layout, run, item));
                    item++;
                    break;
                case Ops.PSTR:
                    putPascal(io, buf, at, n, Values.bytes(values[item], layout, run, item),
                            layout.offset[run] < layout.size);
                    item++;
                    break;
                default:
                    throw new AssertionError("op " + op);
            }
        }
    }

    /** {@code s}: the bytes, truncated to {@code n} or followed by zeros. */
    static <B> void putString(Io<B> io, B buf, int at, int n, byte[] data) {
        int copy = Math.min(n, data.length);
        io.putBytes(buf, at, data, copy);
        if (copy < n) {
            io.zero(buf, at + copy, n - copy);
        }
    }

    /**
     * {@code p}: a length byte (at most 255 and at most {@code n - 1}), then the data, then zeros.
     * For {@code 0p} CPython writes 0xff where the length byte would be; the byte survives when no
     * later item overwrites it. We write it only inside the struct ({@code inside}), never past it.
     */
    static <B> void putPascal(Io<B> io, B buf, int at, int n, byte[] data, boolean inside) {
        if (n == 0) {
            if (inside) {
                io.put8(buf, at, 0xff);
            }
            return;
        }
        int copy = Math.min(data.length, n - 1);
        io.put8(buf, at, Math.min(copy, 255));
        io.putBytes(buf, at + 1, data, copy);
        if (copy < n - 1) {
            io.zero(buf, at + 1 + copy, n - 1 - copy);
        }
    }
}
