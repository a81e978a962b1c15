package io.procmux.codec.struct;

import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * When a {@link Struct} has been used often enough, specialises its boxed byte-array path in the
 * background (one task on the common ForkJoinPool, so the caller never waits for it): the
 * {@link BoxedClass} code in a hidden class, which packs and unpacks with the format folded in
 * instead of looping over it. Until then (and for formats with more than {@link #MAX_VALUES}
 * values, or with a {@code 0p} that cannot unpack) callers use the loops of {@link Packer} and
 * {@link Unpacker}; both give the same bytes, values and errors.
 *
 * <p>Cost: a counter per call until the threshold; then one class definition on a pool thread
 * (under a millisecond of CPU for 32 values, see {@link BoxedClass}) while callers keep using the
 * loops, and a volatile read per call. Thread-safe: a race may bind twice, and either result is right.
 */
final class BoxedPath {
    /** Calls before specialising: a format used once (a CLI call, a test case) never pays for it. */
    static final int SPECIALISE_AFTER = 2_000;
    /**
     * Layouts with more values than this keep the loops: the generated methods grow by 20 to 45
     * bytes of bytecode per value, and the JIT does not compile a method past 8,000 bytes.
     */
    static final int MAX_VALUES = 64;

    private final Struct struct;
    private volatile boolean eligible;
    private volatile @Nullable Bound bound;
    private int calls;

    BoxedPath(Struct struct) {
        this.struct = struct;
        Layout layout = struct.layout;
        this.eligible = layout.valueCount > 0 && layout.valueCount <= MAX_VALUES
                && layout.zeroPascalPos < 0;
    }

    /** The specialised trees, or null while the loops should be used. */
    @Nullable Bound get() {
        Bound b = bound;
        if (b == null && eligible && ++calls == SPECIALISE_AFTER) {
            ForkJoinPool.commonPool().execute(this::specialise);
        }
        return b;
    }

    /** The specialised code if it is ready, without counting a call. */
    @Nullable Bound ready() {
        return bound;
    }

    private void specialise() {
        try {
            Bound b = BoxedClass.define(struct);
            if (b == null) {
                eligible = false; // no hidden class here: keep the loops
            }
            bound = b;
        } catch (RuntimeException | LinkageError e) {
            eligible = false; // the loops are always right: keep them
        }
    }

    /** Rethrows what a tree threw: the trees throw only unchecked exceptions (StructException and the like). */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException("struct: unexpected " + t, t);
    }
}
