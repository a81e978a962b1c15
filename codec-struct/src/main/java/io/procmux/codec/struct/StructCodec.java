package io.procmux.codec.struct;

import io.procmux.codec.Codec;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code struct} {@link Codec}: a compiled format applied either to {@code Object[]} values (as
 * {@link Struct#pack}/{@link Struct#unpack}) or to records (as {@link RecordStruct}). Every encoded
 * value is exactly {@link #size()} bytes.
 *
 * <p>Cost: that of the underlying {@link Struct} or {@link RecordStruct}; immutable and thread-safe.
 *
 * @param <T> Object[] or a record type
 */
public final class StructCodec<T> implements Codec<T> {
    private final Struct struct;
    private final Class<T> type;
    private final @Nullable RecordStruct<?> records;

    private StructCodec(Struct struct, Class<T> type, @Nullable RecordStruct<?> records) {
        this.struct = struct;
        this.type = type;
        this.records = records;
    }

    /**
     * A codec for {@code type} ({@code Object[].class} or a record class) with a struct format.
     *
     * @throws StructException when the format is malformed
     * @throws IllegalArgumentException when the type is neither Object[] nor a record that fits the format
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> StructCodec<T> create(Class<T> type, String format) {
        Objects.requireNonNull(type, "type");
        Struct struct = Struct.compile(format);
        if (type == Object[].class) {
            return new StructCodec<>(struct, type, null);
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException("the struct codec encodes Object[] or a record class, not "
                    + type.getName());
        }
        return new StructCodec<>(struct, type, struct.bind((Class) type));
    }

    /** The compiled format. */
    public Struct struct() {
        return struct;
    }

    /** The encoded size of every value, in bytes. */
    public int size() {
        return struct.size();
    }

    @Override
    public String name() {
        return "struct";
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        return records == null ? struct.pack((Object[]) value) : ((RecordStruct) records).pack((Record) value);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void encode(T value, ByteBuffer out) {
        Objects.requireNonNull(value, "value");
        if (records == null) {
            struct.packInto(out, (Object[]) value);
        } else {
            ((RecordStruct) records).packInto(out, (Record) value);
        }
    }

    @Override
    public T decode(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length != struct.size()) {
            throw new StructException("unpack requires a buffer of " + struct.size() + " bytes (got " + length
                    + ") for '" + struct.format() + "'");
        }
        Object v = records == null ? struct.unpackFrom(data, offset) : records.unpackFrom(data, offset);
        return type.cast(v);
    }

    @Override
    public T decode(ByteBuffer in) {
        Object v = records == null ? struct.unpackFrom(in) : records.unpackFrom(in);
        return type.cast(v);
    }

    @Override
    public String toString() {
        return "StructCodec(" + type.getSimpleName() + ", '" + struct.format() + "')";
    }
}
