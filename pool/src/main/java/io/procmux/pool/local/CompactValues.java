package io.procmux.pool.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A compact encoding for the values tasks pass most (null, Integer, Long, Double, Boolean, String,
 * and {@code Object[]} of those, which is what map chunks are), so they skip Java serialization's
 * stream headers and class descriptors. Its first byte is a tag below {@code 0x10}; a Java
 * serialization stream starts with {@code 0xAC}, so {@link JavaSerialCodec} tells them apart.
 * Only these final JDK types are ever created, so no filter is needed.
 *
 * <p>Cost: one exactly sized array per encode; no other allocation than the values themselves.
 */
final class CompactValues {
    private static final byte NULL = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte STRING = 5;
    private static final byte TRUE = 6;
    private static final byte FALSE = 7;
    private static final byte ARRAY = 8;
    /** Strings longer than this go through Java serialization (keeps sizing simple). */
    private static final int MAX_STRING = 1 << 16;

    private CompactValues() {
    }

    /** Whether {@code first} starts a compact encoding. */
    static boolean isCompact(byte first) {
        return first >= NULL && first <= ARRAY;
    }

    /** The compact bytes of {@code value}, or null when it is not one of the supported shapes. */
    static byte @Nullable [] encode(@Nullable Object value) {
        int size = size(value, true);
        if (size < 0) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        put(out, value);
        return out.array();
    }

    private static int size(@Nullable Object v, boolean arrayAllowed) {
        if (v == null || v instanceof Boolean) {
            return 1;
        }
        Class<?> c = v.getClass();
        if (c == Integer.class) {
            return 5;
        }
        if (c == Long.class || c == Double.class) {
            return 9;
        }
        if (c == String.class) {
            String s = (String) v;
            return s.length() > MAX_STRING ? -1 : 5 + s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (c == Object[].class && arrayAllowed) {
            int total = 5;
            for (Object o : (Object[]) v) {
                int n = size(o, false);
                if (n < 0) {
                    return -1;
                }
                total += n;
            }
            return total;
        }
        return -1;
    }

    private static void put(ByteBuffer out, @Nullable Object v) {
        if (v == null) {
            out.put(NULL);
        } else if (v instanceof Boolean b) {
            out.put(b ? TRUE : FALSE);
        } else if (v instanceof Integer i) {
            out.put(INT).putInt(i);
        } else if (v instanceof Long l) {
            out.put(LONG).putLong(l);
        } else if (v instanceof Double d) {
            out.put(DOUBLE).putDouble(d);
        } else if (v instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.put(STRING).putInt(bytes.length).put(bytes);
        } else {
            Object[] items = (Object[]) v;
            out.put(ARRAY).putInt(items.length);
            for (Object o : items) {
                put(out, o);
            }
        }
    }

    /**
     * Decodes compact bytes.
     *
     * @throws IllegalArgumentException for a malformed encoding
     */
    static @Nullable Object decode(byte[] data, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(data, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            Object v = get(in, true);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left after a compact value");
            }
            return v;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed compact value of " + length + " bytes: " + e.getMessage(), e);
        }
    }

    private static @Nullable Object get(ByteBuffer in, boolean arrayAllowed) {
        byte tag = in.get();
        switch (tag) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case INT:
                return in.getInt();
            case LONG:
                return in.getLong();
            case DOUBLE:
                return in.getDouble();
            case STRING: {
                int n = in.getInt();
                if (n < 0 || n > in.remaining()) {
                    throw new IllegalArgumentException("string length " + n + " exceeds the " + in.remaining() + " bytes left");
                }
                String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
                in.position(in.position() + n);
                return s;
            }
            case ARRAY: {
                int n = in.getInt();
                if (!arrayAllowed || n < 0 || n > in.remaining()) {
                    throw new IllegalArgumentException("bad array of " + n + " items");
                }
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = get(in, false);
                }
                return items;
            }
            default:
                throw new IllegalArgumentException("unknown tag " + tag);
        }
    }
}
