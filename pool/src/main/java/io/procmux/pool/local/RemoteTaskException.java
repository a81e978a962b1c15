package io.procmux.pool.local;

/**
 * Stands in for an exception thrown by a task in a worker that could not itself be serialized:
 * it keeps the original class name, message and stack trace (and those of its causes).
 *
 * <p>Cost: allocated only on that failure path.
 */
public final class RemoteTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String remoteClassName;

    private RemoteTaskException(String remoteClassName, String message, RemoteTaskException cause) {
        super(message, cause);
        this.remoteClassName = remoteClassName;
    }

    /** A serializable copy of {@code t} and its causes (at most 16 deep). */
    static RemoteTaskException copyOf(Throwable t) {
        return copyOf(t, 0);
    }

    private static RemoteTaskException copyOf(Throwable t, int depth) {
        RemoteTaskException cause = t.getCause() == null || depth >= 16 ? null : copyOf(t.getCause(), depth + 1);
        RemoteTaskException copy = new RemoteTaskException(t.getClass().getName(),
                t.getClass().getName() + ": " + t.getMessage(), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** The class name of the exception the task threw. */
    public String remoteClassName() {
        return remoteClassName;
    }
}
