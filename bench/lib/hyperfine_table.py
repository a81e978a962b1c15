"""Markdown table from a hyperfine --export-json file: median, min, max (ms) and the ratio of
each command's median to a reference command's median. Usage: hyperfine_table.py JSON REFERENCE"""
import json
import statistics
import sys

path, reference = sys.argv[1], sys.argv[2]
with open(path) as f:
    results = json.load(f)["results"]
ref = next(r for r in results if r["command"] == reference)
ref_median = statistics.median(ref["times"])
print(f"| command | median ms | min ms | max ms | runs | median / median of `{reference}` |")
print("|---|---:|---:|---:|---:|---:|")
for r in results:
    t = r["times"]
    med = statistics.median(t)
    print(f"| `{r['command']}` | {med*1000:.2f} | {min(t)*1000:.2f} | {max(t)*1000:.2f} | {len(t)} | {med/ref_median:.2f} |")
