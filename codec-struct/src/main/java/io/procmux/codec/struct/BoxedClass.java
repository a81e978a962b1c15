package io.procmux.codec.struct;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * Generates, per layout, the boxed API's specialised pack and unpack (see {@link BoxedPath}): a
 * hidden final subclass of {@link Bound} whose methods are one straight-line body each, written
 * with {@link FieldCode} like the record bindings of {@link RecordClass}. Packing takes element j
 * of the Object[] and converts it with the same {@link Values} helpers as {@link Packer} (so
 * values, range checks and messages are CPython's); unpacking reads each value at its constant
 * offset and boxes it as {@link Unpacker} does (Long, or BigInteger for an unsigned 64-bit value
 * from 2^63; Double; Boolean; byte[]).
 *
 * <p>Cost: one class file of 20 to 45 bytes of bytecode per value and one hidden class definition
 * (well under a millisecond of CPU for 32 values, against the tens of milliseconds of composing
 * method-handle trees, and a method the JIT compiles quickly); nothing per call.
 */
final class BoxedClass {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final String NAME = "io/procmux/codec/struct/Bound$Boxed";
    private static final String SUPER = "io/procmux/codec/struct/Bound";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String VALUES = "io/procmux/codec/struct/Values";
    private static final String SELF = "io/procmux/codec/struct/BoxedClass";
    private static final String CONTEXT = "L" + FieldCode.LAYOUT + ";II";

    private BoxedClass() {
    }

    /** The generated pack and unpack of {@code struct}'s layout, or null when this JVM refuses to define the class. */
    static @Nullable Bound define(Struct struct) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(write(struct.layout),
                    FieldCode.data(struct), true);
            return (Bound) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (LinkageError | SecurityException | UnsupportedOperationException e) {
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("generated boxed code of '" + struct.layout.format + "' failed: " + e, e);
        }
    }

    static byte[] write(Layout layout) {
        ClassWriter cw = new ClassWriter(NAME);
        RecordClass.classData(cw, FieldCode.statics());
        FieldCode fields = new FieldCode(NAME, layout);
        cw.method(0, "<init>", "()V", 1).load('L', 0).invokeSpecial(SUPER, "<init>", "()V").returns('V');
        // stride(size): SIZE, a constant an iterator's loop can step by (see Bound.stride)
        cw.method(0, "stride", "(I)I", 2).push(layout.size).returns('I');
        int n = layout.valueCount;
        for (boolean array : new boolean[] {true, false}) {
            FieldCode.Target t = new FieldCode.Target(array, 1, 2);
            String kind = array ? "Array" : "Buffer";

            // unpack(buf, at): Object[] out = new Object[n]; out[j] = box(value j) ...; return out
            Code u = cw.method(0, "unpack" + kind, "(" + t.type() + "I)" + OBJECT, 4);
            u.push(n).newObjectArray().store('L', 3);
            for (int j = 0; j < n; j++) {
                u.load('L', 3).push(j);
                read(fields, u, t, layout, j);
                u.op(Code.AASTORE, -3);
            }
            u.load('L', 3).returns('L');

            // pack(buf, at, Object values): zero pads if any, then value j converted and stored ...
            Code p = cw.method(0, "pack" + kind, "(" + t.type() + "I" + OBJECT + ")V", 4);
            p.load('L', 3).checkCast("[Ljava/lang/Object;").store('L', 3);
            if (!layout.dense) {
                fields.zero(p, t);
            }
            for (int j = 0; j < n; j++) {
                write(fields, p, t, layout, j);
            }
            p.returns('V');
        }
        return cw.toBytes(SUPER);
    }

    /** Pushes value j at {@code t}, boxed as {@link Unpacker} boxes it. */
    private static void read(FieldCode fields, Code c, FieldCode.Target t, Layout layout, int j) {
        int op = layout.op[layout.runOfValue(j)];
        if (Ops.isInteger(op)) {
            fields.read(c, t, j, long.class);
            if (op == Ops.U64 || op == Ops.PTR) {
                c.invokeStatic(VALUES, "unsigned64", "(J)" + OBJECT);
            } else {
                c.invokeStatic("java/lang/Long", "valueOf", "(J)Ljava/lang/Long;");
            }
        } else if (Ops.isFloat(op)) {
            fields.read(c, t, j, double.class);
            c.invokeStatic("java/lang/Double", "valueOf", "(D)Ljava/lang/Double;");
        } else if (op == Ops.BOOL) {
            fields.read(c, t, j, boolean.class);
            c.invokeStatic("java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;");
        } else {
            fields.read(c, t, j, byte[].class);
        }
    }

    /** Converts element j of the Object[] in local 3 as {@link Packer} does and stores it at {@code t}. */
    private static void write(FieldCode fields, Code c, FieldCode.Target t, Layout layout, int j) {
        int run = layout.runOfValue(j);
        int op = layout.op[run];
        Runnable element = () -> c.load('L', 3).push(j).op(Code.AALOAD, -1);
        Runnable context = () -> c.getStatic(NAME, "LAYOUT", "L" + FieldCode.LAYOUT + ";").push(run).push(j);
        if (Ops.isInteger(op)) {
            // a long; FieldCode adds the narrower codes' range checks
            fields.write(c, t, j, long.class, () -> {
                element.run();
                c.push(op);
                context.run();
                c.invokeStatic(SELF, op == Ops.U64 ? "unsigned64" : "integer", "(" + OBJECT + "I" + CONTEXT + ")J");
            });
        } else if (Ops.isFloat(op)) {
            fields.write(c, t, j, double.class, () -> {
                element.run();
                context.run();
                c.invokeStatic(SELF, "floating", "(" + OBJECT + CONTEXT + ")D");
            });
        } else if (op == Ops.BOOL) {
            fields.write(c, t, j, boolean.class, () -> {
                element.run();
                c.invokeStatic(SELF, "truth", "(" + OBJECT + ")Z");
            });
        } else {
            fields.write(c, t, j, byte[].class, element); // c, s, p: RecordBinder.writeBytes checks the type
        }
    }

    // ---- what the generated pack calls per value: the common boxes inline in a few bytecodes, the
    // rest (and every error) go to the Values helpers the loops use. The JIT stops inlining into a
    // method after 8,000 bytes of callees, which the full Values helpers reach within 20 values. ----

    /**
     * An integer code's bits: a Long or Integer as is (the caller range-checks narrower codes);
     * anything else through {@link Values#integer}, which range-checks.
     */
    static long integer(@Nullable Object v, int op, Layout layout, int run, int item) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Integer) {
            return (Integer) v;
        }
        return Values.integer(v, op, layout, run, item);
    }

    /** {@code Q} (and native {@code L}, {@code N}): a Long or Integer from 0 up as is, the rest through {@link Values#integer}. */
    static long unsigned64(@Nullable Object v, int op, Layout layout, int run, int item) {
        if (v instanceof Long && (Long) v >= 0) {
            return (Long) v;
        }
        if (v instanceof Integer && (Integer) v >= 0) {
            return (Integer) v;
        }
        return Values.integer(v, op, layout, run, item);
    }

    /** e, f and d: a Double as is, the rest through {@link Values#floating}. */
    static double floating(@Nullable Object v, Layout layout, int run, int item) {
        return v instanceof Double ? (Double) v : Values.floating(v, layout, run, item);
    }

    /** {@code ?}: a Boolean as is, the rest by {@link Values#truth}. */
    static boolean truth(@Nullable Object v) {
        return v instanceof Boolean ? (Boolean) v : Values.truth(v);
    }
}
