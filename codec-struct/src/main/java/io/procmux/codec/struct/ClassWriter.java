package io.procmux.codec.struct;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class files of the classes this package generates ({@link RecordClass},
 * {@link FieldClass}): a constant pool, static fields, and methods whose code is straight-line
 * (no branches and no exception handlers), so no stack map frames are needed and the verifier
 * checks every method as it is. Branches live in the static helpers the code calls.
 *
 * <p>Cost: a few small buffers per class; used only while binding, never per call.
 */
final class ClassWriter {
    static final int PUBLIC = 0x0001;
    static final int PRIVATE = 0x0002;
    static final int STATIC = 0x0008;
    static final int FINAL = 0x0010;
    private static final int SUPER = 0x0020;
    private static final int JAVA_17 = 61;

    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream poolOut = new DataOutputStream(pool);
    private final Map<String, Integer> entries = new HashMap<>();
    private int poolCount = 1;
    private final List<int[]> fields = new ArrayList<>();
    private final List<Code> methods = new ArrayList<>();
    private final String name;

    /** A class named {@code name} (internal form, in this package) being written. */
    ClassWriter(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Declares a field. */
    void field(int access, String fieldName, String descriptor) {
        fields.add(new int[] {access, utf8(fieldName), utf8(descriptor)});
    }

    /** Starts a method; its code is written through the returned {@link Code}. */
    Code method(int access, String methodName, String descriptor, int maxLocals) {
        Code code = new Code(this, access, utf8(methodName), utf8(descriptor), maxLocals);
        methods.add(code);
        return code;
    }

    /** The class file of a final class extending {@code superName}. */
    byte[] toBytes(String superName) {
        int thisIndex = classRef(name);
        int superIndex = classRef(superName);
        int codeName = utf8("Code");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(JAVA_17);
            out.writeShort(poolCount);
            pool.writeTo(out);
            out.writeShort(FINAL | SUPER);
            out.writeShort(thisIndex);
            out.writeShort(superIndex);
            out.writeShort(0);
            out.writeShort(fields.size());
            for (int[] f : fields) {
                out.writeShort(f[0]);
                out.writeShort(f[1]);
                out.writeShort(f[2]);
                out.writeShort(0);
            }
            out.writeShort(methods.size());
            for (Code m : methods) {
                m.writeTo(out, codeName);
            }
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    int utf8(String s) {
        return entry("U" + s, out -> {
            out.writeByte(1);
            out.writeUTF(s);
        });
    }

    int classRef(String internalName) {
        int utf = utf8(internalName);
        return entry("C" + internalName, out -> {
            out.writeByte(7);
            out.writeShort(utf);
        });
    }

    int string(String s) {
        int utf = utf8(s);
        return entry("S" + s, out -> {
            out.writeByte(8);
            out.writeShort(utf);
        });
    }

    int integer(int v) {
        return entry("I" + v, out -> {
            out.writeByte(3);
            out.writeInt(v);
        });
    }

    int member(int tag, String owner, String memberName, String descriptor) {
        int cls = classRef(owner);
        int utfName = utf8(memberName);
        int utfType = utf8(descriptor);
        int nameAndType = entry("N" + memberName + ' ' + descriptor, out -> {
            out.writeByte(12);
            out.writeShort(utfName);
            out.writeShort(utfType);
        });
        return entry(tag + owner + '.' + memberName + descriptor, out -> {
            out.writeByte(tag);
            out.writeShort(cls);
            out.writeShort(nameAndType);
        });
    }

    private interface Entry {
        void write(DataOutputStream out) throws IOException;
    }

    private int entry(String key, Entry writer) {
        Integer known = entries.get(key);
        if (known != null) {
            return known;
        }
        try {
            writer.write(poolOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (poolCount >= 0xffff) {
            throw new IllegalStateException("constant pool of " + name + " is full");
        }
        entries.put(key, poolCount);
        return poolCount++;
    }
}
