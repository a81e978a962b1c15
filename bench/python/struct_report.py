#!/usr/bin/env python3
"""Markdown tables for bench/sections/struct from StructCpuTime's slices and JMH JSON results.

    python3 struct_report.py --slices slices.txt --jmh round1.json [round2.json ...]

The verdicts come from the slices (lines "slice OP ROUND NS" of io.procmux.bench.struct.StructCpuTime,
Java and CPython interleaved in each round, CPU ns per op): a ratio is taken within each round, and a
row gives the median of those ratios with their range. The JMH tables are a view: every measurement
iteration is one sample (elapsed ns per op), a row gives the median with min and max, the ratio of its
median to the hand-written reference's median and bytes allocated per op (-prof gc, mean over runs).
"""
import argparse
import collections
import json
import statistics
import sys

PKG = "io.procmux.bench.struct."
LIMITS = {"typed": 1.2, "boxed": 2.0, "boxed-alloc": 2.0}
ITER_RECORDS = 65536

# (benchmark, what it does, reference benchmark for the ratio, CPython case, kind). Kinds: "typed" is the
# issue's typed path (records, StructField accessors: <= 1.2x); "boxed" the Object[] API (<= 2x);
# "boxed-alloc" includes Struct.pack's new array (CPython only).
IHD_ROWS = [
    ("handPackIntoBoxed", "hand-written VarHandle, from Object[]", None, "pack", "boxed"),
    ("boxedPackInto", "`Struct.packInto(byte[], 0, Object...)`", "handPackIntoBoxed", "pack", "boxed"),
    ("boxedPack", "`Struct.pack(Object...)` (new byte[]; ratio includes that allocation)", "handPackIntoBoxed", "pack",
     "boxed-alloc"),
    ("handPackInto", "hand-written VarHandle, from the record", None, "pack", "typed"),
    ("recordPackInto", "`RecordStruct.packInto(byte[], 0, record)`", "handPackInto", "pack", "typed"),
    ("accessorPackInto", "`StructField` accessors (`Struct.longField(i)`...), `put` per field", "handPackInto", "pack",
     "typed"),
    ("handUnpackBoxed", "hand-written VarHandle, boxed into Object[]", None, "unpack", "boxed"),
    ("boxedUnpack", "`Struct.unpack(byte[])`", "handUnpackBoxed", "unpack", "boxed"),
    ("boxedUnpackFrom", "`Struct.unpackFrom(byte[], 0)`", "handUnpackBoxed", "unpack", "boxed"),
    ("handUnpack", "hand-written VarHandle, into a new record", None, "unpack", "typed"),
    ("recordUnpack", "`RecordStruct.unpack(byte[])`", "handUnpack", "unpack", "typed"),
    ("accessorUnpack", "`StructField` accessors, `get` per field, into a new record", "handUnpack", "unpack", "typed"),
]
ITER_ROWS = [
    ("handIterBoxed", "hand-written loop, boxed into Object[]", None, "iter_unpack_1mib", "boxed"),
    ("boxedIterUnpack", "`Struct.iterUnpack(byte[])`", "handIterBoxed", "iter_unpack_1mib", "boxed"),
    ("handIter", "hand-written loop, into new records", None, "iter_unpack_1mib", "typed"),
    ("recordIterUnpack", "`RecordStruct.iterUnpack(byte[])`", "handIter", "iter_unpack_1mib", "typed"),
    ("recordIter", "`RecordStruct.unpackFrom(byte[], offset)` per record", "handIter", "iter_unpack_1mib", "typed"),
    ("accessorIter", "`StructField` accessors per record, into new records", "handIter", "iter_unpack_1mib", "typed"),
]
# (JMH class, StructCpuTime prefix, heading, rows, CPython case prefix)
SHAPES = [
    ("IhdBenchmark", "Ihd", "`'<iHd'` (14 bytes), one struct per call", IHD_ROWS, "ihd_"),
    ("WideBenchmark", "Wide", "32 fields `'<8q8i4h4d2e2?2b7sq'` (159 bytes), one struct per call", IHD_ROWS, "wide_"),
    ("IterBenchmark", "Iter", "1 MiB of `'<iHd2x'` (65,536 records of 16 bytes), one op = the whole MiB", ITER_ROWS, ""),
]
PYTHON_CALLS = {"ihd_pack": "`Struct('<iHd').pack(i, h, d)`", "ihd_unpack": "`Struct('<iHd').unpack(b)`",
                "wide_pack": "`Struct(32 fields).pack(...)`", "wide_unpack": "`Struct(32 fields).unpack(b)`",
                "iter_unpack_1mib": "`deque(Struct('<iHd2x').iter_unpack(1 MiB), maxlen=0)`"}


