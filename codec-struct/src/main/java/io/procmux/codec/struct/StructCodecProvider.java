package io.procmux.codec.struct;

import com.google.auto.service.AutoService;
import io.procmux.codec.Codec;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.CodecProvider;
import java.util.Optional;

/**
 * Provider of the {@code struct} codec: Python's {@code struct} format strings, byte for byte.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
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
        return Optional.of(new BackendNotImplementedException());
    }

    @Override
    public <T> Codec<T> create(Class<T> type, String schema) {
        throw BackendNotImplementedException.refuse(this);
    }
}
