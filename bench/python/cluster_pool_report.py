"""Markdown table of the cluster pool figures (one JSON object per line) written by bench/sections/pool-hazelcast."""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
cmd = sys.argv[2]
configs = list(dict.fromkeys(r["config"] for r in rows))
metrics = [("apply_async_per_s", "trivial applyAsync, tasks/s"),
           ("us_per_task", "trivial applyAsync, µs per task"),
           ("map_per_s", "trivial map, items/s (default chunksize)"),
           ("cpu10ms_per_s", "10 ms CPU jobs, tasks/s (chunksize 1)")]
med = {(c, m): statistics.median([r[m] for r in rows if r["config"] == c]) for c in configs for m, _ in metrics}
ref = configs[0]
print("## Process pool on a Hazelcast cluster")
print()
print("Task `x + 1` (overhead per task) and a fixed CPU job calibrated to 10 ms on an idle core (scaling), medians over the rounds; ratios are")
print(f"against `{ref}` from the same run. The members share this machine's cores with the caller, so the")
print("3-member figures show the cost of the cluster hops, not the gain of more machines.")
print(f"Command: `{cmd}`.")
print()
print("| figure | " + " | ".join(configs) + " |")
print("|---|" + "---|" * len(configs))
for m, title in metrics:
    cells = " | ".join(f"{med[(c, m)]:,.1f} ({med[(c, m)] / med[(ref, m)]:.2f}x)" for c in configs)
    print(f"| {title} | {cells} |")
print()
