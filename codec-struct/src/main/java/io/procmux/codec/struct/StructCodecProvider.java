package io.procmux.codec.struct;

import com.google.auto.service.AutoService;
import io.procmux.codec.Codec;
import io.procmux.spi.CodecProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Provider of the {@code struct} codec: Python's {@code struct} format strings, byte for byte.
 * Pure Java, so it is always available.
 *
 * <p>Cost: construction and {@link #unavailabilityCause()} are free; {@link #create} compiles the
 * format (and binds the record type) once per call, so keep the codec it returns.
 */
@AutoService(CodecProvider.class)
public final class StructCodecProvider implements CodecProvider {

    /** Creates the provider; touches no native code. */
    public StructCodecProvider() {
    }

    @Override
    public String name() {
        return "struct";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> capabilities() {
        return Map.of("types", "Object[],record", "native", "x86-64 LP64 sizes");
    }

    /**
     * A codec for {@code Object[].class} or a record class with the struct format {@code schema}.
     *
     * @throws StructException when the format is malformed
     * @throws IllegalArgumentException when the type is neither Object[] nor a record fitting the format
     */
    @Override
    public <T> Codec<T> create(Class<T> type, String schema) {
        return StructCodec.create(type, schema);
    }
}
