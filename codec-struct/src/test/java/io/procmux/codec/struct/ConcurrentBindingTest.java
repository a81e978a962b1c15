package io.procmux.codec.struct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Compiled formats, record bindings and field accessors shared by threads that bind and use them at once. */
class ConcurrentBindingTest {
    record Header(int magic, int version, double stamp) {
    }

    @Test
    void threadsBindingAndUsingOneFormatAtOnceAllGetCorrectResults() throws Exception {
        Struct shared = Struct.compile("<iHd2x");
        RecordStruct<Header> sharedBinding = shared.bind(Header.class);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                Callable<Integer> work = () -> {
                    start.await();
                    Random rnd = new Random(seed);
                    RecordStruct<Header> own = shared.bind(Header.class); // a binding per thread, racing the others
                    StructField.OfLong version = shared.longField(1); // accessors made concurrently, kept once
                    StructField.OfDouble stamp = shared.doubleField(2);
                    byte[] buf = new byte[16];
                    int checked = 0;
                    for (int k = 0; k < 5_000; k++) {
                        Header h = new Header(rnd.nextInt(), rnd.nextInt(65536), rnd.nextDouble());
                        RecordStruct<Header> rs = (k & 1) == 0 ? own : sharedBinding;
                        rs.packInto(buf, 0, h);
                        assertThat(buf).isEqualTo(shared.pack(h.magic(), h.version(), h.stamp()));
                        assertThat(sharedBinding.unpack(buf)).isEqualTo(h);
                        assertThat(version.get(buf, 0)).isEqualTo(h.version());
                        assertThat(stamp.get(buf, 0)).isEqualTo(h.stamp());
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(5_000);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(shared.longField(1)).as("one accessor per field survives the race").isSameAs(shared.longField(1));
    }
}