def load_slices(path):
    """OP -> {round: CPU ns per op}"""
    out = collections.defaultdict(dict)
    with open(path) as f:
        for line in f:
            words = line.split()
            if len(words) != 4 or words[0] != "slice":
                sys.exit("struct_report: expected 'slice OP ROUND NS' in %s, got %r" % (path, line.rstrip("\n")))
            out[words[1]][int(words[2])] = float(words[3])
    return out


def load_jmh(paths):
    """benchmark name -> {"samples": [ns...], "alloc": [B/op per run]}"""
    out = {}
    for path in paths:
        with open(path) as f:
            for b in json.load(f):
                name = b["benchmark"]
                if not name.startswith(PKG):
                    continue
                entry = out.setdefault(name[len(PKG):], {"samples": [], "alloc": []})
                for fork in b["primaryMetric"]["rawData"]:
                    entry["samples"].extend(fork)
                norm = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                if norm is not None:
                    entry["alloc"].append(norm["score"])
    return out


def fmt_ns(x):
    if x >= 1e6:
        return "%.2f ms" % (x / 1e6)
    if x >= 1e4:
        return "%.1f µs" % (x / 1e3)
    return "%.1f" % x if x < 100 else "%.0f" % x


def fmt_alloc(values):
    if not values:
        return "n/a"
    return "%.0f" % statistics.mean(values)


def op_of(bench):
    return "unpack" if "npack" in bench or "Iter" in bench or "iter" in bench else "pack"


class Paired:
    """The verdict tables: CPU time per op and ratios taken within each round of the slices."""

    def __init__(self, slices):
        self.slices = slices
        self.targets = []

    def median(self, op):
        return statistics.median(self.slices[op].values())

    def ratio(self, num, den):
        """(median, min, max) over the rounds both ops have of num / den; None if either is missing."""
        a, b = self.slices.get(num), self.slices.get(den)
        if not a or not b:
            return None
        rs = sorted(a[r] / b[r] for r in a if r in b)
        return (statistics.median(rs), rs[0], rs[-1]) if rs else None

    def rows(self, prefix, specs, py_prefix, per_record=False):
        lines = ["| operation | path | CPU ns/op (median) | vs hand-written (range) | CPython ÷ this (range) |",
                 "|---|---|---:|---:|---:|"]
        for bench, label, ref, py_case, kind in specs:
            op = prefix + "." + bench
            if op not in self.slices:
                continue
            vs = "1 (reference)"
            if ref is not None:
                r = self.ratio(op, prefix + "." + ref)
                if r is not None:
                    vs = "%.2fx (%.2f–%.2f)" % r
                    if kind != "boxed-alloc":
                        self.targets.append((op, "vs hand-written", "≤ %.1fx" % LIMITS[kind], r, r[0] <= LIMITS[kind]))
            py_op = "CPython." + (py_prefix + py_case if py_case != "iter_unpack_1mib" else py_case)
            py = ""
            r = self.ratio(py_op, op)
            if r is not None:
                py = "%.1fx (%.1f–%.1f)" % r
                if ref is not None:
                    self.targets.append((op, "CPython ÷ this", "≥ 5x", r, r[0] >= 5))
            lines.append("| %s | %s | %s | %s | %s |" % (op_of(bench), label, fmt_ns(self.median(op)), vs, py))
        if per_record:
            lines.append("")
            lines.append("Per record (÷ %d): " % ITER_RECORDS + ", ".join(
                "%s %.1f ns" % (b, self.median(prefix + "." + b) / ITER_RECORDS)
                for b, _, _, _, _ in specs if (prefix + "." + b) in self.slices) + ".")
        return "\n".join(lines)

    def python_table(self, version):
        lines = ["| CPython %s call | CPU ns/call (median) | min | max | rounds |" % version,
                 "|---|---:|---:|---:|---:|"]
        for case, label in PYTHON_CALLS.items():
            t = list(self.slices.get("CPython." + case, {}).values())
            if t:
                lines.append("| %s | %s | %s | %s | %d |" % (label, fmt_ns(statistics.median(t)), fmt_ns(min(t)),
                                                            fmt_ns(max(t)), len(t)))
        return "\n".join(lines)


