package io.procmux.codec.struct;

import io.procmux.codec.CodecException;

/**
 * Python's {@code struct.error}, and the cases where CPython raises {@code OverflowError} or
 * {@code SystemError} instead: a malformed format, a value that does not fit its code, a wrong
 * number of values, or a buffer of the wrong size. The message keeps CPython's wording and adds
 * the position (format offset, item index) and the sizes involved.
 *
 * <p>Cost: an ordinary exception; it is thrown only on failure, never on the success path.
 */
public class StructException extends CodecException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its full message. */
    public StructException(String message) {
        super(message);
    }

    /** Creates the exception with its full message and the underlying failure. */
    public StructException(String message, Throwable cause) {
        super(message, cause);
    }
}
