package io.procmux.codec.struct;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Builds the method-handle trees of the boxed API on byte arrays for one layout: pack from an
 * Object[] and unpack to a new Object[], one converter per value specialised for its code and
 * offset, calling the same {@link Values} conversions as {@link Packer} and the same readers as
 * {@link Unpacker}, so bytes, values and errors are theirs. Only the byte-array trees are built
 * (ByteBuffer calls keep the loops), since composing a tree is the expensive part.
 *
 * <p>Cost: composition once per layout, proportional to its value count (the JDK spins a class per
 * new method-handle shape: milliseconds for a few values, tens of milliseconds for 32 on a busy
 * 2-core machine); nothing per call.
 */
final class BoxedBinder {
    /** Layouts with more values than this keep the loops: a tree per value would not pay. */
    static final int MAX_VALUES = 64;

    private static final MethodHandle ELEMENT = MethodHandles.arrayElementGetter(Object[].class);

    private BoxedBinder() {
    }

    /** The trees for {@code struct}'s layout in a hidden class; null when none can be defined here. */
    static @Nullable Bound bind(Struct struct) {
        Layout layout = struct.layout;
        return Bound.spun(unpacker(layout, struct.arrayIo, byte[].class),
                unbuilt(methodType(Object.class, ByteBuffer.class, int.class)),
                packer(layout, struct.arrayIo, byte[].class),
                unbuilt(methodType(void.class, ByteBuffer.class, int.class, Object.class)));
    }

    /** A tree that was not built: throws if ever called ({@link Struct} calls only the array trees). */
    private static MethodHandle unbuilt(MethodType type) {
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), UnsupportedOperationException.class);
        thrower = MethodHandles.foldArguments(thrower, MethodHandles.constant(UnsupportedOperationException.class,
                new UnsupportedOperationException("boxed ByteBuffer calls use the loops, not a tree")));
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }

    /** (K buf, int base) -> Object[] of boxed values. */
    private static MethodHandle unpacker(Layout layout, Io<?> io, Class<?> kind) {
        int n = layout.valueCount;
        MethodHandle target = MethodHandles.identity(Object[].class).asCollector(Object[].class, n);
        target = MethodHandles.dropArguments(target, n, kind, int.class);
        for (int j = n - 1; j >= 0; j--) {
            target = MethodHandles.foldArguments(target, j, boxedReader(layout, io, kind, j));
        }
        return target.asType(methodType(Object.class, kind, int.class));
    }

    /** (K buf, int base) -> Object: the boxed value j, as {@link Unpacker} boxes it. */
    private static MethodHandle boxedReader(Layout layout, Io<?> io, Class<?> kind, int j) {
        int op = layout.op[layout.runOfValue(j)];
        MethodType boxed = methodType(Object.class, kind, int.class);
        if (Ops.isInteger(op)) {
            MethodHandle r = RecordBinder.reader(layout, io, kind, j, long.class);
            if (op == Ops.U64 || op == Ops.PTR) {
                MethodHandle box = RecordBinder.find(Values.class, "unsigned64", Object.class, long.class);
                return MethodHandles.filterReturnValue(r, box);
            }
            return r.asType(boxed);
        }
        if (op == Ops.BOOL) {
            return RecordBinder.reader(layout, io, kind, j, boolean.class).asType(boxed);
        }
        if (Ops.isFloat(op)) {
            return RecordBinder.reader(layout, io, kind, j, double.class).asType(boxed);
        }
        return RecordBinder.reader(layout, io, kind, j, byte[].class).asType(boxed);
    }

    /** (K buf, int base, Object values) -> void, zeroing pads first when the format has any. */
    private static MethodHandle packer(Layout layout, Io<?> io, Class<?> kind) {
        MethodType shape = methodType(void.class, kind, int.class, Object.class);
        MethodHandle acc = MethodHandles.empty(shape);
        for (int j = layout.valueCount - 1; j >= 0; j--) {
            MethodHandle element = MethodHandles.insertArguments(ELEMENT, 1, j)
                    .asType(methodType(Object.class, Object.class));
            MethodHandle w = MethodHandles.filterArguments(boxedWriter(layout, io, j), 2, element);
            acc = MethodHandles.foldArguments(acc, w.asType(shape));
        }
        if (!layout.dense) {
            acc = MethodHandles.foldArguments(acc, RecordBinder.zeroing(layout, io).asType(shape));
        }
        return acc;
    }

    /** (Object buf, int base, Object value) -> void: value j converted and checked as {@link Packer} does. */
    private static MethodHandle boxedWriter(Layout layout, Io<?> io, int j) {
        int run = layout.runOfValue(j);
        int op = layout.op[run];
        if (op == Ops.BOOL) {
            MethodHandle w = RecordBinder.writer(layout, io, j, boolean.class);
            MethodHandle truth = RecordBinder.find(Values.class, "truth", boolean.class, Object.class);
            return MethodHandles.filterArguments(w, 2, truth);
        }
        if (Ops.isFloat(op)) {
            MethodHandle w = RecordBinder.writer(layout, io, j, double.class);
            MethodHandle floating = MethodHandles.insertArguments(RecordBinder.find(Values.class, "floating", double.class,
                    Object.class, Layout.class, int.class, int.class), 1, layout, run, j);
            return MethodHandles.filterArguments(w, 2, floating);
        }
        return RecordBinder.writer(layout, io, j, Object.class); // integers via Values.integer; c, s, p bytes
    }
}
