#!/usr/bin/env python3
"""CPython's struct, timed with timeit, on the workloads of the JMH struct benchmarks.

Prints JSON: {"python": version, "cases": {name: {"min_ns", "median_ns", "max_ns", "repeats", "number",
"times_ns"}}},
nanoseconds per call (for iter_unpack: per 1 MiB). Each repeat times `number` calls chosen by
timeit's autorange (at least 0.2 s); min is the least-noisy figure, median the typical one.

    python3 struct_bench.py [--repeats N]
"""
import argparse
import collections
import json
import platform
import statistics
import struct
import timeit

IHD = ("<iHd", (-123456, 65000, 2.5))
WIDE_FORMAT = "<8q8i4h4d2e2?2b7sq"
WIDE_VALUES = (1 << 40, -2, 3, 4, 5, 6, 7, -(1 << 63), 9, 10, -11, 12, 13, 14, 15, 2**31 - 1,
               17, -18, 19, 20, 21.5, 22.5, -23.5, 1e300, 25.5, -0.125, True, False, 29, -30, b"seven77", 32)
ITER_FORMAT = "<iHd2x"
ITER_RECORDS = 65536


def cases():
    """(name, statement, globals) per workload; the statement is one call as a programmer writes it."""
    out = []
    for name, fmt, values in (("ihd", IHD[0], IHD[1]), ("wide", WIDE_FORMAT, WIDE_VALUES)):
        s = struct.Struct(fmt)
        data = s.pack(*values)
        args = ", ".join(repr(v) for v in values)
        out.append((name + "_pack", "pack(" + args + ")", {"pack": s.pack}))
        out.append((name + "_unpack", "unpack(data)", {"unpack": s.unpack, "data": data}))
    s = struct.Struct(ITER_FORMAT)
    data = b"".join(s.pack(k - 30000, k & 0xffff, k * 0.5) for k in range(ITER_RECORDS))
    assert len(data) == 1 << 20
    out.append(("iter_unpack_1mib", "consume(iter_unpack(data), maxlen=0)",
                {"iter_unpack": s.iter_unpack, "data": data, "consume": collections.deque}))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    results = {}
    for name, stmt, env in cases():
        timer = timeit.Timer(stmt, globals=env)
        number, _ = timer.autorange()
        times = [t / number * 1e9 for t in timer.repeat(repeat=args.repeats, number=number)]
        results[name] = {"min_ns": min(times), "median_ns": statistics.median(times), "max_ns": max(times),
                         "repeats": args.repeats, "number": number, "times_ns": times}
    print(json.dumps({"python": platform.python_version(), "cases": results}, indent=1))


if __name__ == "__main__":
    main()
