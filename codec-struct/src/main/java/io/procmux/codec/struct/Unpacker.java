package io.procmux.codec.struct;

/**
 * The unpack loop: reads a layout's values at {@code base} through an {@link Io} into a new
 * array. Callers have checked that the bytes are there.
 *
 * <p>Cost: the result array, one box per value (Long, Double, Boolean; small Longs come from the
 * JDK's cache) and one byte[] per c, s or p value.
 */
final class Unpacker {
    private Unpacker() {
    }

    static <B> Object[] unpack(Layout layout, Io<B> io, B buf, int base) {
        if (layout.zeroPascalPos >= 0) {
            throw zeroPascal(layout);
        }
        Object[] out = new Object[layout.valueCount];
        int item = 0;
        for (int run = 0; run < layout.runCount; run++) {
            int op = layout.op[run];
            int at = base + layout.offset[run];
            int n = layout.count[run];
            switch (op) {
                case Ops.CHAR:
                    for (int k = 0; k < n; k++) {
                        out[item++] = new byte[] {io.get8(buf, at + k)};
                    }
                    break;
                case Ops.BOOL:
                    for (int k = 0; k < n; k++) {
                        out[item++] = io.get8(buf, at + k) != 0;
                    }
                    break;
                case Ops.S8:
                    for (int k = 0; k < n; k++) {
                        out[item++] = (long) io.get8(buf, at + k);
                    }
                    break;
                case Ops.U8:
                    for (int k = 0; k < n; k++) {
                        out[item++] = (long) (io.get8(buf, at + k) & 0xff);
                    }
                    break;
                case Ops.S16:
                    for (int k = 0; k < n; k++, at += 2) {
                        out[item++] = (long) io.get16(buf, at);
                    }
                    break;
                case Ops.U16:
                    for (int k = 0; k < n; k++, at += 2) {
                        out[item++] = (long) (io.get16(buf, at) & 0xffff);
                    }
                    break;
                case Ops.S32:
                    for (int k = 0; k < n; k++, at += 4) {
                        out[item++] = (long) io.get32(buf, at);
                    }
                    break;
                case Ops.U32:
                    for (int k = 0; k < n; k++, at += 4) {
                        out[item++] = io.get32(buf, at) & 0xffff_ffffL;
                    }
                    break;
                case Ops.S64:
                    for (int k = 0; k < n; k++, at += 8) {
                        out[item++] = io.get64(buf, at);
                    }
                    break;
                case Ops.U64:
                case Ops.PTR:
                    for (int k = 0; k < n; k++, at += 8) {
                        out[item++] = Values.unsigned64(io.get64(buf, at));
                    }
                    break;
                case Ops.HALF:
                    for (int k = 0; k < n; k++, at += 2) {
                        out[item++] = Half.toDouble(io.get16(buf, at));
                    }
                    break;
                case Ops.F32:
                case Ops.F32_NATIVE:
                    for (int k = 0; k < n; k++, at += 4) {
                        out[item++] = (double) Float.intBitsToFloat(io.get32(buf, at));
                    }
                    break;
                case Ops.F64:
                    for (int k = 0; k < n; k++, at += 8) {
                        out[item++] = Double.longBitsToDouble(io.get64(buf, at));
                    }
                    break;
                case Ops.STR:
                    out[item++] = io.getBytes(buf, at, n);
                    break;
                case Ops.PSTR:
                    out[item++] = io.getBytes(buf, at + 1, Math.min(io.get8(buf, at) & 0xff, n - 1));
                    break;
                default:
                    throw new AssertionError("op " + op);
            }
        }
        return out;
    }

    static StructException zeroPascal(Layout layout) {
        return new StructException("cannot unpack '0p' at format offset " + layout.zeroPascalPos + " of '"
                + layout.format + "': a Pascal string needs a length byte (CPython raises SystemError: "
                + "Negative size passed to PyBytes_FromStringAndSize)");
    }
}
