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
    ops = sorted(ops, key=lambda o: o.call)
    head = _linked_entries(ops)
    remaining = sum(1 for o in ops if not o.indeterminate)  # an indeterminate op can always go last
    state, linearized, seen, stack = initial, 0, set(), []

    def undo_last_choice():
        """Undoes linearized operations up to and including the last one
        that had alternatives; returns where to look for the next one, or
        None when there is none."""
        nonlocal state, linearized, remaining
        while stack:
            entry, state, forced = stack.pop()
            linearized &= ~(1 << entry.id)
            remaining += not entry.op.indeterminate
            _unlift(entry)
            if not forced:
                return entry.next
        return None

    entry = head.next
    while remaining > 0:
        if entry.is_call:
            o = entry.op
            after, answer = step(state, o.op, o.arg)
            if o.indeterminate or o.out == answer:
                forced = not o.indeterminate and observes_only(o.op, o.out)
                now = linearized | (1 << entry.id)
                memo = (after, _memo_key(now))
                if memo not in seen:
                    seen.add(memo)
                    stack.append((entry, state, forced))
                    state, linearized = after, now
                    remaining -= not o.indeterminate
                    _lift(entry)
                    entry = head.next
                    continue
                if forced:  # the only move from here is known to fail
                    entry = undo_last_choice()
                    if entry is None:
                        return False, len(seen)
                    continue
            entry = entry.next
        elif entry.op.indeterminate:
            # An unanswered operation whose server died at this return: it
            # was not placed before, so it never took effect. Nothing else
            # can be chosen here, so backtracking goes past it.
            call = entry.match
            now = linearized | (1 << call.id)
            memo = (state, _memo_key(now))
            if memo in seen:
                entry = undo_last_choice()
                if entry is None:
                    return False, len(seen)
                continue
            seen.add(memo)
            stack.append((call, state, True))
            linearized = now
            _lift(call)
            entry = head.next
        else:
            # A return whose operation is not linearized yet: nothing later
            # can go before it, so undo the last choice.
            entry = undo_last_choice()
            if entry is None:
                return False, len(seen)
    return True, len(seen)


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
