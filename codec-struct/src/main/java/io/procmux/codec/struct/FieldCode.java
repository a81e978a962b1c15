package io.procmux.codec.struct;

import java.math.BigInteger;

/**
 * Emits the bytecode that reads or writes one value of a layout as a Java primitive (or byte[],
 * or BigInteger), for the classes {@link RecordClass} and {@link FieldClass} generate. Each value
 * becomes one call of a {@link RecordBinder} helper with the value's offset, code and position in
 * the format pushed as constants and the target's {@link Io} read from a static final field, so
 * once the JIT inlines the helper its code switch folds away and what is left is the load or
 * store itself, plus the range check the code needs. The helpers are the ones the method-handle
 * trees call, so bytes, values and error messages are the same on every path.
 *
 * <p>Cost: nothing per call; a few bytes of bytecode per value while binding.
 */
final class FieldCode {
    static final String IO = "io/procmux/codec/struct/Io";
    static final String LAYOUT = "io/procmux/codec/struct/Layout";
    private static final String HELPERS = "io/procmux/codec/struct/RecordBinder";
    private static final String PREFIX = "(L" + IO + ";Ljava/lang/Object;I";
    private static final String LAYOUT_ARGS = "L" + LAYOUT + ";II";

    private final String owner;
    private final Layout layout;

    /**
     * @param owner the generated class, which holds the static fields {@code LAYOUT} and the
     *     {@link Io} fields named by the callers
     */
    FieldCode(String owner, Layout layout) {
        this.owner = owner;
        this.layout = layout;
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

    /** Pushes the {@link Io} field, the buffer and {@code at + offset of value j}: the helpers' first arguments. */
    private int target(Code c, String ioField, int buffer, int at, int j) {
        int run = layout.runOfValue(j);
        c.getStatic(owner, ioField, "L" + IO + ";").load('L', buffer).load('I', at);
        int offset = layout.offsetOfValue(run, j);
        if (offset != 0) {
            c.push(offset).op(Code.IADD, -1);
        }
        return run;
    }

    private void context(Code c, int run, int j) {
        c.getStatic(owner, "LAYOUT", "L" + LAYOUT + ";").push(run).push(j);
    }

    /** Pushes value j read from the buffer in local {@code buffer} at the base in local {@code at}, as {@code type}. */
    void read(Code c, String ioField, int buffer, int at, int j, Class<?> type) {
        int run = target(c, ioField, buffer, at, j);
        int op = layout.op[run];
        if (Ops.isInteger(op)) {
            c.push(op);
            if (type == BigInteger.class) {
                c.invokeStatic(HELPERS, "readBig", PREFIX + "I)Ljava/lang/Object;").checkCast("java/math/BigInteger");
                return;
            }
            c.invokeStatic(HELPERS, "readInt", PREFIX + "I)J");
            if (type != long.class) {
                c.op(Code.L2I, -1);
                if (type == short.class) {
                    c.op(Code.I2S, 0);
                } else if (type == byte.class) {
                    c.op(Code.I2B, 0);
                }
            }
            return;
        }
        switch (op) {
            case Ops.BOOL:
                c.invokeStatic(HELPERS, "readBool", PREFIX + ")Z");
                break;
            case Ops.HALF:
                c.invokeStatic(HELPERS, "readHalf", PREFIX + ")D");
                if (type == float.class) {
                    c.op(Code.D2F, -1);
                }
                break;
            case Ops.F32:
            case Ops.F32_NATIVE:
                c.invokeStatic(HELPERS, "readF32", PREFIX + ")F");
                if (type == double.class) {
                    c.op(Code.F2D, 1);
                }
                break;
            case Ops.F64:
                c.invokeStatic(HELPERS, "readF64", PREFIX + ")D");
                break;
            case Ops.CHAR:
                c.invokeStatic(HELPERS, "readChar", PREFIX + ")[B");
                break;
            default:
                c.push(layout.count[run]);
                c.invokeStatic(HELPERS, op == Ops.STR ? "readStr" : "readPascal", PREFIX + "I)[B");
                break;
        }
    }

    /**
     * Writes value j into the buffer in local {@code buffer} at the base in local {@code at};
     * {@code value} pushes it, as {@code type}, when the helper's leading arguments are on the stack.
     */
    void write(Code c, String ioField, int buffer, int at, int j, Class<?> type, Runnable value) {
        int run = target(c, ioField, buffer, at, j);
        int op = layout.op[run];
        value.run();
        if (Ops.isInteger(op)) {
            if (type == BigInteger.class) {
                c.push(op);
                context(c, run, j);
                c.invokeStatic(HELPERS, "writeBig", PREFIX + "Ljava/lang/Object;I" + LAYOUT_ARGS + ")V");
                return;
            }
            if (type != long.class) {
                c.op(Code.I2L, 1);
            }
            c.push(op);
            context(c, run, j);
            c.invokeStatic(HELPERS, "writeInt", PREFIX + "JI" + LAYOUT_ARGS + ")V");
            return;
        }
        if (type == float.class) {
            c.op(Code.F2D, 1);
        }
        switch (op) {
            case Ops.BOOL:
                c.invokeStatic(HELPERS, "writeBool", PREFIX + "Z)V");
                break;
            case Ops.HALF:
                context(c, run, j);
                c.invokeStatic(HELPERS, "writeHalf", PREFIX + "D" + LAYOUT_ARGS + ")V");
                break;
            case Ops.F32:
            case Ops.F32_NATIVE:
                c.push(op == Ops.F32);
                context(c, run, j);
                c.invokeStatic(HELPERS, "writeF32", PREFIX + "DZ" + LAYOUT_ARGS + ")V");
                break;
            case Ops.F64:
                c.invokeStatic(HELPERS, "writeF64", PREFIX + "D)V");
                break;
            default:
                c.push(op);
                context(c, run, j);
                c.invokeStatic(HELPERS, "writeBytes", PREFIX + "Ljava/lang/Object;I" + LAYOUT_ARGS + ")V");
                break;
        }
    }

    /** Zeroes the struct's bytes at the base in local {@code at} (before writing a format with pads). */
    void zero(Code c, String ioField, int buffer, int at) {
        c.getStatic(owner, ioField, "L" + IO + ";").load('L', buffer).load('I', at).push(layout.size);
        c.invokeStatic(HELPERS, "zero", PREFIX + "I)V");
    }

    /** Throws the {@code 0p} error first when the layout has one (such a struct can be packed, not unpacked). */
    void checkUnpackable(Code c) {
        if (layout.zeroPascalPos >= 0) {
            c.getStatic(owner, "LAYOUT", "L" + LAYOUT + ";");
            c.invokeStatic("io/procmux/codec/struct/RecordStruct", "checkUnpackable", "(L" + LAYOUT + ";)V");
        }
    }
}
