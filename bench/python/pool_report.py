"""Markdown table of the pool figures (one JSON object per line) written by bench/sections/pool."""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
cmd = sys.argv[2]
impls = ["procmux", "cpython-spawn", "cpython-forkserver"]
label = {"procmux": "procmux `local`", "cpython-spawn": "CPython multiprocessing (spawn)",
         "cpython-forkserver": "CPython multiprocessing (forkserver)"}
metrics = [("cold_ms", "cold start to first result, ms", "lower"),
           ("apply_p50_us", "apply round trip p50, µs", "lower"),
           ("apply_p90_us", "apply round trip p90, µs", "lower"),
           ("apply_async_per_s", "apply_async tasks/s", "higher"),
           ("map_first_per_s", "map items/s, first map (default chunksize)", "higher"),
           ("map_per_s", "map items/s, median of 5 after 3 (default chunksize)", "higher")]
med = {(i, m): statistics.median([r[m] for r in rows if r["impl"] == i]) for i in impls for m, _, _ in metrics}
print("## Process pool")
print()
print("Two workers, task `x + 1`, the three implementations alternating in each round. Ratios are medians")
print("against CPython's spawn method from the same run. Targets: apply p50 under 40 µs, apply_async at least")
print("2x CPython, map at least CPython's items/s.")
print(f"Command: `{cmd}`.")
print()
print("| figure | " + " | ".join(label[i] for i in impls) + " | procmux vs spawn |")
print("|---|" + "---|" * (len(impls) + 1))
for m, title, better in metrics:
    ref = med[("cpython-spawn", m)]
    ratio = med[("procmux", m)] / ref if ref else float("nan")
    cells = " | ".join(f"{med[(i, m)]:,.1f}" for i in impls)
    print(f"| {title} | {cells} | {ratio:.2f}x ({better} is better) |")
print()

cold = [r for r in rows if r["impl"] in ("procmux-cold", "procmux-cold-cds")]
if any(r["impl"] == "procmux-cold-cds" for r in cold):
    print("### procmux cold start, step by step")
    print()
    print("`ready` is this JVM's part (the backends found and loaded, the pool created); the rest, to the first")
    print("result, is the two workers starting (JVM start, worker main, the task's classes). The default is without the")
    print("archive; with it (`-Dprocmux.pool.cds=true`) the workers map the class-data archive a pool trained (`WorkerArchive`).")
    print("Each is a process of its own that measures the cold start and ends (`PoolBench cold`), the two alternating in")
    print("every round; medians over the rounds, with min and max.")
    print()
    print("| workers | ready, ms | to first result, ms | workers' part, ms |")
    print("|---|---|---|---|")
    for impl, name in (("procmux-cold", "without the class-data archive (default)"), ("procmux-cold-cds", "with it (opt-in)")):
        rs = [r for r in cold if r["impl"] == impl]
        def cell(xs):
            return f"{statistics.median(xs):,.1f} ({min(xs):,.1f}–{max(xs):,.1f})"
        print(f"| {name} | {cell([r['ready_ms'] for r in rs])} | {cell([r['cold_ms'] for r in rs])} | "
              f"{cell([r['cold_ms'] - r['ready_ms'] for r in rs])} |")
    print()
