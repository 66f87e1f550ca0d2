"""Wing & Gong's linearizability check with Lowe's memoisation, as Porcupine
runs it: a depth-first search for a serial order of the operations that
respects real time (an operation that returned before another was invoked
comes first) and in which every answer is the one the model gives.

Changefeeds are independent objects, so a history is linearizable exactly
when each feed's sub-history is (P-compositionality): each key is checked
on its own, which keeps the search small.
"""

import time
from dataclasses import dataclass

import model

_NEVER = float("inf")


class _Entry:
    """A call or a return event in the doubly linked list the search lifts
    operations out of."""
    __slots__ = ("op", "id", "time", "is_call", "match", "prev", "next")

    def __init__(self, op, id_, at, is_call):
        self.op, self.id, self.time, self.is_call = op, id_, at, is_call
        self.match = self.prev = self.next = None


def _linked_entries(ops):
    """The call and return events of `ops` in time order behind a sentinel.
    At equal times calls come first: the two operations then count as
    concurrent, which never rejects a valid order."""
    events = []
    for i, o in enumerate(ops):
        call = _Entry(o, i, o.call, True)
        ret = _Entry(o, i, _NEVER if o.ret is None else o.ret, False)
        call.match, ret.match = ret, call
        events += [call, ret]
    events.sort(key=lambda e: (e.time, not e.is_call, e.id))
    head = _Entry(None, -1, -1, False)
    prev = head
    for e in events:
        prev.next, e.prev = e, prev
        prev = e
    return head


def _lift(call):
    call.prev.next, call.next.prev = call.next, call.prev
    ret = call.match
    ret.prev.next = ret.next
    if ret.next is not None:
        ret.next.prev = ret.prev


def _unlift(call):
    ret = call.match
    ret.prev.next = ret
    if ret.next is not None:
        ret.next.prev = ret
    call.prev.next = call
    call.next.prev = call


def _memo_key(linearized):
    """A canonical, small form of the set of linearized operations: the
    highest one, and the few below it not yet linearized (operations are
    numbered in call order, so everything long finished is in)."""
    top = linearized.bit_length()
    holes = ~linearized & ((1 << top) - 1)
    missing = []
    while holes:
        low = holes & -holes
        missing.append(low.bit_length())
        holes ^= low
    return top, tuple(missing)


@dataclass
class KeyResult:
    key: str
    ops: int
    indeterminate: int
    linearizable: bool
    memo_entries: int
    seconds: float


class _Search:
    """The depth-first search over one object's operations. Each step
    places the call of an operation that may go next; the stack holds what
    was placed, with the state before it, to undo on a dead end."""

    def __init__(self, ops, step, initial, observes_only):
        self.head = _linked_entries(sorted(ops, key=lambda o: o.call))
        self.step, self.observes_only = step, observes_only
        self.state, self.linearized, self.seen, self.stack = initial, 0, set(), []
        # Determinate operations not placed yet; an indeterminate one can
        # always go after all of them.
        self.remaining = sum(1 for o in ops if not o.indeterminate)

    def _place(self, call, after, forced):
        """Places `call`, leaving `after`; False when this (state, set) was
        reached before, and so led nowhere. `forced`: no alternative here."""
        now = self.linearized | (1 << call.id)
        memo = (after, _memo_key(now))
        if memo in self.seen:
            return False
        self.seen.add(memo)
        self.stack.append((call, self.state, forced))
        self.state, self.linearized = after, now
        self.remaining -= not call.op.indeterminate
        _lift(call)
        return True

    def _backtrack(self):
        """Undoes placements up to and including the last one that had
        alternatives; returns the entry to try next, None when none is left."""
        while self.stack:
            call, self.state, forced = self.stack.pop()
            self.linearized &= ~(1 << call.id)
            self.remaining += not call.op.indeterminate
            _unlift(call)
            if not forced:
                return call.next
        return None

    def run(self):
        entry = self.head.next
        while self.remaining > 0:
            if entry is None:
                return False
            if entry.is_call:
                o = entry.op
                after, answer = self.step(self.state, o.op, o.arg)
                if o.indeterminate or o.out == answer:
                    forced = not o.indeterminate and self.observes_only(o.op, o.out)
                    if self._place(entry, after, forced):
                        entry = self.head.next
                    elif forced:  # its only move is known to fail
                        entry = self._backtrack()
                    else:
                        entry = entry.next
                else:
                    entry = entry.next
            elif entry.op.indeterminate:
                # The server of this unanswered operation died here, and it
                # was not placed before: it never took effect (no alternative).
                placed = self._place(entry.match, self.state, True)
                entry = self.head.next if placed else self._backtrack()
            else:
                # A return whose operation is not placed yet: nothing later
                # can go before it, so undo the last choice.
                entry = self._backtrack()
        return True


def check_ops(ops, step=model.step, initial=None, observes_only=model.observes_only):
    """Whether one object's operations are linearizable; and how many
    (linearized set, state) pairs the search visited.

    An operation that changes nothing in any state (`observes_only`: a
    read, a refusal) and can go first goes first, with no alternative
    tried: in any valid order it could be moved to the front, as nothing
    before it returned before it was invoked and it changes no later state.
    Without this, the many refusals queued behind a slow remove would make
    the search try every subset of them.
    """
    search = _Search(ops, step, initial, observes_only)
    return search.run(), len(search.seen)


def by_key(ops):
    keys = {}
    for o in ops:
        keys.setdefault(o.key, []).append(o)
    return dict(sorted(keys.items()))


def check_history(ops):
    """One KeyResult per changefeed ID, each feed starting absent."""
    results = []
    for key, key_ops in by_key(ops).items():
        started = time.perf_counter()
        ok, memo = check_ops(key_ops)
        results.append(KeyResult(key, len(key_ops), sum(o.indeterminate for o in key_ops), ok, memo,
                                 time.perf_counter() - started))
    return results


def cut(ops, at):
    """The history as it stood at time `at`: operations invoked by then,
    those not answered by then made indeterminate. A prefix of a
    linearizable history is linearizable, so a cut that fails is a witness."""
    out = []
    for o in ops:
        if o.call > at:
            continue
        if o.ret is None or o.ret > at:
            o = type(o)(**{**o.__dict__, "ret": None, "out": None})
        out.append(o)
    return out


def shortest_failing_cut(ops):
    """The earliest cut of a non-linearizable history that is still not
    linearizable (binary search: failing is monotonic in the cut time); the
    violation is among its last operations."""
    times = sorted({o.call for o in ops} | {o.ret for o in ops if o.ret is not None})
    lo, hi = 0, len(times) - 1  # cut(times[hi]) fails
    while lo < hi:
        mid = (lo + hi) // 2
        if check_ops(cut(ops, times[mid]))[0]:
            lo = mid + 1
        else:
            hi = mid
    return cut(ops, times[hi])
