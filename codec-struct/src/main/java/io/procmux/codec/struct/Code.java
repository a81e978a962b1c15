package io.procmux.codec.struct;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The straight-line bytecode of one method written by {@link ClassWriter}: loads, constants,
 * field accesses, calls, conversions and returns, with the operand stack depth tracked so that
 * {@code max_stack} is exact. There is deliberately no jump instruction.
 *
 * <p>Cost: one growing byte buffer per method, while binding only.
 */
final class Code {
    static final int IADD = 0x60;
    static final int I2L = 0x85;
    static final int L2I = 0x88;
    static final int F2D = 0x8d;
    static final int D2F = 0x90;
    static final int I2B = 0x91;
    static final int I2S = 0x93;
    static final int DUP = 0x59;
    static final int POP = 0x57;
    static final int ARRAYLENGTH = 0xbe;
    static final int BALOAD = 0x33;
    static final int BASTORE = 0x54;
    static final int AALOAD = 0x32;
    static final int AASTORE = 0x53;
    static final int IAND = 0x7e;

    private final ClassWriter owner;
    private final int access;
    private final int nameIndex;
    private final int descriptorIndex;
    private final int maxLocals;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int depth;
    private int maxDepth;

    Code(ClassWriter owner, int access, int nameIndex, int descriptorIndex, int maxLocals) {
        this.owner = owner;
        this.access = access;
        this.nameIndex = nameIndex;
        this.descriptorIndex = descriptorIndex;
        this.maxLocals = maxLocals;
    }

    /** {@code aload}, {@code iload}, {@code lload}, {@code fload} or {@code dload} by the local's type letter. */
    Code load(char type, int slot) {
        int op;
        switch (type) {
            case 'I': case 'Z': case 'B': case 'S': case 'C': op = 0x15; break;
            case 'J': op = 0x16; break;
            case 'F': op = 0x17; break;
            case 'D': op = 0x18; break;
            default: op = 0x19; break;
        }
        return wide(op, slot, slots(type));
    }

    /** {@code istore} or {@code astore}. */
    Code store(char type, int slot) {
        return wide(type == 'I' ? 0x36 : 0x3a, slot, -slots(type));
    }

    /** Pushes an int constant with the shortest instruction. */
    Code push(int v) {
        if (v >= -1 && v <= 5) {
            return op(0x03 + v, 1);
        }
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            emit(0x10, 1);
            bytes.write(v);
            return this;
        }
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            emit(0x11, 1);
            u2(v);
            return this;
        }
        return ldc(owner.integer(v));
    }

    /** Pushes a boolean constant. */
    Code push(boolean v) {
        return push(v ? 1 : 0);
    }

    /** Pushes a String constant. */
    Code pushString(String s) {
        return ldc(owner.string(s));
    }

    /** Pushes a Class constant. */
    Code pushClass(String internalName) {
        return ldc(owner.classRef(internalName));
    }

    /** An instruction without operands that changes the stack depth by {@code delta} slots. */
    Code op(int opcode, int delta) {
        emit(opcode, delta);
        return this;
    }

    Code getStatic(String className, String field, String descriptor) {
        emit(0xb2, slots(descriptor.charAt(0)));
        u2(owner.member(9, className, field, descriptor));
        return this;
    }

    Code putStatic(String className, String field, String descriptor) {
        emit(0xb3, -slots(descriptor.charAt(0)));
        u2(owner.member(9, className, field, descriptor));
        return this;
    }

    Code invokeStatic(String className, String method, String descriptor) {
        return invoke(0xb8, className, method, descriptor, 0);
    }

    Code invokeVirtual(String className, String method, String descriptor) {
        return invoke(0xb6, className, method, descriptor, 1);
    }

    Code invokeSpecial(String className, String method, String descriptor) {
        return invoke(0xb7, className, method, descriptor, 1);
    }

    Code checkCast(String internalName) {
        emit(0xc0, 0);
        u2(owner.classRef(internalName));
        return this;
    }

    /** {@code newarray byte}: replaces a length with a new byte[]. */
    Code newByteArray() {
        emit(0xbc, 0);
        bytes.write(8);
        return this;
    }

    /** {@code anewarray java/lang/Object}: replaces a length with a new Object[]. */
    Code newObjectArray() {
        emit(0xbd, 0);
        u2(owner.classRef("java/lang/Object"));
        return this;
    }

    /** Returns the value on the stack, by its type letter ({@code V} for none). */
    void returns(char type) {
        int op;
        switch (type) {
            case 'V': op = 0xb1; break;
            case 'I': case 'Z': case 'B': case 'S': case 'C': op = 0xac; break;
            case 'J': op = 0xad; break;
            case 'F': op = 0xae; break;
            case 'D': op = 0xaf; break;
            default: op = 0xb0; break;
        }
        emit(op, -slots(type));
    }

    /** Stack slots a value of this descriptor letter takes. */
    static int slots(char type) {
        return type == 'V' ? 0 : type == 'J' || type == 'D' ? 2 : 1;
    }

    /** Stack slots of a method descriptor's parameters. */
    static int argumentSlots(String descriptor) {
        int n = 0;
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            char c = descriptor.charAt(i);
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
            }
            i++;
            n += start == i - 1 ? slots(c) : 1;
        }
        return n;
    }

    private Code invoke(int opcode, String className, String method, String descriptor, int receiver) {
        char ret = descriptor.charAt(descriptor.indexOf(')') + 1);
        emit(opcode, slots(ret) - argumentSlots(descriptor) - receiver);
        u2(owner.member(10, className, method, descriptor));
        return this;
    }

    private Code ldc(int index) {
        emit(0x13, 1);
        u2(index);
        return this;
    }

    private Code wide(int opcode, int slot, int delta) {
        if (slot > 255) {
            emit(0xc4, 0);
            bytes.write(opcode);
            u2(slot);
            depth += delta;
            maxDepth = Math.max(maxDepth, depth);
            return this;
        }
        emit(opcode, delta);
        bytes.write(slot);
        return this;
    }

    private void emit(int opcode, int delta) {
        bytes.write(opcode);
        depth += delta;
        if (depth < 0) {
            throw new IllegalStateException("operand stack underflow in generated code");
        }
        maxDepth = Math.max(maxDepth, depth);
    }

    private void u2(int v) {
        bytes.write(v >>> 8);
        bytes.write(v);
    }

    void writeTo(DataOutputStream out, int codeName) throws IOException {
        byte[] code = bytes.toByteArray();
        out.writeShort(access);
        out.writeShort(nameIndex);
        out.writeShort(descriptorIndex);
        out.writeShort(1);
        out.writeShort(codeName);
        out.writeInt(12 + code.length);
        out.writeShort(maxDepth);
        out.writeShort(maxLocals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0);
        out.writeShort(0);
    }
}
