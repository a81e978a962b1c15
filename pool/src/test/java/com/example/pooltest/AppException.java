package com.example.pooltest;

/** An application exception outside procmux's packages that a task throws. */
public final class AppException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AppException(String message) {
        super(message);
    }

    /** A task that throws it. */
    public static Integer fail(Integer n) {
        throw new AppException("app failure on " + n);
    }
}
