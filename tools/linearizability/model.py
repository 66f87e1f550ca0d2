"""The sequential specification of one changefeed, as the server implements it.

A feed is absent (None) or a pair (state, sink_uri). The sink URI is in the
state because every create and update sends a client-unique one, so a read
tells which write it saw: a lost or reordered update is visible.

Every answer below was taken from the server, not guessed:
model/changefeed/state_machine.cpp (create, pause, resume, remove),
model/changefeed/update_rules.cpp (update), actors/control/owner_ops.cpp
(what an absent feed answers) and http/routes/changefeeds.cpp, and checked
by hand against /var/tmp/lin-cdc. With the blackhole sink a running feed
stays `normal`, so `error`, `failed` and `finished` never occur here; a read
showing one is unexplained, as it should be.
"""

NORMAL = "normal"
STOPPED = "stopped"

# What an answer says, as the checker compares it. An answer with a body
# that matters carries the feed's state and sink URI.
OK = ("ok",)
NOT_EXISTS = ("err", "CDC:ErrChangeFeedNotExists")
ALREADY_EXISTS = ("err", "CDC:ErrChangeFeedAlreadyExists")
# ErrChangefeedUpdateRefused has two causes a client can tell apart by message.
UPDATE_NOT_STOPPED = ("err", "CDC:ErrChangefeedUpdateRefused", "not stopped")
UPDATE_SAME = ("err", "CDC:ErrChangefeedUpdateRefused", "same config")

OPS = ("create", "pause", "resume", "update", "remove", "get")


def detail(feed):
    """The part of a changefeed detail (create, update, get) the model predicts."""
    state, sink = feed
    return ("ok", state, sink)


def step(feed, op, arg=None):
    """Applies `op` to `feed`; returns (the feed after, the answer the server gives).

    `arg` is the sink URI of a create or an update.
    """
    if op == "get":
        return feed, NOT_EXISTS if feed is None else detail(feed)
    if op == "remove":
        return None, OK  # idempotent: an absent feed answers 200 too
    if op == "create":
        if feed is not None:
            return feed, ALREADY_EXISTS
        after = (NORMAL, arg)
        return after, detail(after)
    if feed is None:
        return None, NOT_EXISTS  # pause, resume and update of an absent feed
    state, sink = feed
    if op == "pause":
        return (STOPPED, sink), OK  # a stopped feed ignores it, still 200
    if op == "resume":
        return (NORMAL, sink), OK  # a normal feed ignores it, still 200
    if op == "update":
        if state != STOPPED:
            return feed, UPDATE_NOT_STOPPED
        if arg == sink:
            return feed, UPDATE_SAME
        after = (STOPPED, arg)
        return after, detail(after)
    raise ValueError("unknown op " + repr(op))


def observes_only(op, answer):
    """Whether an operation with this answer leaves every state as it was:
    a read, or any refusal."""
    return op == "get" or answer[0] == "err"
