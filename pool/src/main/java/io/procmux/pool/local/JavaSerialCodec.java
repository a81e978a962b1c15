package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.codec.CodecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;

/**
 * The pool's default payload codec, {@code java}: Java serialization, decoding through a
 * {@link SerialFilter} allow-list, with a shortcut ({@link CompactValues}) for nulls, boxed
 * numbers, booleans, strings and arrays of them. A value that cannot be serialized is refused with a
 * {@link CodecException} naming the offending class.
 *
 * <p>Cost: one object stream and its buffers per call (serialization allocates freely); thread-safe.
 */
final class JavaSerialCodec implements Codec<Object> {
    private final ObjectInputFilter filter;

    JavaSerialCodec(ObjectInputFilter filter) {
        this.filter = filter;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public byte[] encode(Object value) {
        byte[] compact = CompactValues.encode(value);
        if (compact != null) {
            return compact;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": it contains a "
                    + e.getMessage() + ", which is not Serializable", e);
        } catch (IOException e) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void encode(Object value, ByteBuffer out) {
        out.put(encode(value));
    }

    @Override
    public Object decode(byte[] data, int offset, int length) {
        if (length > 0 && CompactValues.isCompact(data[offset])) {
            try {
                return CompactValues.decode(data, offset, length);
            } catch (IllegalArgumentException e) {
                throw new CodecException(e.getMessage(), e);
            }
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data, offset, length))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new CodecException("refused to deserialize " + e.classname + ": " + e.getMessage()
                    + " (see " + SerialFilter.PROPERTY + ")", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new CodecException("cannot deserialize " + length + " bytes: " + e, e);
        }
    }

    @Override
    public Object decode(ByteBuffer in) {
        byte[] data = new byte[in.remaining()];
        in.get(data);
        return decode(data, 0, data.length);
    }
}
