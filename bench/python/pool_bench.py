"""CPython's multiprocessing.Pool with 2 workers and a trivial task: the figures PoolBench measures.

Usage: pool_bench.py START_METHOD APPLY_ROUNDS ASYNC_TASKS MAP_ITEMS; prints one JSON object.
"""
import json
import multiprocessing as mp
import statistics
import sys
import time


MAP_WARMUP = 2
MAP_TIMED = 5


def inc(x):
    return x + 1


def async_run(pool, tasks):
    start = time.perf_counter()
    results = [pool.apply_async(inc, (i,)) for i in range(tasks)]
    for r in results:
        r.get()
    return tasks / (time.perf_counter() - start)


def main():
    method, apply_rounds, async_tasks, map_items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ctx = mp.get_context(method)
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        pool.apply(inc, (0,))
        cold_ms = (time.perf_counter() - t0) * 1e3
        for i in range(apply_rounds):
            pool.apply(inc, (i,))
        lat = []
        for i in range(apply_rounds):
            s = time.perf_counter()
            pool.apply(inc, (i,))
            lat.append(time.perf_counter() - s)
        lat.sort()
        async_run(pool, async_tasks // 4)
        async_per_s = async_run(pool, async_tasks)
        items = list(range(map_items))
        # The first map of the whole list, then MAP_WARMUP more untimed, then MAP_TIMED timed: the same
        # schedule as PoolBench, whose JIT needs the warm-up (CPython's figures barely move).
        m = time.perf_counter()
        out = pool.map(inc, items)
        map_first_per_s = map_items / (time.perf_counter() - m)
        for _ in range(MAP_WARMUP):
            pool.map(inc, items)
        rates = []
        for _ in range(MAP_TIMED):
            m = time.perf_counter()
            out = pool.map(inc, items)
            rates.append(map_items / (time.perf_counter() - m))
        map_per_s = statistics.median(rates)
        assert len(out) == map_items and out[-1] == map_items
    print(json.dumps({"impl": "cpython-" + method, "cold_ms": round(cold_ms, 1),
                      "apply_p50_us": round(lat[apply_rounds // 2] * 1e6, 1),
                      "apply_p90_us": round(lat[apply_rounds * 9 // 10] * 1e6, 1),
                      "apply_async_per_s": round(async_per_s), "map_per_s": round(map_per_s), "map_first_per_s": round(map_first_per_s)}))


if __name__ == "__main__":
    main()
