package io.procmux.pool.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application classes a pool has sent to its workers: every class the parent serialized in a
 * task function, argument or initializer, and each task function's declared result type. It is
 * the parent's allow-list for results (see {@link SerialFilter}), and workers receive it, in order,
 * through {@link Frames#ALLOW} frames before the first frame that needs it, as their allow-list for
 * what the parent sends. Append-only and thread-safe (callers encode in their own threads).
 *
 * <p>Cost: a set look-up per class written; a list append and a set insertion per new class.
 */
final class ClassRegistry {
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final List<String> order = new ArrayList<>();
    private volatile int size;

    /** Adds {@code name} unless already present. */
    void add(String name) {
        if (!names.contains(name)) {
            synchronized (order) {
                if (names.add(name)) {
                    order.add(name);
                    size = order.size();
                }
            }
        }
    }

    /** The names as a live, thread-safe set view. */
    Set<String> names() {
        return names;
    }

    /** How many names there are; the names before this index never change. */
    int size() {
        return size;
    }

    /** Names {@code from} (inclusive) to {@code to} (exclusive), one per line, UTF-8. */
    byte[] encode(int from, int to) {
        StringBuilder b = new StringBuilder();
        synchronized (order) {
            for (int i = from; i < to; i++) {
                b.append(order.get(i)).append('\n');
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The names in an {@link #encode}d payload. */
    static String[] decode(byte[] data, int offset, int length) {
        String text = new String(data, offset, length, StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }
}
