"""A history: every request a run sent, with its invocation and response
times and what its answer said, one JSON object per line.

An operation whose answer the client never saw (a timeout, a broken
connection, a 5xx other than TiCDC's "already exists") is indeterminate: it
may or may not have taken effect, so its response time is infinite (`ret`
None) unless the run knows a bound (the server it went to was killed).
"""

import json
from dataclasses import dataclass
from typing import Optional

import model


@dataclass
class Operation:
    client: int
    key: str
    op: str
    arg: Optional[str]
    call: int  # monotonic ns since the run began
    ret: Optional[int]  # None: no answer seen, may take effect any time after `call`
    out: Optional[tuple]  # the answer as the model states it; None when indeterminate
    status: int = 0  # HTTP status, 0 when there was none
    why: str = ""  # the error code, or why no answer came

    @property
    def indeterminate(self):
        return self.out is None

    def to_json(self):
        return json.dumps({"client": self.client, "key": self.key, "op": self.op, "arg": self.arg,
                           "call": self.call, "ret": self.ret, "out": self.out,
                           "status": self.status, "why": self.why}, separators=(",", ":"))

    @staticmethod
    def from_json(line):
        o = json.loads(line)
        out = o.get("out")
        return Operation(client=o["client"], key=o["key"], op=o["op"], arg=o.get("arg"), call=o["call"],
                         ret=o.get("ret"), out=tuple(out) if out is not None else None,
                         status=o.get("status", 0), why=o.get("why", ""))


def answer(op, status, body):
    """What an HTTP answer to `op` says, in the model's terms; None when it
    says nothing definite (the operation is then indeterminate)."""
    if 200 <= status < 300:
        if op in ("create", "update", "get"):
            d = json.loads(body)
            return ("ok", d.get("state"), d.get("sink_uri"))
        return model.OK
    try:
        err = json.loads(body)
    except ValueError:
        err = {}
    code = err.get("error_code", "")
    # TiCDC answers "already exists" with a 500; it is still a refusal.
    if status >= 500 and code != model.ALREADY_EXISTS[1]:
        return None
    if code == model.UPDATE_NOT_STOPPED[1]:
        msg = err.get("error_msg", "")
        if "can only update changefeed config when it is stopped" in msg:
            return model.UPDATE_NOT_STOPPED
        if "same with the old one" in msg:
            return model.UPDATE_SAME
        return ("err", code, msg)  # a refusal the model has no rule for: unexplained
    return ("err", code)


def write(path, ops):
    with open(path, "w") as f:
        for o in ops:
            f.write(o.to_json() + "\n")


def read(path):
    with open(path) as f:
        return [Operation.from_json(line) for line in f if line.strip()]
