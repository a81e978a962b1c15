package io.procmux.codec.struct;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Generates, per record binding, a hidden final subclass of {@link RecordStruct} whose pack and
 * unpack methods are one straight-line body each: one offset check for the whole struct, then
 * per component its accessor, conversion and store at a constant offset (or per component its
 * load, then the canonical constructor once). The accessors and the constructor are method
 * handles held in the class's static final fields (class data), so the JIT inlines them like
 * direct calls; the generated code names only this package's and java.base's types, so it links
 * whatever class loader the record comes from.
 *
 * <p>Cost: one class file of a few hundred bytes per binding and one hidden class definition
 * (tens to hundreds of microseconds); nothing per call.
 */
final class RecordClass {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final String NAME = "io/procmux/codec/struct/RecordStruct$Generated";
    private static final String SUPER = "io/procmux/codec/struct/RecordStruct";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String MH = "java/lang/invoke/MethodHandle";

    private RecordClass() {
    }

    /**
     * The generated binding, or null when this JVM refuses to define the class (a security
     * manager or an agent); the caller then uses the method-handle trees.
     */
    static <R extends Record> @Nullable RecordStruct<R> define(Struct struct, Class<R> type,
            RecordBinder.Parts parts) {
        byte[] bytes = write(struct.layout, parts);
        List<Object> data = new ArrayList<>(FieldCode.data(struct));
        data.add(type);
        data.add(parts.constructor());
        data.addAll(List.of(parts.accessors()));
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes, List.copyOf(data), true);
            MethodHandle ctor = hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class, Struct.class, Class.class));
            @SuppressWarnings("unchecked")
            RecordStruct<R> made = (RecordStruct<R>) ctor.invoke(struct, type);
            return made;
        } catch (LinkageError | SecurityException | UnsupportedOperationException e) {
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("generated binding of " + type.getName() + " to '"
                    + struct.layout.format + "' failed: " + e, e);
        }
    }

    static byte[] write(Layout layout, RecordBinder.Parts parts) {
        ClassWriter cw = new ClassWriter(NAME);
        FieldCode fields = new FieldCode(NAME, layout);
        Class<?>[] types = parts.types();
        int n = types.length;
        String[] common = FieldCode.statics();
        String[] statics = Arrays.copyOf(common, common.length + 2 + n);
        statics[common.length] = "TYPE:Ljava/lang/Class;";
        statics[common.length + 1] = "CTOR:L" + MH + ";";
        for (int j = 0; j < n; j++) {
            statics[common.length + 2 + j] = "R" + j + ":L" + MH + ";";
        }
        classData(cw, statics);

        Code init = cw.method(0, "<init>", "(Lio/procmux/codec/struct/Struct;Ljava/lang/Class;)V", 3);
        init.load('L', 0).load('L', 1).load('L', 2)
                .invokeSpecial(SUPER, "<init>", "(Lio/procmux/codec/struct/Struct;Ljava/lang/Class;)V").returns('V');

        // packInto0(byte[] b, int offset, Object r): at = packAt(b, offset, SIZE); write(b, at, r)
        Code c = cw.method(0, "packInto0", "([BI" + OBJECT + ")V", 5);
        c.load('L', 1).load('I', 2).push(layout.size).invokeStatic(SUPER, "packAt", "([BII)I").store('I', 4);
        c.load('L', 0).load('L', 1).load('I', 4).load('L', 3).invokeVirtual(SUPER, "write", "([BI" + OBJECT + ")V")
                .returns('V');
        // unpack0(byte[] b): checkLength(b, SIZE, LAYOUT); return read(b, 0)
        c = cw.method(0, "unpack0", "([B)" + OBJECT, 2);
        c.load('L', 1).push(layout.size).getStatic(NAME, "LAYOUT", "L" + FieldCode.LAYOUT + ";")
                .invokeStatic(SUPER, "checkLength", "([BIL" + FieldCode.LAYOUT + ";)V");
        c.load('L', 0).load('L', 1).push(0).invokeVirtual(SUPER, "read", "([BI)" + OBJECT).returns('L');
        // unpackFrom0(byte[] b, int offset): return read(b, unpackAt(b, offset, SIZE))
        c = cw.method(0, "unpackFrom0", "([BI)" + OBJECT, 3);
        c.load('L', 0).load('L', 1).load('L', 1).load('I', 2).push(layout.size)
                .invokeStatic(SUPER, "unpackAt", "([BII)I").invokeVirtual(SUPER, "read", "([BI)" + OBJECT).returns('L');

        // stride(): SIZE, a constant the JIT can use as an iterator's step
        cw.method(0, "stride", "()I", 1).push(layout.size).returns('I');

        for (boolean array : new boolean[] {true, false}) {
            FieldCode.Target t = new FieldCode.Target(array, 1, 2);
            Code w = cw.method(0, "write", "(" + t.type() + "I" + OBJECT + ")V", 4);
            // one type check for the record; the JIT then knows its class in every accessor
            w.getStatic(NAME, "TYPE", "Ljava/lang/Class;").load('L', 3)
                    .invokeVirtual("java/lang/Class", "cast", "(" + OBJECT + ")" + OBJECT).store('L', 3);
            if (!layout.dense) {
                fields.zero(w, t);
            }
            for (int j = 0; j < n; j++) {
                int field = j;
                String d = FieldCode.descriptor(types[j]);
                fields.write(w, t, j, types[j], () -> w.getStatic(NAME, "R" + field, "L" + MH + ";")
                        .load('L', 3).invokeVirtual(MH, "invokeExact", "(" + OBJECT + ")" + d));
            }
            w.returns('V');

            Code r = cw.method(0, "read", "(" + t.type() + "I)" + OBJECT, 3);
            if (layout.zeroPascalPos >= 0) {
                fields.throwZeroPascal(r);
            }
            r.getStatic(NAME, "CTOR", "L" + MH + ";");
            StringBuilder ctor = new StringBuilder("(");
            for (int j = 0; j < n; j++) {
                fields.read(r, t, j, types[j]);
                ctor.append(FieldCode.descriptor(types[j]));
            }
            r.invokeVirtual(MH, "invokeExact", ctor.append(")").append(OBJECT).toString()).returns('L');
        }
        return cw.toBytes(SUPER);
    }

    /**
     * Declares private static final fields ({@code name:descriptor}) and a static initialiser
     * that fills field k from element k of the class data.
     */
    static void classData(ClassWriter cw, String[] statics) {
        Code clinit = cw.method(ClassWriter.STATIC, "<clinit>", "()V", 0);
        for (int k = 0; k < statics.length; k++) {
            String field = statics[k].substring(0, statics[k].indexOf(':'));
            String descriptor = statics[k].substring(field.length() + 1);
            cw.field(ClassWriter.PRIVATE | ClassWriter.STATIC | ClassWriter.FINAL, field, descriptor);
            clinit.invokeStatic("java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;")
                    .pushString("_").pushClass("java/lang/Object").push(k)
                    .invokeStatic("java/lang/invoke/MethodHandles", "classDataAt",
                            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)" + OBJECT)
                    .checkCast(descriptor.substring(1, descriptor.length() - 1))
                    .putStatic(cw.name(), field, descriptor);
        }
        clinit.returns('V');
    }
}
