package io.procmux.pool.hazelcast;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * How one task (or chunk) ended on a member, as it travels back: the encoded value, or the
 * encoded exception with its stack trace as thrown there.
 *
 * <p>Cost: the encoded bytes.
 */
record Outcome(boolean ok, byte[] payload) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Outcome value(@Nullable Object value) {
        try {
            return new Outcome(true, Serial.encode(value, "result"));
        } catch (IllegalArgumentException e) {
            return failure(new IllegalStateException("the task's result cannot be sent back: " + e.getMessage()));
        }
    }

    static Outcome failure(Throwable error) {
        try {
            return new Outcome(false, Serial.encode(error, "exception"));
        } catch (IllegalArgumentException e) {
            IllegalStateException plain = new IllegalStateException(error.toString());
            plain.setStackTrace(error.getStackTrace());
            return new Outcome(false, Serial.encode(plain, "exception"));
        }
    }
}
