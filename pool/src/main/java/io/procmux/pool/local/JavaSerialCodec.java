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
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The pool's default payload codec, {@code java}: Java serialization, decoding through a
 * {@link SerialFilter} allow-list, with a shortcut ({@link CompactValues}) for nulls, boxed
 * numbers, booleans, strings and arrays of them. A value that cannot be serialized is refused with a
 * {@link CodecException} naming the offending class; a refused class is named with how to allow it.
 * In the parent it lists every application class it writes, and each lambda's declared result
 * type, in the pool's {@link ClassRegistry}.
 *
 * <p>Cost: one object stream and its buffers per call (serialization allocates freely), plus a set
 * look-up per class written when listing; thread-safe.
 */
final class JavaSerialCodec implements Codec<Object> {
    private final SerialFilter filter;
    private final @Nullable ClassRegistry registry;

    /** A codec that lists what it writes in {@code registry} (the parent's), or lists nothing (null). */
    JavaSerialCodec(SerialFilter filter, @Nullable ClassRegistry registry) {
        this.filter = filter;
        this.registry = registry;
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
        return serialize(value, false);
    }

    /**
     * Encodes {@code value} only if every class written is one this side's filter admits (in a
     * worker: one the parent accepts); else returns null.
     */
    byte @Nullable [] encodeIfAdmitted(Object value) {
        byte[] compact = CompactValues.encode(value);
        return compact != null ? compact : serialize(value, true);
    }

    private byte @Nullable [] serialize(Object value, boolean onlyAdmitted) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (Listing out = new Listing(bytes, onlyAdmitted)) {
            out.writeObject(value);
            out.flush();
            if (out.refused) {
                return null;
            }
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
        Class<?>[] refused = new Class<?>[1];
        boolean[] rejected = new boolean[1];
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data, offset, length))) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = filter.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED && !rejected[0]) {
                    rejected[0] = true;
                    refused[0] = info.serialClass();
                }
                return status;
            });
            return in.readObject();
        } catch (InvalidClassException e) {
            if (rejected[0]) {
                throw new CodecException("refused to deserialize: " + SerialFilter.refusal(refused[0]), e);
            }
            throw new CodecException("cannot deserialize " + e.classname + ": " + e.getMessage(), e);
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

    /** An object stream that lists the application classes it writes, or notes one the filter refuses. */
    private final class Listing extends ObjectOutputStream {
        private final boolean onlyAdmitted;
        boolean refused;

        Listing(OutputStream out, boolean onlyAdmitted) throws IOException {
            super(out);
            this.onlyAdmitted = onlyAdmitted;
            enableReplaceObject(registry != null);
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            Class<?> type = cl;
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (onlyAdmitted && !filter.admits(type)) {
                refused = true;
            }
            if (registry != null && !SerialFilter.unlisted(type)) {
                registry.add(type.getName());
            }
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (registry != null && obj instanceof SerializedLambda lambda) {
                String result = resultType(lambda.getInstantiatedMethodType());
                if (result != null) {
                    registry.add(result);
                }
            }
            return obj;
        }
    }

    /** The class a lambda is declared to return, from its method descriptor; null for a primitive or void. */
    static @Nullable String resultType(String descriptor) {
        int i = descriptor.lastIndexOf(')') + 1;
        while (i < descriptor.length() && descriptor.charAt(i) == '[') {
            i++;
        }
        if (i >= descriptor.length() || descriptor.charAt(i) != 'L' || !descriptor.endsWith(";")) {
            return null;
        }
        String name = descriptor.substring(i + 1, descriptor.length() - 1).replace('/', '.');
        return name.startsWith("java.") || name.startsWith("io.procmux.") ? null : name;
    }
}
