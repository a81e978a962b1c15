package io.procmux.codec;

import java.nio.ByteBuffer;

/**
 * Turns values of one type into bytes and back, e.g. a Python struct format applied to records.
 * Obtained from a {@link io.procmux.spi.CodecProvider}. Implementations are immutable and
 * thread-safe.
 *
 * @param <T> the value type
 */
public interface Codec<T> {

    /** The backend's name, e.g. {@code struct}. */
    String name();

    /** Encodes one value into a new array. @throws CodecException when the value cannot be encoded */
    byte[] encode(T value);

    /**
     * Encodes one value at the buffer's position and advances it.
     *
     * @throws CodecException when the value cannot be encoded
     * @throws java.nio.BufferOverflowException when the buffer has too little room
     */
    void encode(T value, ByteBuffer out);

    /** Decodes one value from {@code length} bytes at {@code offset}. @throws CodecException on malformed input */
    T decode(byte[] data, int offset, int length);

    /** Decodes one value from a whole array. */
    default T decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /** Decodes one value at the buffer's position and advances it past the value. */
    T decode(ByteBuffer in);
}
