package io.procmux.codec.struct;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Emits the bytecode that reads or writes one value of a layout as a Java primitive (or byte[],
 * or BigInteger), for the classes {@link RecordClass} and {@link FieldClass} generate. Numbers are
 * loaded and stored through byte-array or ByteBuffer view {@link VarHandle}s held in the generated
 * class's static final fields, with the value's offset as a constant, and only the conversions and
 * range checks the code needs for the component's type: an {@code int} written to {@code i} has
 * none, an {@code int} written to {@code H} one comparison. Everything a JIT inlines per value is
 * a few dozen bytecodes, so even a 32-value record stays inside one compiled method. Strings,
 * BigIntegers, c and the error paths call the same helpers as the other paths ({@link RecordBinder},
 * {@link Values}), so bytes, values and messages are the same everywhere.
 *
 * <p>Cost: nothing per call; a few bytes of bytecode per value while binding.
 */
final class FieldCode {
    static final String IO = "io/procmux/codec/struct/Io";
    static final String LAYOUT = "io/procmux/codec/struct/Layout";
    private static final String SELF = "io/procmux/codec/struct/FieldCode";
    private static final String HELPERS = "io/procmux/codec/struct/RecordBinder";
    private static final String VH = "java/lang/invoke/VarHandle";
    private static final String BUFFER = "Ljava/nio/ByteBuffer;";
    private static final String PREFIX = "(L" + IO + ";Ljava/lang/Object;I";
    private static final String CONTEXT = "L" + LAYOUT + ";II";
    /** View widths, in the order of {@link #statics()}: 16, 32 and 64-bit integers, float, double. */
    private static final String[] VIEWS = {"S", "I", "J", "F", "D"};

    private final String owner;
    private final Layout layout;

    /** @param owner the generated class, which declares {@link #statics()} first */
    FieldCode(String owner, Layout layout) {
        this.owner = owner;
        this.layout = layout;
    }

    /** The static fields every generated class declares, as {@code name:descriptor}, in {@link #data} order. */
    static String[] statics() {
        String[] out = new String[3 + 2 * VIEWS.length];
        out[0] = "ARRAY_IO:L" + IO + ";";
        out[1] = "BUFFER_IO:L" + IO + ";";
        out[2] = "LAYOUT:L" + LAYOUT + ";";
        for (int k = 0; k < VIEWS.length; k++) {
            out[3 + k] = "A" + VIEWS[k] + ":L" + VH + ";";
            out[3 + VIEWS.length + k] = "B" + VIEWS[k] + ":L" + VH + ";";
        }
        return out;
    }

    /** The values of {@link #statics()} for a struct. */
    static List<Object> data(Struct struct) {
        ByteOrder order = struct.layout.mode.order;
        Class<?>[] views = {short[].class, int[].class, long[].class, float[].class, double[].class};
        Object[] out = new Object[3 + 2 * views.length];
        out[0] = struct.arrayIo;
        out[1] = struct.bufferIo;
        out[2] = struct.layout;
        for (int k = 0; k < views.length; k++) {
            out[3 + k] = MethodHandles.byteArrayViewVarHandle(views[k], order);
            out[3 + views.length + k] = MethodHandles.byteBufferViewVarHandle(views[k], order);
        }
        return List.of(out);
    }

    /** The descriptor of a component type: {@code I}, {@code [B}, {@code Ljava/math/BigInteger;}. */
    static String descriptor(Class<?> type) {
        if (type == int.class) {
            return "I";
        }
        if (type == long.class) {
            return "J";
        }
        if (type == short.class) {
            return "S";
        }
        if (type == byte.class) {
            return "B";
        }
        if (type == boolean.class) {
            return "Z";
        }
        if (type == float.class) {
            return "F";
        }
        if (type == double.class) {
            return "D";
        }
        if (type == byte[].class) {
            return "[B";
        }
        if (type == BigInteger.class) {
            return "Ljava/math/BigInteger;";
        }
        throw new IllegalArgumentException("no struct code maps to " + type);
    }

    /** Where a value goes: the locals holding the buffer and the struct's base, and the buffer's kind. */
    record Target(boolean array, int buffer, int at) {
        String type() {
            return array ? "[B" : BUFFER;
        }

        String io() {
            return array ? "ARRAY_IO" : "BUFFER_IO";
        }
    }

    private void index(Code c, Target t, int offset) {
        c.load('I', t.at());
        if (offset != 0) {
            c.push(offset).op(Code.IADD, -1);
        }
    }

