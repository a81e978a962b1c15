package io.procmux.pool.local;

import io.procmux.codec.Codec;
import org.jspecify.annotations.Nullable;

/**
 * Encodes what callers submit, turning a codec failure into an {@link IllegalArgumentException}
 * thrown in the caller's thread that names what was refused and why.
 *
 * <p>Cost: one codec call.
 */
final class Payloads {
    private Payloads() {
    }

    static byte[] encode(Codec<Object> codec, @Nullable Object value, String what) {
        try {
            return codec.encode(value);
        } catch (RuntimeException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new IllegalArgumentException("Cannot send the " + what + " (" + type + ") to a worker: "
                    + e.getMessage(), e);
        }
    }
}
