package io.procmux.pool.local;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerOutput;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A JVM that runs a pool, prints its worker pids on one line, and waits to be killed. */
public final class PoolHostMain {
    private PoolHostMain() {
    }

    public static void main(String[] args) throws Exception {
        int processes = Integer.parseInt(args[0]);
        Pool pool = Backends.select(BackendKind.POOL).create(PoolOptions.builder().processes(processes)
                .spawner(Backends.select(BackendKind.SPAWNER, args[1]).create())
                .workerOutput(WorkerOutput.DISCARD).build());
        Set<Long> pids = new HashSet<>();
        while (pids.size() < processes) {
            pids.addAll(pool.map(Tasks::sleepThenPid, List.of(50, 50, 50, 50), 1));
        }
        System.out.println(pids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(60_000);
    }
}
