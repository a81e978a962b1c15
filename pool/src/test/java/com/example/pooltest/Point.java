package com.example.pooltest;

import java.io.Serializable;

/** An application value outside procmux's packages, for the pool's allow-list tests. */
public record Point(int x, int y) implements Serializable {
    /** A task declared to return a {@code Point}: its result type is on the pool's list. */
    public static Point diagonal(Integer n) {
        return new Point(n, n);
    }

    /** A task declared to return {@code Object}: its {@code Point} result is on no list. */
    public static Object diagonalAsObject(Integer n) {
        return new Point(n, n);
    }

    /** A lambda captured here, outside procmux's packages, that captures a {@code Point}. */
    public static io.procmux.pool.SerializableFunction<Integer, Point> shiftedBy(Point offset) {
        return n -> new Point(n + offset.x(), n + offset.y());
    }

    /** A task taking a {@code Point} argument. */
    public static Integer sum(Point p) {
        return p.x() + p.y();
    }
}