    /** The width letter of an op's view, or 'B' for a single byte. */
    private static char width(int op) {
        switch (op) {
            case Ops.S16: case Ops.U16: case Ops.HALF: return 'S';
            case Ops.S32: case Ops.U32: return 'I';
            case Ops.S64: case Ops.U64: case Ops.PTR: return 'J';
            case Ops.F32: case Ops.F32_NATIVE: return 'F';
            case Ops.F64: return 'D';
            default: return 'B';
        }
    }

    /** Pushes what a load or store needs before the value: the view (unless a byte), the buffer, the index. */
    private void address(Code c, Target t, char width, int offset) {
        if (width != 'B') {
            c.getStatic(owner, (t.array() ? "A" : "B") + width, "L" + VH + ";");
        }
        c.load('L', t.buffer());
        index(c, t, offset);
    }

    private void load(Code c, Target t, char width) {
        if (width == 'B') {
            if (t.array()) {
                c.op(Code.BALOAD, -1);
            } else {
                c.invokeVirtual("java/nio/ByteBuffer", "get", "(I)B");
            }
        } else {
            c.invokeVirtual(VH, "get", "(" + t.type() + "I)" + width);
        }
    }

    private void store(Code c, Target t, char width) {
        if (width == 'B') {
            if (t.array()) {
                c.op(Code.BASTORE, -3);
            } else {
                c.invokeVirtual("java/nio/ByteBuffer", "put", "(IB)" + BUFFER).op(Code.POP, -1);
            }
        } else {
            c.invokeVirtual(VH, "set", "(" + t.type() + "I" + width + ")V");
        }
    }

    /** Pushes the helpers' leading arguments: the {@link Io}, the buffer, the value's index. */
    private void helperTarget(Code c, Target t, int offset) {
        c.getStatic(owner, t.io(), "L" + IO + ";").load('L', t.buffer());
        index(c, t, offset);
    }

    private void context(Code c, int run, int j) {
        c.getStatic(owner, "LAYOUT", "L" + LAYOUT + ";").push(run).push(j);
    }

    /** Pushes value j of the struct at {@code t}, as {@code type}. */
    void read(Code c, Target t, int j, Class<?> type) {
        int run = layout.runOfValue(j);
        int op = layout.op[run];
        int offset = layout.offsetOfValue(run, j);
        if (op == Ops.CHAR || op == Ops.STR || op == Ops.PSTR) {
            helperTarget(c, t, offset);
            if (op == Ops.CHAR) {
                c.invokeStatic(HELPERS, "readChar", PREFIX + ")[B");
            } else {
                c.push(layout.count[run]).invokeStatic(HELPERS, op == Ops.STR ? "readStr" : "readPascal", PREFIX + "I)[B");
            }
            return;
        }
        char width = width(op);
        address(c, t, width, offset);
        load(c, t, width);
        switch (op) {
            case Ops.BOOL: c.invokeStatic(SELF, "truth", "(I)Z"); return;
            case Ops.U8: c.push(0xff).op(Code.IAND, -1); break;
            case Ops.U16: c.push(0xffff).op(Code.IAND, -1); break;
            case Ops.U32: c.invokeStatic("java/lang/Integer", "toUnsignedLong", "(I)J"); break;
            case Ops.HALF:
                c.invokeStatic("io/procmux/codec/struct/Half", "toDouble", "(I)D");
                if (type == float.class) {
                    c.op(Code.D2F, -1);
                }
                return;
            case Ops.F32: case Ops.F32_NATIVE:
                if (type == double.class) {
                    c.op(Code.F2D, 1);
                }
                return;
            default: break;
        }
        if (!Ops.isInteger(op)) {
            return; // F64: a double already
        }
        boolean wide = op == Ops.U32 || width == 'J';
        if (type == BigInteger.class) {
            if (!wide) {
                c.op(Code.I2L, 1);
            }
            boolean unsigned = op == Ops.U64 || op == Ops.PTR;
            c.invokeStatic(unsigned ? SELF : "java/math/BigInteger", unsigned ? "unsignedBig" : "valueOf",
                    "(J)Ljava/math/BigInteger;");
        } else if (type == long.class && !wide) {
            c.op(Code.I2L, 1);
        }
        // narrower types: the code's range fits them (RecordBinder checks that when binding)
    }

