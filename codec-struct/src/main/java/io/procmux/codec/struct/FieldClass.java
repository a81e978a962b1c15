package io.procmux.codec.struct;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@link StructField} accessors: per field a hidden final class whose four methods (get
 * and put, on a byte array and on a ByteBuffer) are each one call of the field's helper with its
 * offset and code as constants (see {@link FieldCode}); where the JVM refuses hidden classes, a
 * plain class that calls {@link StructFields}.
 *
 * <p>Cost: one class file of a few hundred bytes and one hidden class definition per accessor;
 * nothing per call.
 */
final class FieldClass {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final String PACKAGE = "io/procmux/codec/struct/";

    /** The four accessor kinds: the Java type of their values and the codes they accept. */
    enum Kind {
        LONG(long.class, "OfLong"),
        DOUBLE(double.class, "OfDouble"),
        BOOLEAN(boolean.class, "OfBoolean"),
        BYTES(byte[].class, "OfBytes");

        final Class<?> type;
        final String className;
        final String factory;

        Kind(Class<?> type, String simpleName) {
            this.type = type;
            this.className = "StructField$" + simpleName;
            this.factory = name().toLowerCase(java.util.Locale.ROOT) + "Field";
        }

        static Kind of(int op) {
            if (Ops.isInteger(op)) {
                return LONG;
            }
            if (Ops.isFloat(op)) {
                return DOUBLE;
            }
            return op == Ops.BOOL ? BOOLEAN : BYTES;
        }
    }

    private FieldClass() {
    }

    /** The accessor of field {@code index}, which must be of {@code kind}. */
    static StructField make(Struct struct, int index, Kind kind, boolean generate) {
        Layout layout = struct.layout;
        Objects.checkIndex(index, layout.valueCount);
        int run = layout.runOfValue(index);
        Kind actual = Kind.of(layout.op[run]);
        if (actual != kind) {
            throw new StructException("field " + index + " is '" + layout.code[run] + "' at format offset "
                    + layout.formatPos[run] + " of '" + layout.format + "'; use " + actual.factory + "(" + index
                    + ")");
        }
        StructField made = generate ? define(struct, index, kind) : null;
        return made != null ? made : fallback(struct.fields(), layout, index, kind);
    }

    private static @Nullable StructField define(Struct struct, int index, Kind kind) {
        String name = PACKAGE + kind.className + "$Generated";
        ClassWriter cw = new ClassWriter(name);
        RecordClass.classData(cw, FieldCode.statics());
        String superName = PACKAGE + kind.className;
        String init = "(L" + FieldCode.LAYOUT + ";I)V";
        cw.method(0, "<init>", init, 3).load('L', 0).load('L', 1).load('I', 2).invokeSpecial(superName, "<init>", init)
                .returns('V');
        Layout layout = struct.layout;
        FieldCode fields = new FieldCode(name, layout);
        String d = FieldCode.descriptor(kind.type);
        char letter = d.charAt(0);
        boolean zeroPascal = layout.op[layout.runOfValue(index)] == Ops.PSTR
                && layout.count[layout.runOfValue(index)] == 0;
        for (boolean array : new boolean[] {true, false}) {
            FieldCode.Target t = new FieldCode.Target(array, 1, 2);
            Code get = cw.method(ClassWriter.PUBLIC, "get", "(" + t.type() + "I)" + d, 3);
            if (zeroPascal) {
                fields.throwZeroPascal(get);
            }
            fields.read(get, t, index, kind.type);
            get.returns(letter);
            Code put = cw.method(ClassWriter.PUBLIC, "put", "(" + t.type() + "I" + d + ")V", 3 + Code.slots(letter));
            fields.write(put, t, index, kind.type, () -> put.load(letter, 3));
            put.returns('V');
        }
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(cw.toBytes(superName),
                    FieldCode.data(struct), true);
            return (StructField) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class, Layout.class, int.class)).invoke(layout, index);
        } catch (LinkageError | SecurityException | UnsupportedOperationException e) {
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("generated accessor of field " + index + " of '" + layout.format
                    + "' failed: " + e, e);
        }
    }

    private static StructField fallback(StructFields f, Layout layout, int index, Kind kind) {
        switch (kind) {
            case LONG: return new SlowLong(f, layout, index);
            case DOUBLE: return new SlowDouble(f, layout, index);
            case BOOLEAN: return new SlowBoolean(f, layout, index);
            default: return new SlowBytes(f, layout, index);
        }
    }

    /** The fallback accessors: calls of {@link StructFields} with the field's index. */
    private static final class SlowLong extends StructField.OfLong {
        private final StructFields f;

        SlowLong(StructFields f, Layout layout, int index) {
            super(layout, index);
            this.f = f;
        }

        @Override public long get(byte[] data, int base) { return f.getLong(data, base, index()); }
        @Override public long get(ByteBuffer data, int base) { return f.getLong(data, base, index()); }
        @Override public void put(byte[] data, int base, long value) { f.putLong(data, base, index(), value); }
        @Override public void put(ByteBuffer data, int base, long value) { f.putLong(data, base, index(), value); }
    }

    private static final class SlowDouble extends StructField.OfDouble {
        private final StructFields f;

        SlowDouble(StructFields f, Layout layout, int index) {
            super(layout, index);
            this.f = f;
        }

        @Override public double get(byte[] data, int base) { return f.getDouble(data, base, index()); }
        @Override public double get(ByteBuffer data, int base) { return f.getDouble(data, base, index()); }
        @Override public void put(byte[] data, int base, double value) { f.putDouble(data, base, index(), value); }
        @Override public void put(ByteBuffer data, int base, double value) { f.putDouble(data, base, index(), value); }
    }

    private static final class SlowBoolean extends StructField.OfBoolean {
        private final StructFields f;

        SlowBoolean(StructFields f, Layout layout, int index) {
            super(layout, index);
            this.f = f;
        }

        @Override public boolean get(byte[] data, int base) { return f.getBoolean(data, base, index()); }
        @Override public boolean get(ByteBuffer data, int base) { return f.getBoolean(data, base, index()); }
        @Override public void put(byte[] data, int base, boolean value) { f.putBoolean(data, base, index(), value); }
        @Override public void put(ByteBuffer data, int base, boolean value) { f.putBoolean(data, base, index(), value); }
    }

    private static final class SlowBytes extends StructField.OfBytes {
        private final StructFields f;

        SlowBytes(StructFields f, Layout layout, int index) {
            super(layout, index);
            this.f = f;
        }

        @Override public byte[] get(byte[] data, int base) { return f.getBytes(data, base, index()); }
        @Override public byte[] get(ByteBuffer data, int base) { return f.getBytes(data, base, index()); }
        @Override public void put(byte[] data, int base, byte[] value) { f.putBytes(data, base, index(), value); }
        @Override public void put(ByteBuffer data, int base, byte[] value) { f.putBytes(data, base, index(), value); }
    }
}
