package io.procmux.codec;

/**
 * A value could not be encoded or bytes could not be decoded; the message says which value or
 * offset and why.
 */
public class CodecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a specific message. */
    public CodecException(String message) {
        super(message);
    }

    /** Creates the exception with a specific message and the underlying failure. */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
