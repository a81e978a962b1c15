package io.procmux.spi;

/**
 * The unavailability cause of a backend whose module exists but whose implementation has not
 * landed yet. Such a backend is listed by {@code procmux backends} and never selected.
 */
public final class BackendNotImplementedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /** Creates the cause with the fixed message {@code not implemented yet}. */
    public BackendNotImplementedException() {
        super("not implemented yet");
    }

    /** The exception a not-yet-implemented backend throws when it is used anyway. */
    public static BackendUnavailableException refuse(Backend backend) {
        return new BackendUnavailableException("Backend '" + backend.name() + "' is not available: not implemented yet",
                new BackendNotImplementedException());
    }
}