def jmh_rows(jmh, cls, specs):
    lines = ["| operation | path | median ns/op | min | max | vs hand-written (ratio of medians) | B/op |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for bench, label, ref, _, _ in specs:
        key = cls + "." + bench
        if key not in jmh:
            continue
        s = jmh[key]["samples"]
        med = statistics.median(s)
        ratio = "1 (reference)"
        if ref is not None and (cls + "." + ref) in jmh:
            ratio = "%.2fx" % (med / statistics.median(jmh[cls + "." + ref]["samples"]))
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (op_of(bench), label, fmt_ns(med), fmt_ns(min(s)),
                                                               fmt_ns(max(s)), ratio, fmt_alloc(jmh[key]["alloc"])))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", required=True)
    parser.add_argument("--python-version", default="3")
    parser.add_argument("--jmh", nargs="+", required=True)
    args = parser.parse_args()
    slices = load_slices(args.slices)
    if not slices:
        sys.exit("struct_report: no slices in " + args.slices)
    jmh = load_jmh(args.jmh)
    if not jmh:
        sys.exit("struct_report: no io.procmux.bench.struct results in " + " ".join(args.jmh))
    paired = Paired(slices)
    print("### Verdicts: CPU time per op, Java and CPython interleaved (this table decides)\n")
    for _, prefix, heading, rows, py_prefix in SHAPES:
        print("#### " + heading + "\n")
        print(paired.rows(prefix, rows, py_prefix, per_record=prefix == "Iter"))
        print()
    print("#### CPython `struct`, in the same rounds\n")
    print(paired.python_table(args.python_version))
    print("\n### Targets (reported, not asserted; from the paired table)\n")
    print("| benchmark | measure | target | paired median | range over rounds | met |")
    print("|---|---|---|---:|---:|---|")
    for op, measure, target, r, ok in paired.targets:
        print("| %s | %s | %s | %.2fx | %.2f–%.2f | %s |" % (op, measure, target, r[0], r[1], r[2],
                                                           "yes" if ok else "**no**"))
    print()
    print(NOTES)
    print("\n### View: JMH, elapsed time and allocation (separate forks, not paired)\n")
    for cls, _, heading, rows, _ in SHAPES:
        print("#### " + heading + "\n")
        print(jmh_rows(jmh, cls, rows))
        print()


NOTES = """Notes on the targets:

- The issue's typed-path target (≤ 1.2x) applies to records and `StructField` accessors, the two typed
  paths of the API. (`StructFields`, single fields by an index given on every call, measured 2-6x the
  hand-written code in earlier runs: a table lookup and a switch per call. It duplicated the accessors,
  which can be made from a run-time index once, so it left the public API; it remains only as the
  accessors' fallback where a JVM refuses hidden classes, and these tables no longer show it.)
- "Hand-written code doing the same": the typed hand-written pack refuses what `struct.pack` refuses
  (H outside 0..65535 in `<iHd`; a finite `e` beyond the half range in the 32-field format), as the
  codec does; the other components' Java types already fit their codes. The boxed hand-written
  references check neither types nor ranges (the codec's boxed path does both). The hand-written
  `e` conversion (`Le.toHalf`) rounds with compares and branches; the codec rounds a normal half by
  adding a bias, which is why the 32-field typed packs can read below 1x.
- Which table decides: the paired one. Each JMH row below is one short fork, and in earlier runs CPython
  was timed by a separate process minutes away, so a verdict from them flipped between runs (`<iHd`
  record unpack read 1.01x and 1.59x the hand-written code in two full runs, 32-field boxed unpack
  6.90x and 4.00x CPython). The paired table times every path, its hand-written reference and CPython
  in the same rounds, on the CPU clock, and takes each ratio within a round. A Java slice is charged
  its thread's CPU time plus the VM thread's meanwhile (the serial collector's pauses run there); a
  CPython slice its process's CPU time (`time.process_time`). The JMH view gives elapsed time and bytes allocated per op.
- One JVM per shape, as JMH forks per benchmark: `Struct`'s methods are shared by every format, so
  with all three shapes in one JVM the JIT's profile there was shared too (Iter's set-up compiled
  `Struct.packInto` with its own format inlined, and it was then no longer inlined into the `<iHd`
  loop): `<iHd` boxed `packInto` read 2.4-3.0x the hand-written code that way. README says so.
- 32-field boxed unpack allocates 384 B, as the hand-written code does: the Object[32] (144 B), nine
  boxes of 24 B (three Longs beyond the JDK's small-value cache, six Doubles) and the byte[7] (24 B).
- `Struct.pack` costs a few nanoseconds over `packInto` here (the new array and its zeroing). JMH's
  elapsed rows put more between them (25 ns in an earlier full run): a short fork can end before the
  JIT has compiled a 32-field struct's generated code into `pack` (122 ns after 600 ms of warm-up
  in one fork, 849 ns after 400 ms, against ~35 in the paired table), and they carry the collector's
  work at its own pace. Their bytes per op hold all the same."""


if __name__ == "__main__":
    main()
