package io.procmux.codec.struct;

import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/** The byte order, size and alignment mode selected by a format's first character. */
enum Mode {
    /** {@code @}: native byte order, native sizes, native alignment (the default). */
    NATIVE('@', true, ByteOrder.nativeOrder()),
    /** {@code =}: native byte order, standard sizes, no alignment. */
    NATIVE_ORDER('=', false, ByteOrder.nativeOrder()),
    /** {@code <}: little-endian, standard sizes, no alignment. */
    LITTLE('<', false, ByteOrder.LITTLE_ENDIAN),
    /** {@code >}: big-endian, standard sizes, no alignment. */
    BIG('>', false, ByteOrder.BIG_ENDIAN),
    /** {@code !}: network order (big-endian), standard sizes, no alignment. */
    NETWORK('!', false, ByteOrder.BIG_ENDIAN);

    final char prefix;
    final boolean nativeSizes;
    final ByteOrder order;

    Mode(char prefix, boolean nativeSizes, ByteOrder order) {
        this.prefix = prefix;
        this.nativeSizes = nativeSizes;
        this.order = order;
    }

    /** The mode a format's first character selects, or null when it is not a mode character. */
    static @Nullable Mode ofPrefix(char c) {
        switch (c) {
            case '@': return NATIVE;
            case '=': return NATIVE_ORDER;
            case '<': return LITTLE;
            case '>': return BIG;
            case '!': return NETWORK;
            default: return null;
        }
    }

    boolean littleEndian() {
        return order == ByteOrder.LITTLE_ENDIAN;
    }
}
