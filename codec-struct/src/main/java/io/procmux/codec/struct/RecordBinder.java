package io.procmux.codec.struct;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Builds the method-handle trees that pack a record's components into a struct and unpack a struct
 * into a new record: per field a reader or writer specialised for its code, offset and byte order,
 * composed with the record's accessors and canonical constructor. Values stay primitive all the
 * way, so the trees box nothing.
 *
 * <p>Cost: reflection and method-handle composition once per binding (about a millisecond for a
 * few fields, tens of milliseconds for 32 on a busy 2-core machine); nothing per call.
 */
final class RecordBinder {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Set<Class<?>> INT64 = Set.of(long.class, BigInteger.class);
    private static final Set<Class<?>> INT32 = Set.of(int.class, long.class, BigInteger.class);
    private static final Set<Class<?>> INT16 = Set.of(short.class, int.class, long.class, BigInteger.class);
    private static final Set<Class<?>> INT8 = Set.of(byte.class, short.class, int.class, long.class, BigInteger.class);

    /** The four trees of one binding. */
    record Handles(MethodHandle unpackArray, MethodHandle unpackBuffer, MethodHandle packArray,
            MethodHandle packBuffer) {
    }

    /**
     * What a binding is made of: the component types, one accessor per component of type
     * (Object)T, and the canonical constructor of type (T...)Object.
     */
    record Parts(Class<?>[] types, MethodHandle[] accessors, MethodHandle constructor) {
    }

    private RecordBinder() {
    }