    /**
     * Writes value j of the struct at {@code t}; {@code value} pushes it, as {@code type}, once
     * the store's leading operands are on the stack.
     */
    void write(Code c, Target t, int j, Class<?> type, Runnable value) {
        int run = layout.runOfValue(j);
        int op = layout.op[run];
        int offset = layout.offsetOfValue(run, j);
        if (type == BigInteger.class) {
            helperTarget(c, t, offset);
            value.run();
            c.push(op);
            context(c, run, j);
            c.invokeStatic(HELPERS, "writeBig", PREFIX + "Ljava/lang/Object;I" + CONTEXT + ")V");
            return;
        }
        if (op == Ops.CHAR || op == Ops.STR || op == Ops.PSTR) {
            helperTarget(c, t, offset);
            value.run();
            context(c, run, j);
            String helper = op == Ops.CHAR ? "writeChar" : op == Ops.STR ? "writeString" : "writePascal";
            c.invokeStatic(HELPERS, helper, PREFIX + "Ljava/lang/Object;" + CONTEXT + ")V");
            return;
        }
        char width = width(op);
        address(c, t, width, offset);
        value.run();
        if (Ops.isInteger(op)) {
            String check = check(op, type);
            if (check != null) {
                if (type != long.class) {
                    c.op(Code.I2L, 1);
                }
                context(c, run, j);
                c.invokeStatic(SELF, check, "(J" + CONTEXT + ")I");
            }
        } else if (op == Ops.HALF) {
            context(c, run, j);
            String from = type == float.class ? "F" : "D";
            c.invokeStatic("io/procmux/codec/struct/Values", "toHalf", "(" + from + CONTEXT + ")S");
        } else if ((op == Ops.F32 || op == Ops.F32_NATIVE) && type == double.class) {
            if (op == Ops.F32) {
                c.push(true);
                context(c, run, j);
                c.invokeStatic("io/procmux/codec/struct/Values", "toFloat", "(DZ" + CONTEXT + ")F");
            } else {
                c.op(Code.D2F, -1); // native f: a C cast, overflow becomes an infinity
            }
        }
        store(c, t, width);
    }

    /**
     * The range check a component type needs for an integer op, or null when every value of the
     * type fits (or the type is {@code long} on a 64-bit op, which carries raw bits).
     */
    private static String check(int op, Class<?> type) {
        switch (op) {
            case Ops.S8: return type == byte.class ? null : "checkS8";
            case Ops.U8: return "checkU8";
            case Ops.S16: return type == byte.class || type == short.class ? null : "checkS16";
            case Ops.U16: return "checkU16";
            case Ops.S32: return type == long.class ? "checkS32" : null;
            case Ops.U32: return "checkU32";
            default: return null;
        }
    }

    /** Zeroes the struct's bytes at {@code t} (before writing a format with pads). */
    void zero(Code c, Target t) {
        c.getStatic(owner, t.io(), "L" + IO + ";").load('L', t.buffer()).load('I', t.at()).push(layout.size);
        c.invokeStatic(HELPERS, "zero", PREFIX + "I)V");
    }

    /** Throws the {@code 0p} error (such a struct can be packed, not unpacked). */
    void throwZeroPascal(Code c) {
        c.getStatic(owner, "LAYOUT", "L" + LAYOUT + ";");
        c.invokeStatic("io/procmux/codec/struct/RecordStruct", "checkUnpackable", "(L" + LAYOUT + ";)V");
    }

    // ---- the small helpers the generated code calls; each is a few bytecodes, so it inlines ----

    static boolean truth(int b) {
        return b != 0;
    }

    static BigInteger unsignedBig(long bits) {
        BigInteger v = BigInteger.valueOf(bits & Long.MAX_VALUE);
        return bits < 0 ? v.setBit(63) : v;
    }

    static int checkS8(long v, Layout layout, int run, int item) {
        if (v != (byte) v) {
            throw Values.outOfRange(v, Ops.S8, layout, run, item);
        }
        return (int) v;
    }

    static int checkU8(long v, Layout layout, int run, int item) {
        if ((v & ~0xffL) != 0) {
            throw Values.outOfRange(v, Ops.U8, layout, run, item);
        }
        return (int) v;
    }

    static int checkS16(long v, Layout layout, int run, int item) {
        if (v != (short) v) {
            throw Values.outOfRange(v, Ops.S16, layout, run, item);
        }
        return (int) v;
    }

    static int checkU16(long v, Layout layout, int run, int item) {
        if ((v & ~0xffffL) != 0) {
            throw Values.outOfRange(v, Ops.U16, layout, run, item);
        }
        return (int) v;
    }

    static int checkS32(long v, Layout layout, int run, int item) {
        if (v != (int) v) {
            throw Values.outOfRange(v, Ops.S32, layout, run, item);
        }
        return (int) v;
    }

    static int checkU32(long v, Layout layout, int run, int item) {
        if ((v & ~0xffff_ffffL) != 0) {
            throw Values.outOfRange(v, Ops.U32, layout, run, item);
        }
        return (int) v;
    }
}
