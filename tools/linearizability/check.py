#!/usr/bin/env python3
"""Checks a recorded history (JSON lines, see history.py) for
linearizability against the changefeed model, one feed at a time, and
prints per feed the operations, how many were indeterminate, the memo
entries the search visited and its time; then the checker's time and peak
memory. Exits 1 on a violation, after writing the shortest failing cut of
each failing feed beside the history and printing its last operations.

  check.py HISTORY.jsonl
"""

import argparse
import resource
import sys
import time

import checker
import history

SHOWN = 16


def describe(o, origin):
    ret = "never seen" if o.ret is None else f"{(o.ret - origin) / 1e6:9.3f}"
    out = "indeterminate (" + (o.why or str(o.status)) + ")" if o.out is None else " ".join(map(str, o.out))
    arg = f" {o.arg}" if o.arg else ""
    return f"  client {o.client:>2} {(o.call - origin) / 1e6:9.3f} .. {ret:>10} ms  {o.op}{arg} -> {out}"


def report_violation(path, key, ops):
    witness = checker.shortest_failing_cut(ops)
    out_path = f"{path}.violation-{key}.jsonl"
    history.write(out_path, witness)
    origin = min(o.call for o in witness)
    print(f"{key}: not linearizable; the shortest failing cut has {len(witness)} operations ({out_path}),"
          f" its last {min(SHOWN, len(witness))} by invocation:")
    for o in sorted(witness, key=lambda o: o.call)[-SHOWN:]:
        print(describe(o, origin))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("history")
    args = p.parse_args()
    ops = history.read(args.history)
    started = time.perf_counter()
    results = checker.check_history(ops)
    seconds = time.perf_counter() - started
    print(f"{'feed':<10} {'ops':>7} {'indeterminate':>13} {'memo entries':>12} {'seconds':>8}  result")
    for r in results:
        print(f"{r.key:<10} {r.ops:>7} {r.indeterminate:>13} {r.memo_entries:>12} {r.seconds:>8.2f}  "
              + ("linearizable" if r.linearizable else "NOT LINEARIZABLE"))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'total':<10} {len(ops):>7} {sum(r.indeterminate for r in results):>13} "
          f"{sum(r.memo_entries for r in results):>12} {seconds:>8.2f}  checker peak RSS {peak_mib:.0f} MiB")
    failing = [r.key for r in results if not r.linearizable]
    for key in failing:
        report_violation(args.history, key, checker.by_key(ops)[key])
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