    /** Checks that {@code type} fits the layout and finds its accessors and canonical constructor. */
    static Parts parts(Layout layout, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != layout.valueCount) {
            throw new IllegalArgumentException("record " + type.getSimpleName() + " has " + components.length
                    + " components but format '" + layout.format + "' has " + layout.valueCount + " values");
        }
        Class<?>[] types = new Class<?>[components.length];
        MethodHandle[] accessors = new MethodHandle[components.length];
        for (int j = 0; j < components.length; j++) {
            types[j] = components[j].getType();
            int run = layout.runOfValue(j);
            Set<Class<?>> allowed = allowed(layout.op[run]);
            if (!allowed.contains(types[j])) {
                throw new IllegalArgumentException("record " + type.getSimpleName() + " component " + j + " '"
                        + components[j].getName() + "' is " + types[j].getSimpleName() + " but format code '"
                        + layout.code[run] + "' at offset " + layout.formatPos[run] + " of '" + layout.format
                        + "' needs one of " + allowed.stream().map(Class::getSimpleName).sorted().toList());
            }
            accessors[j] = accessor(components[j].getAccessor(), type);
        }
        return new Parts(types, accessors, constructor(type, types));
    }

    /** The method-handle trees of a binding (the fallback when no class can be generated). */
    static Handles trees(Struct struct, Parts parts) {
        Layout layout = struct.layout;
        Class<?>[] types = parts.types();
        MethodHandle ctor = parts.constructor();
        MethodHandle[] accessors = parts.accessors();
        return new Handles(unpacker(layout, struct.arrayIo, byte[].class, ctor, types),
                unpacker(layout, struct.bufferIo, ByteBuffer.class, ctor, types),
                packer(layout, struct.arrayIo, byte[].class, accessors, types),
                packer(layout, struct.bufferIo, ByteBuffer.class, accessors, types));
    }

    private static Set<Class<?>> allowed(int op) {
        switch (op) {
            case Ops.S8: return INT8;
            case Ops.U8: case Ops.S16: return INT16;
            case Ops.U16: case Ops.S32: return INT32;
            case Ops.U32: case Ops.S64: case Ops.U64: case Ops.PTR: return INT64;
            case Ops.BOOL: return Set.of(boolean.class);
            case Ops.HALF: case Ops.F32: case Ops.F32_NATIVE: return Set.of(float.class, double.class);
            case Ops.F64: return Set.of(double.class);
            default: return Set.of(byte[].class);
        }
    }

    /** (K buf, int base) -> Object, building the record from one reader per component. */
    private static MethodHandle unpacker(Layout layout, Io<?> io, Class<?> kind, MethodHandle ctor, Class<?>[] types) {
        int n = types.length;
        MethodHandle target = MethodHandles.dropArguments(ctor, n, kind, int.class);
        for (int j = n - 1; j >= 0; j--) {
            target = MethodHandles.foldArguments(target, j, reader(layout, io, kind, j, types[j]));
        }
        return target.asType(methodType(Object.class, kind, int.class));
    }

    /** (K buf, int base, Object record) -> void, zeroing pads first when the format has any. */
    private static MethodHandle packer(Layout layout, Io<?> io, Class<?> kind, MethodHandle[] accessors,
            Class<?>[] types) {
        MethodType shape = methodType(void.class, kind, int.class, Object.class);
        MethodHandle acc = MethodHandles.empty(shape);
        for (int j = types.length - 1; j >= 0; j--) {
            MethodHandle w = writer(layout, io, j, types[j]);
            w = MethodHandles.filterArguments(w, 2, accessors[j]);
            acc = MethodHandles.foldArguments(acc, w.asType(shape));
        }
        if (!layout.dense) {
            acc = MethodHandles.foldArguments(acc, zeroing(layout, io).asType(shape));
        }
        return acc;
    }

    /** (Object buf, int base, Object ignored) -> void: zeroes the struct's bytes. */
    static MethodHandle zeroing(Layout layout, Io<?> io) {
        MethodHandle zero = MethodHandles.insertArguments(find("zero", void.class, Io.class, Object.class,
                int.class, int.class), 3, layout.size).bindTo(io);
        return MethodHandles.dropArguments(zero, 2, Object.class);
    }

    /** (K buf, int base) -> T for component j. */
    static MethodHandle reader(Layout layout, Io<?> io, Class<?> kind, int j, Class<?> type) {
        int run = layout.runOfValue(j);
        int op = layout.op[run];
        MethodHandle h;
        if (Ops.isInteger(op)) {
            boolean big = type == BigInteger.class;
            h = find(big ? "readBig" : "readInt", big ? Object.class : long.class, Io.class, Object.class,
                    int.class, int.class);
            h = MethodHandles.insertArguments(h, 3, op);
        } else {
            switch (op) {
                case Ops.BOOL: h = find("readBool", boolean.class, Io.class, Object.class, int.class); break;
                case Ops.HALF: h = find("readHalf", double.class, Io.class, Object.class, int.class); break;
                case Ops.F32: case Ops.F32_NATIVE:
                    h = find("readF32", float.class, Io.class, Object.class, int.class);
                    break;
                case Ops.F64: h = find("readF64", double.class, Io.class, Object.class, int.class); break;
                case Ops.CHAR: h = find("readChar", byte[].class, Io.class, Object.class, int.class); break;
                default:
                    h = find(op == Ops.STR ? "readStr" : "readPascal", byte[].class, Io.class, Object.class,
                            int.class, int.class);
                    h = MethodHandles.insertArguments(h, 3, layout.count[run]);
                    break;
            }
        }
        h = h.bindTo(io);
        h = MethodHandles.filterArguments(h, 1, plus(layout.offsetOfValue(run, j)));
        return MethodHandles.explicitCastArguments(h, methodType(type, kind, int.class));
    }

    /** (Object buf, int base, T value) -> void for component j. */
    static MethodHandle writer(Layout layout, Io<?> io, int j, Class<?> type) {
        int run = layout.runOfValue(j);
        int op = layout.op[run];
        MethodHandle h;
        if (Ops.isInteger(op)) {
            if (type == BigInteger.class || type == Object.class) {
                h = find("writeBig", void.class, Io.class, Object.class, int.class, Object.class, int.class,
                        Layout.class, int.class, int.class);
                h = MethodHandles.insertArguments(h, 4, op, layout, run, j);
            } else {
                h = find("writeInt", void.class, Io.class, Object.class, int.class, long.class, int.class,
                        Layout.class, int.class, int.class);
                h = MethodHandles.insertArguments(h, 4, op, layout, run, j);
            }
        } else {
            switch (op) {
                case Ops.BOOL:
                    h = find("writeBool", void.class, Io.class, Object.class, int.class, boolean.class);
                    break;
                case Ops.HALF:
                    h = find("writeHalf", void.class, Io.class, Object.class, int.class, double.class, Layout.class,
                            int.class, int.class);
                    h = MethodHandles.insertArguments(h, 4, layout, run, j);
                    break;
                case Ops.F32: case Ops.F32_NATIVE:
                    h = find("writeF32", void.class, Io.class, Object.class, int.class, double.class, boolean.class,
                            Layout.class, int.class, int.class);
                    h = MethodHandles.insertArguments(h, 4, op == Ops.F32, layout, run, j);
                    break;
                case Ops.F64:
                    h = find("writeF64", void.class, Io.class, Object.class, int.class, double.class);
                    break;
                default:
                    h = find("writeBytes", void.class, Io.class, Object.class, int.class, Object.class, int.class,
                            Layout.class, int.class, int.class);
                    h = MethodHandles.insertArguments(h, 4, op, layout, run, j);
                    break;
            }
        }
        h = h.bindTo(io);
        h = MethodHandles.filterArguments(h, 1, plus(layout.offsetOfValue(run, j)));
        return MethodHandles.explicitCastArguments(h, methodType(void.class, Object.class, int.class, type));
    }

    private static MethodHandle plus(int offset) {
        return MethodHandles.insertArguments(find("add", int.class, int.class, int.class), 1, offset);
    }

    static MethodHandle find(String name, Class<?> returns, Class<?>... params) {
        return find(RecordBinder.class, name, returns, params);
    }

    static MethodHandle find(Class<?> owner, String name, Class<?> returns, Class<?>... params) {
        try {
            return LOOKUP.findStatic(owner, name, methodType(returns, params));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("missing helper " + name, e);
        }
    }

    private static MethodHandle constructor(Class<?> type, Class<?>[] types) {
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return LOOKUP.unreflectConstructor(c).asType(methodType(Object.class, types));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot call the canonical constructor of " + type.getName()
                    + " (open its package to io.procmux.codec.struct): " + e, e);
        }
    }

    private static MethodHandle accessor(Method method, Class<?> type) {
        try {
            method.setAccessible(true);
            MethodHandle h = LOOKUP.unreflect(method);
            return h.asType(methodType(method.getReturnType(), Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read component " + method.getName() + " of "
                    + type.getName() + " (open its package to io.procmux.codec.struct): " + e, e);
        }
    }

    // ---- helpers the trees call; Io is raw here because the trees erase the buffer type ----

    @SuppressWarnings("unused")
    static int add(int a, int b) {
        return a + b;
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static void zero(Io io, Object b, int at, int length) {
        io.zero(b, at, length);
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static long readInt(Io io, Object b, int at, int op) {
        switch (op) {
            case Ops.S8: return io.get8(b, at);
            case Ops.U8: return io.get8(b, at) & 0xff;
            case Ops.S16: return io.get16(b, at);
            case Ops.U16: return io.get16(b, at) & 0xffff;
            case Ops.S32: return io.get32(b, at);
            case Ops.U32: return io.get32(b, at) & 0xffff_ffffL;
            default: return io.get64(b, at);
        }
    }

    @SuppressWarnings({"unused", "rawtypes"})
    static Object readBig(Io io, Object b, int at, int op) {
        long v = readInt(io, b, at, op);
        if ((op == Ops.U64 || op == Ops.PTR) && v < 0) {
            return BigInteger.valueOf(v & Long.MAX_VALUE).setBit(63);
        }
        return BigInteger.valueOf(v);
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static boolean readBool(Io io, Object b, int at) {
        return io.get8(b, at) != 0;
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static double readHalf(Io io, Object b, int at) {
        return Half.toDouble(io.get16(b, at));
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static float readF32(Io io, Object b, int at) {
        return Float.intBitsToFloat(io.get32(b, at));
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static double readF64(Io io, Object b, int at) {
        return Double.longBitsToDouble(io.get64(b, at));
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static byte[] readChar(Io io, Object b, int at) {
        return new byte[] {io.get8(b, at)};
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static byte[] readStr(Io io, Object b, int at, int n) {
        return io.getBytes(b, at, n);
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static byte[] readPascal(Io io, Object b, int at, int n) {
        return io.getBytes(b, at + 1, Math.min(io.get8(b, at) & 0xff, n - 1));
    }

    @SuppressWarnings({"unused", "rawtypes"})
    static void writeInt(Io io, Object b, int at, long v, int op, Layout layout, int run, int item) {
        if (op != Ops.U64) {
            Values.checkRange(v, op, layout, run, item); // U64 from a long: raw bits, like Long.toUnsignedString
        }
        store(io, b, at, v, op);
    }

    @SuppressWarnings({"unused", "rawtypes"})
    static void writeBig(Io io, Object b, int at, Object v, int op, Layout layout, int run, int item) {
        store(io, b, at, Values.integer(v, op, layout, run, item), op);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void store(Io io, Object b, int at, long v, int op) {
        switch (op) {
            case Ops.S8: case Ops.U8: io.put8(b, at, (int) v); break;
            case Ops.S16: case Ops.U16: io.put16(b, at, (short) v); break;
            case Ops.S32: case Ops.U32: io.put32(b, at, (int) v); break;
            default: io.put64(b, at, v); break;
        }
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static void writeBool(Io io, Object b, int at, boolean v) {
        io.put8(b, at, v ? 1 : 0);
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static void writeHalf(Io io, Object b, int at, double v, Layout layout, int run, int item) {
        io.put16(b, at, Values.toHalf(v, layout, run, item));
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static void writeF32(Io io, Object b, int at, double v, boolean strict, Layout layout, int run,
            int item) {
        io.put32(b, at, Float.floatToRawIntBits(Values.toFloat(v, strict, layout, run, item)));
    }

    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static void writeF64(Io io, Object b, int at, double v) {
        io.put64(b, at, Double.doubleToRawLongBits(v));
    }

    @SuppressWarnings({"unused", "rawtypes"})
    static void writeBytes(Io io, Object b, int at, Object v, int op, Layout layout, int run, int item) {
        if (op == Ops.CHAR) {
            writeChar(io, b, at, v, layout, run, item);
        } else if (op == Ops.STR) {
            writeString(io, b, at, v, layout, run, item);
        } else {
            writePascal(io, b, at, v, layout, run, item);
        }
    }

    // One helper per code for the generated classes (FieldCode). Those of c and s stay under the JIT's
    // size for inlining a call whatever its profile says (35 bytecodes): a generated accessor compiled
    // from a thin profile (C1's limited tier) still inlines them, where it left the 99-byte writeBytes
    // a call. p's, rarer, is 46 bytes and is inlined where its call site is hot.

    /** Writes {@code c}: a byte[] of length 1. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void writeChar(Io io, Object b, int at, Object v, Layout layout, int run, int item) {
        io.put8(b, at, Values.character(v, layout, run, item));
    }

    /** Writes {@code s}: padded with zeros or truncated to the count. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void writeString(Io io, Object b, int at, Object v, Layout layout, int run, int item) {
        Packer.putString(io, b, at, layout.count[run], Values.bytes(v, layout, run, item));
    }

    /** Writes {@code p}: a length byte, then the data. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void writePascal(Io io, Object b, int at, Object v, Layout layout, int run, int item) {
        Packer.putPascal(io, b, at, layout.count[run], Values.bytes(v, layout, run, item),
                layout.offset[run] < layout.size);
    }
}
