#!/usr/bin/env python3
"""Floods a `cdc server` with each kind of abuse its limits answer, one kind
at a time, while a probe opens a fresh connection every 100 ms and asks
GET /api/v2/status, as a user's curl would. Reports, per flood, what the
flooders were answered, the probe's latencies during the flood, and the
server's RSS before, at its peak and a few seconds after.

    tools/bench/flood.py [--cdc build/bin/cdc] [--seconds 10] [--only NAME ...]

Standard library only. The figures go to tools/bench/REPORT.md (section
"Floods"); nothing here is a pass/fail test.
"""
import argparse
import collections
import os
import resource
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time

STATUS = b"GET /api/v2/status HTTP/1.1\r\nHost: x\r\n\r\n"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def status_of(data):
    """The status code of the first response in `data`, or 0."""
    if data.startswith(b"HTTP/1.1 "):
        try:
            return int(data[9:12])
        except ValueError:
            pass
    return 0


def read_answer(sock, timeout=5.0):
    """Reads until the headers (and a Content-Length body) are in; b"" on EOF."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = collections.Counter()

    def add(self, what):
        with self.lock:
            self.counts[what] += 1

    def text(self):
        return ", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items(), key=lambda kv: -kv[1]))


def connect(addr):
    s = socket.create_connection(addr, timeout=5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def one_shot(addr, payload, tally):
    """Sends `payload` on a new connection and tallies the answer's status."""
    try:
        with connect(addr) as s:
            s.sendall(payload)
            tally.add(status_of(read_answer(s)) or "closed")
    except (OSError, socket.timeout) as e:
        tally.add(type(e).__name__)


def repeat(stop, fn):
    while not stop.is_set():
        fn()


# Each flood: (name, threads, the work one thread repeats until stopped).
def big_bodies(addr, tally, stop):
    header = b"POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n"
    repeat(stop, lambda: one_shot(addr, header + b"{" * 65536, tally))


def big_headers(addr, tally, stop):
    payload = b"GET /api/v2/status HTTP/1.1\r\nHost: x\r\nX-Junk: " + b"a" * (64 * 1024) + b"\r\n\r\n"
    repeat(stop, lambda: one_shot(addr, payload, tally))


def long_targets(addr, tally, stop):
    payload = b"GET /api/v2/changefeeds/" + b"a" * (12 * 1024) + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    repeat(stop, lambda: one_shot(addr, payload, tally))


def deep_json(addr, tally, stop):
    body = b"[" * 400000 + b"]" * 400000
    header = b"POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body)
    repeat(stop, lambda: one_shot(addr, header + body, tally))


def requests(addr, tally, stop):
    """Keep-alive GETs as fast as one connection goes."""
    list_request = b"GET /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\n\r\n"
    while not stop.is_set():
        try:
            with connect(addr) as s:
                while not stop.is_set():
                    s.sendall(list_request)
                    answer = read_answer(s)
                    tally.add(status_of(answer) or "closed")
                    if not answer:
                        break
        except (OSError, socket.timeout) as e:
            tally.add(type(e).__name__)


def held_connections(addr, tally, stop, per_thread=1500, trickle=False):
    """Opens connections and holds them: idle, or sending a header a byte at a time."""
    held = []
    while not stop.is_set() and len(held) < per_thread:
        try:
            s = socket.create_connection(addr, timeout=2)
            if trickle:
                s.sendall(b"G")
            held.append(s)
            tally.add("opened")
        except OSError as e:
            tally.add(type(e).__name__)
            time.sleep(0.05)
    while not stop.is_set():
        for s in list(held):
            if trickle:
                try:
                    s.sendall(b"E")
                except OSError:
                    held.remove(s)
                    tally.add("closed by server")
        time.sleep(1)
    for s in held:
        s.close()


def held_uploads(addr, tally, stop, sent, hold_at_most, wait):
    """Opens connections that send `sent` (a request cut short) and hold them
    open, the oldest closed past `hold_at_most`; tallies what each was answered
    within `wait` seconds, or "held"."""
    held = []
    while not stop.is_set():
        try:
            s = connect(addr)
            s.sendall(sent)
            held.append(s)
            s.settimeout(wait)
            try:
                answer = s.recv(4096)
                tally.add(status_of(answer) or "closed")
            except socket.timeout:
                tally.add("held")
        except OSError as e:
            tally.add(type(e).__name__)
            time.sleep(0.05)
        if len(held) > hold_at_most:
            held.pop(0).close()
    for s in held:
        s.close()


