package io.procmux.spi;

/**
 * Thrown when a backend is asked for by a name that no provider on the classpath has, or when a
 * kind has no provider at all. The message lists what exists and what to add.
 */
public class NoSuchBackendException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that lists the alternatives. */
    public NoSuchBackendException(String message) {
        super(message);
    }
}
