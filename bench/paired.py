#!/usr/bin/env python3
"""Paired timing of two commands on a shared machine (standard library only).

  paired.py ROUNDS A_LABEL A_COMMAND B_LABEL B_COMMAND

Runs the two commands alternately, ROUNDS times each after one warm-up round, so that a change in the
machine's load falls on both alike (hyperfine runs each command's runs together, and a neighbour's burst
then lands on one row only). Each command is run through `sh -c`, its output discarded. Prints one line
of JSON: per label the minimum, first quartile and median of the wall time and of the CPU time (user +
system of the command and its children), in seconds, and the median over the rounds of A's time over
B's (wall and CPU), the figure a paired comparison reports.
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    child = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"paired.py: {command!r} failed (status {status})")
    return wall, usage.ru_utime + usage.ru_stime


def summary(values):
    ordered = sorted(values)
    return {"min": ordered[0], "q1": ordered[len(ordered) // 4], "median": statistics.median(ordered)}


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    (a_label, a_command), (b_label, b_command) = (sys.argv[2], sys.argv[3]), (sys.argv[4], sys.argv[5])
    runs = {a_label: [], b_label: []}
    for r in range(rounds + 1):
        pair = [(a_label, a_command), (b_label, b_command)]
        if r % 2:
            pair.reverse()  # neither command always runs first
        measured = {label: run(command) for label, command in pair}
        if r > 0:
            for label in runs:
                runs[label].append(measured[label])
    a, b = runs[a_label], runs[b_label]
    out = {label: {"wall": summary([w for w, _ in rs]), "cpu": summary([c for _, c in rs])} for label, rs in runs.items()}
    out["ratio"] = {
        "wall": statistics.median(x[0] / y[0] for x, y in zip(a, b)),
        "cpu": statistics.median(x[1] / y[1] for x, y in zip(a, b)),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