def unfinished_bodies(addr, tally, stop):
    """Requests whose bodies never come."""
    header = b"POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
    held_uploads(addr, tally, stop, header, 3000, 0.01)


def half_sent_bodies(addr, tally, stop):
    """Uploads that stop halfway: 1 MiB of a 10 MiB body, then nothing."""
    header = b"POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n"
    held_uploads(addr, tally, stop, header + b" " * (1024 * 1024), 200, 0.05)


FLOODS = {
    "requests": (32, requests),
    "big-bodies": (8, big_bodies),
    "big-headers": (8, big_headers),
    "long-targets": (8, long_targets),
    "deep-json": (4, deep_json),
    "idle-connections": (8, lambda a, t, s: held_connections(a, t, s)),
    "trickled-headers": (4, lambda a, t, s: held_connections(a, t, s, trickle=True)),
    "unfinished-bodies": (8, unfinished_bodies),
    "half-sent-bodies": (4, half_sent_bodies),
}


def probe(addr, stop, latencies, failures):
    while not stop.is_set():
        started = time.monotonic()
        try:
            with connect(addr) as s:
                s.sendall(STATUS)
                ok = status_of(read_answer(s)) == 200
        except (OSError, socket.timeout):
            ok = False
        took = (time.monotonic() - started) * 1000
        if ok:
            latencies.append(took)
        else:
            failures.append(took)
        time.sleep(max(0.0, 0.1 - took / 1000))


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def run_flood(name, addr, pid, seconds):
    threads, work = FLOODS[name]
    tally, stop, probe_stop = Tally(), threading.Event(), threading.Event()
    latencies, failures = [], []
    before = rss_kib(pid)
    workers = [threading.Thread(target=work, args=(addr, tally, stop), daemon=True) for _ in range(threads)]
    for w in workers:
        w.start()
    time.sleep(1)  # the flood builds up before the probe starts
    prober = threading.Thread(target=probe, args=(addr, probe_stop, latencies, failures), daemon=True)
    prober.start()
    peak, deadline = before, time.monotonic() + seconds
    while time.monotonic() < deadline:
        peak = max(peak, rss_kib(pid))
        time.sleep(0.2)
    probe_stop.set()
    prober.join()
    stop.set()
    for w in workers:
        w.join(timeout=10)
    time.sleep(5)  # closed connections drain, freed pages go back (jemalloc's decay is 1 s)
    after = rss_kib(pid)
    return {
        "name": name,
        "answers": tally.text(),
        "probes": len(latencies) + len(failures),
        "failed": len(failures),
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "max": max(latencies) if latencies else float("nan"),
        "rss": (before, peak, after),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cdc", default="build/bin/cdc")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--only", nargs="*", choices=sorted(FLOODS), default=sorted(FLOODS))
    parser.add_argument("--server-args", default="", help="more `cdc server` flags")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    data = tempfile.mkdtemp(prefix="cdc-flood-")
    port = 18400
    server = subprocess.Popen([args.cdc, "server", f"--addr=127.0.0.1:{port}", f"--data-dir={data}",
                               "--log-level=error"] + args.server_args.split(),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        server.stdout.readline()  # "cdc server listening on ..."
        addr = ("127.0.0.1", port)
        print("| flood | flooders were answered | probe p50 / p99 / max (ms) | probes failed | "
              "RSS before → peak → after (MiB) |")
        print("|---|---|---|---|---|")
        for name in args.only:
            r = run_flood(name, addr, server.pid, args.seconds)
            b, p, a = (x / 1024 for x in r["rss"])
            print(f"| {name} | {r['answers']} | {r['p50']:.1f} / {r['p99']:.1f} / {r['max']:.1f} | "
                  f"{r['failed']} of {r['probes']} | {b:.1f} → {p:.1f} → {a:.1f} ({(a / b - 1) * 100:+.0f} %) |",
                  flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
        subprocess.run(["rm", "-rf", data])


if __name__ == "__main__":
    main()
