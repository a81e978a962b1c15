package io.procmux.pool.local;

import io.procmux.codec.Codec;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task function serialized once, with the id workers cache it under. {@link Cache} keeps one
 * per function instance (weakly), so a hot loop over the same lambda does not serialize it again.
 *
 * <p>Cost: a map look-up per submission; serialization only for a function instance not seen before.
 */
final class FunctionRef {
    final long id;
    final byte[] bytes;

    private FunctionRef(long id, byte[] bytes) {
        this.id = id;
        this.bytes = bytes;
    }

    /** The per-pool cache of serialized functions. Thread-safe. */
    static final class Cache {
        private final Map<Object, FunctionRef> byInstance = Collections.synchronizedMap(new WeakHashMap<>());
        private final AtomicLong ids = new AtomicLong();
        private final Codec<Object> codec;

        Cache(Codec<Object> codec) {
            this.codec = codec;
        }

        /**
         * The reference for {@code fn}, serializing it on first use.
         *
         * @throws IllegalArgumentException naming the class that cannot be serialized
         */
        FunctionRef of(Object fn) {
            FunctionRef ref = byInstance.get(fn);
            if (ref == null) {
                ref = new FunctionRef(ids.incrementAndGet(), Payloads.encode(codec, fn, "task function"));
                byInstance.put(fn, ref);
            }
            return ref;
        }
    }
}
