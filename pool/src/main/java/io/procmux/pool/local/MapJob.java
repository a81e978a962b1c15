package io.procmux.pool.local;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Gathers the chunk results of one {@code map}/{@code starmap} into the ordered list; the first
 * chunk failure fails the whole map (as in Python).
 *
 * <p>Cost: one array of all results, which the returned list wraps; chunk results are copied in
 * as they arrive.
 */
final class MapJob<R> {
    private final PendingResult<List<R>> result;
    private final Object[] values;
    private int remaining;
    private boolean failed;

    MapJob(PendingResult<List<R>> result, int size, int chunks) {
        this.result = result;
        this.values = new Object[size];
        this.remaining = chunks;
        if (chunks == 0) {
            result.complete(List.of());
        }
    }

    /** The outcome of the chunk starting at item {@code offset}. */
    Task.Outcome chunk(int offset) {
        return new Task.Outcome() {
            @Override
            public void succeeded(Object value) {
                Object[] part = (Object[]) value;
                boolean last;
                synchronized (MapJob.this) {
                    System.arraycopy(part, 0, values, offset, part.length);
                    last = --remaining == 0 && !failed;
                }
                if (last) {
                    @SuppressWarnings("unchecked")
                    List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(values)); // no copy: values is complete and ours
                    result.complete(list);
                }
            }

            @Override
            public void failed(Throwable error) {
                boolean first;
                synchronized (MapJob.this) {
                    first = !failed;
                    failed = true;
                }
                if (first) {
                    result.fail(error);
                }
            }
        };
    }
}
