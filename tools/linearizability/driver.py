"""Clients that change and read a few shared changefeeds at random, each on
its own keep-alive connection, recording every request's invocation and
response times and answer."""

import http.client
import json
import random
import threading
import time

from history import Operation, answer

# Reads are a third of the mix so that stale or lost state is seen soon.
MIX = {"create": 15, "pause": 15, "resume": 15, "update": 15, "remove": 8, "get": 32}
REQUEST_TIMEOUT_S = 10
RECONNECT_PAUSE_S = 0.02


def request_of(op, key, arg):
    """(method, path, body) of one operation on feed `key`."""
    base = "/api/v2/changefeeds"
    if op == "create":
        return "POST", base, json.dumps({"changefeed_id": key, "sink_uri": arg})
    if op == "update":
        return "PUT", f"{base}/{key}", json.dumps({"sink_uri": arg})
    if op == "get":
        return "GET", f"{base}/{key}", None
    if op == "remove":
        return "DELETE", f"{base}/{key}", None
    return "POST", f"{base}/{key}/{op}", "{}" if op == "resume" else None


class Run:
    """What the clients share: the clock, the history, and which server
    incarnations were killed when."""

    def __init__(self, port, keys, seed):
        self.port, self.keys, self.seed = port, keys, seed
        self.started = time.monotonic_ns()
        self.ops = []
        self.incarnation = 0
        self.killed_at = {}  # incarnation -> when its process was gone
        self.sent_to = []  # (unanswered operation, the incarnation it was sent to)
        self.not_sent = 0  # requests that reached no server (connection refused, or to a dead one)

    def now(self):
        return time.monotonic_ns() - self.started

    def unanswered(self, op, incarnation):
        self.ops.append(op)
        self.sent_to.append((op, incarnation))

    def bound_unanswered(self):
        """An unanswered request took effect, if ever, before the process it
        was sent to died: that is its response time. One sent to the server
        still running may take effect at any time (None). One invoked after
        that death reached no server at all and is left out."""
        unheard = set()
        for op, incarnation in self.sent_to:
            op.ret = self.killed_at.get(incarnation)
            if op.ret is not None and op.ret <= op.call:
                unheard.add(id(op))
        self.ops = [o for o in self.ops if id(o) not in unheard]
        self.not_sent += len(unheard)


class Client(threading.Thread):
    def __init__(self, run, client_id, until_ns):
        super().__init__(name=f"client-{client_id}", daemon=True)
        self.run_, self.id, self.until = run, client_id, until_ns
        self.rng = random.Random(run.seed * 1000 + client_id)
        self.conn, self.conn_incarnation, self.seq = None, None, 0
        self.not_sent = 0  # connection refused: the request never reached a server

    def _connect(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", self.run_.port, timeout=REQUEST_TIMEOUT_S)
        self.conn.connect()
        # Read after connecting: a kill is counted before it is sent, so a
        # connection made to the old process never carries the new number.
        self.conn_incarnation = self.run_.incarnation

    def _drop(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None

    def perform(self, key, op, arg):
        """Sends one operation and records it; False when nothing was sent."""
        method, path, body = request_of(op, key, arg)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        call = self.run_.now()
        try:
            if self.conn is None:
                self._connect()
        except OSError:
            self._drop()
            self.not_sent += 1
            return False
        try:
            self.conn.request(method, path, body, headers)
            resp = self.conn.getresponse()
            data = resp.read()
            ret = self.run_.now()
            out = answer(op, resp.status, data)
            status, why = resp.status, _error_code(data)
        except (OSError, http.client.HTTPException) as e:
            self._drop()
            status, why, out = 0, type(e).__name__, None
        if out is None:
            self.run_.unanswered(Operation(self.id, key, op, arg, call, None, None, status, why),
                                 self.conn_incarnation)
        else:
            self.run_.ops.append(Operation(self.id, key, op, arg, call, ret, out, status, why))
        return True

    def run(self):
        ops, weights = list(MIX), list(MIX.values())
        while self.run_.now() < self.until:
            op = self.rng.choices(ops, weights)[0]
            key = self.rng.choice(self.run_.keys)
            arg = None
            if op in ("create", "update"):
                arg = f"blackhole://?lin=c{self.id}n{self.seq}"  # unique: a read tells which write it saw
            self.seq += 1
            if not self.perform(key, op, arg) or self.conn is None:
                time.sleep(RECONNECT_PAUSE_S)
        self._drop()


def _error_code(body):
    try:
        d = json.loads(body)
        return d.get("error_code", "") if isinstance(d, dict) else ""
    except ValueError:
        return ""


def drive(server, clients, keys, duration_s, crash=False, down_s=0.5, seed=1):
    """Runs `clients` for `duration_s`; with `crash`, SIGKILLs the server
    halfway and restarts it on the same port and data dir. Ends with one
    read of every feed, after every client stopped. Returns the Run."""
    run = Run(server.port, keys, seed)
    until = run.now() + int(duration_s * 1e9)
    threads = [Client(run, i, until) for i in range(clients)]
    for t in threads:
        t.start()
    if crash:
        time.sleep(duration_s / 2)
        run.incarnation += 1
        server.kill()
        run.killed_at[run.incarnation - 1] = run.now()
        run.crash_at = run.killed_at[0]
        time.sleep(down_s)
        server.start()
        run.restarted_at = run.now()
    for t in threads:
        t.join()
    run.not_sent += sum(t.not_sent for t in threads)
    final = Client(run, clients, 0)
    for key in keys:
        final.perform(key, "get", None)
    final._drop()
    run.ended = run.now()
    run.bound_unanswered()
    return run
