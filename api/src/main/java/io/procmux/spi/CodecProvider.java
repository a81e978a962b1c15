package io.procmux.spi;

import io.procmux.codec.Codec;

/**
 * A {@link Backend} of kind {@code codec} that creates {@link Codec}s for a value type and a schema.
 * Registered with {@code @AutoService(CodecProvider.class)} and found by {@link Backends}.
 */
public interface CodecProvider extends Backend {

    /**
     * Creates a codec for values of {@code type} described by {@code schema}. What a schema is
     * depends on the backend: for {@code struct}, a Python struct format string such as {@code <iHd}
     * (with {@code Object[].class} or a record class as the type).
     *
     * @throws IllegalArgumentException when the schema is malformed or does not fit the type
     * @throws BackendUnavailableException when this backend cannot run here
     */
    <T> Codec<T> create(Class<T> type, String schema);
}
