package io.procmux.spi;

/**
 * Thrown when a backend is known but cannot be used on this machine or in this configuration;
 * the probe's failure is attached as the cause.
 */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the backend and a cause from its probe. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception without a probe cause (for example when nothing is available). */
    public BackendUnavailableException(String message) {
        super(message);
    }
}
