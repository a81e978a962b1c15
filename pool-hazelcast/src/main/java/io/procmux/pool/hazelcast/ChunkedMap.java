package io.procmux.pool.hazelcast;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Puts the chunk results of one {@code map}/{@code starmap} in their places and completes the
 * ordered list once every chunk is in; the first failed chunk fails the whole map (as in Python).
 * Its sinks are called on the pool's one results thread only, so it needs no lock.
 *
 * <p>Cost: one array of all results.
 */
final class ChunkedMap<R> {
    private final ClusterResult<List<R>> result;
    private final Object[] slots;
    private int missing;
    private boolean failed;

    ChunkedMap(ClusterResult<List<R>> result, int items, int chunks) {
        this.result = result;
        this.slots = new Object[items];
        this.missing = chunks;
        if (chunks == 0) {
            result.succeeded(List.of());
        }
    }

    /** The sink of the chunk whose first item is at {@code offset}. */
    Sink chunkAt(int offset) {
        return new Sink() {
            @Override
            public void succeeded(@Nullable Object value) {
                Object[] part = (Object[]) value;
                System.arraycopy(part, 0, slots, offset, part.length);
                if (--missing == 0 && !failed) {
                    result.succeeded(Collections.unmodifiableList(Arrays.asList(slots)));
                }
            }

            @Override
            public void failed(Throwable error) {
                if (!failed) {
                    failed = true;
                    result.failed(error);
                }
            }
        };
    }
}
