#!/usr/bin/env python3
"""CPython's struct on the workloads of the Java struct benchmarks, one CPU-time sample per request.

A child process of io.procmux.bench.struct.StructCpuTime, so CPython's slices alternate with the Java
ones in every round. It prints "ready CPYTHON_VERSION" once set up; then, for each line "CASE MS" on
stdin, it runs CASE (one call as a programmer writes it, timed by timeit) for about MS milliseconds of
this process's CPU time (time.process_time: garbage collection and freeing count, being descheduled
does not) and prints "CASE NS", CPU nanoseconds per call (for iter_unpack_1mib: per 1 MiB). It exits
at end of input.

    python3 struct_bench.py            # CASE: ihd_pack ihd_unpack wide_pack wide_unpack iter_unpack_1mib
"""
import collections
import platform
import struct
import sys
import time
import timeit

IHD = ("<iHd", (-123456, 65000, 2.5))
WIDE_FORMAT = "<8q8i4h4d2e2?2b7sq"
WIDE_VALUES = (1 << 40, -2, 3, 4, 5, 6, 7, -(1 << 63), 9, 10, -11, 12, 13, 14, 15, 2**31 - 1,
               17, -18, 19, 20, 21.5, 22.5, -23.5, 1e300, 25.5, -0.125, True, False, 29, -30, b"seven77", 32)
ITER_FORMAT = "<iHd2x"
ITER_RECORDS = 65536


def cases():
    """name -> timeit.Timer of one call, on the CPU clock of this process."""
    out = {}
    for name, fmt, values in (("ihd", IHD[0], IHD[1]), ("wide", WIDE_FORMAT, WIDE_VALUES)):
        s = struct.Struct(fmt)
        data = s.pack(*values)
        args = ", ".join(repr(v) for v in values)
        out[name + "_pack"] = ("pack(" + args + ")", {"pack": s.pack})
        out[name + "_unpack"] = ("unpack(data)", {"unpack": s.unpack, "data": data})
    s = struct.Struct(ITER_FORMAT)
    data = b"".join(s.pack(k - 30000, k & 0xffff, k * 0.5) for k in range(ITER_RECORDS))
    assert len(data) == 1 << 20
    out["iter_unpack_1mib"] = ("consume(iter_unpack(data), maxlen=0)",
                               {"iter_unpack": s.iter_unpack, "data": data, "consume": collections.deque})
    return {name: timeit.Timer(stmt, globals=env, timer=time.process_time) for name, (stmt, env) in out.items()}


def sample(timer, numbers, name, ms):
    """CPU ns per call over about ms milliseconds; the call count per timeit batch is found once per case."""
    if name not in numbers:
        number = 1
        while timer.timeit(number) < 0.005:   # batches of about 5 ms of CPU
            number *= 2
        numbers[name] = number
    goal = ms / 1000.0
    calls = 0
    spent = 0.0
    while spent < goal:
        spent += timer.timeit(numbers[name])
        calls += numbers[name]
    return spent / calls * 1e9


def main():
    timers = cases()
    numbers = {}
    print("ready " + platform.python_version(), flush=True)
    for line in sys.stdin:
        words = line.split()
        if len(words) != 2 or words[0] not in timers or not words[1].isdigit() or int(words[1]) < 1:
            sys.exit("struct_bench: expected 'CASE MS' with CASE one of %s and MS a positive whole number, got %r"
                     % (" ".join(timers), line.rstrip("\n")))
        print("%s %.3f" % (words[0], sample(timers[words[0]], numbers, words[0], int(words[1]))), flush=True)


if __name__ == "__main__":
    main()
