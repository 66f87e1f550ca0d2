#!/usr/bin/env python3
"""Linearizability of the changefeed API under concurrent writes.

Starts `cdc server` on a free port and a fresh data dir, runs CLIENTS
clients doing random create, pause, resume, update, remove and get on KEYS
shared changefeed IDs for DURATION seconds, then checks the recorded history
(check.py). The crash variant SIGKILLs the server halfway and restarts it on
the same port and data dir: every acknowledged operation must still be
explained, so state that was acknowledged must have survived.

  run.py --cdc build/bin/cdc                   # 20 s plain, 20 s with a crash
  run.py --cdc build/bin/cdc --duration 60     # the full runs, by hand

Histories and server logs go to --out (a temporary directory by default,
removed when every check passed, kept otherwise). Exits 1 on a violation.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import driver
import history
from server import Server

HERE = os.path.dirname(os.path.abspath(__file__))


def summarize(run, variant):
    ops = run.ops
    answered = sum(o.out is not None for o in ops)
    refused = sum(o.out is not None and o.out[0] == "err" for o in ops)
    line = (f"{variant}: {len(ops)} operations in {run.ended / 1e9:.1f} s ({answered - refused} ok,"
            f" {refused} refused, {len(ops) - answered} indeterminate; {run.not_sent} not sent)")
    if hasattr(run, "crash_at"):
        line += f"; SIGKILL at {run.crash_at / 1e9:.1f} s, serving again at {run.restarted_at / 1e9:.1f} s"
    print(line, flush=True)


def run_variant(args, variant, out_dir):
    vdir = os.path.join(out_dir, variant)
    os.makedirs(vdir)
    server = Server(args.cdc, os.path.join(vdir, "data"), os.path.join(vdir, "server.log"))
    server.start()
    try:
        keys = [f"lin-{i}" for i in range(args.keys)]
        run = driver.drive(server, args.clients, keys, args.duration, crash=(variant == "crash"),
                           seed=args.seed)
    finally:
        server.stop()
    summarize(run, variant)
    path = os.path.join(vdir, "history.jsonl")
    history.write(path, run.ops)
    return subprocess.call([sys.executable, os.path.join(HERE, "check.py"), path]) == 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cdc", required=True, help="the cdc binary")
    p.add_argument("--duration", type=float, default=20, help="seconds per variant (default 20)")
    p.add_argument("--clients", type=int, default=32)
    p.add_argument("--keys", type=int, default=8, help="shared changefeed IDs (default 8)")
    p.add_argument("--variants", default="plain,crash", help="plain, crash or both (default)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", help="directory for histories and logs (kept)")
    args = p.parse_args()
    out_dir = args.out or tempfile.mkdtemp(prefix="cdc-lin-")
    os.makedirs(out_dir, exist_ok=True)
    passed = all([run_variant(args, v, out_dir) for v in args.variants.split(",")])
    if passed and not args.out:
        shutil.rmtree(out_dir)
    elif not passed:
        print(f"histories and server logs kept in {out_dir}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
