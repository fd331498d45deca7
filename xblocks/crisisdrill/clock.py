"""The clock of a timed step (issue 14; WCAG 2.2.1: the learner may pause, extend or turn it off). Pure.

The server keeps one clock in the attempt's state, `drill_state["clock"]` = {"node": the timed step,
"started": epoch seconds, "extra": seconds added with +30 s, "held": seconds spent paused before,
"paused": epoch seconds of the running pause or None}. It starts when the learner starts the step:
a decision that leads to it, or the explicit start of the attempt's first step (the page shows that
step before the learner has read the intro). A reload reads the clock back, so it never resets time.

Timeouts are checked, not enforced: the `timeout` handler takes the timeout branch only once the
clock has run out, but a decision after the deadline still counts, because a learner may turn the
timer off at any moment (WCAG 2.2.1) and so a deadline cannot be a grading rule.
"""

import math

EXTEND_SECONDS = 30
MAX_EXTRA = 3600
# A timeout may arrive this early: the page counts from the time the server sent, after latency.
GRACE_SECONDS = 2


def start(node_id, now, paused=False):
    return {"node": node_id, "started": float(now), "extra": 0, "held": 0.0, "paused": float(now) if paused else None}


def of(state, node_id):
    """The saved clock of `node_id`, or None (another step's, missing or malformed)."""
    clock = state.get("clock")
    if not isinstance(clock, dict) or clock.get("node") != node_id:
        return None
    numbers = (clock.get("started"), clock.get("held"), clock.get("extra"))
    if not all(isinstance(value, int | float) and not isinstance(value, bool) for value in numbers):
        return None
    if clock.get("paused") is not None and not isinstance(clock.get("paused"), int | float):
        return None
    return dict(clock)


def remaining(clock, limit, now):
    """Seconds left (0 at the least)."""
    paused_for = now - clock["paused"] if clock.get("paused") is not None else 0.0
    used = now - clock["started"] - clock["held"] - paused_for
    return max(0.0, limit + clock["extra"] - used)


def pause(clock, now):
    if clock.get("paused") is None:
        clock["paused"] = float(now)
    return clock


def resume(clock, now):
    if clock.get("paused") is not None:
        clock["held"] = clock["held"] + max(0.0, now - clock["paused"])
        clock["paused"] = None
    return clock


def extend(clock):
    clock["extra"] = min(MAX_EXTRA, clock["extra"] + EXTEND_SECONDS)
    return clock


def act(clock, action, node_id, now):
    """The clock after `action` (start, pause, resume, extend); None if it has not started yet.
    Starting again changes nothing, so no action resets the time."""
    if clock is None:
        return start(node_id, now) if action == "start" else None
    if action == "pause":
        return pause(clock, now)
    if action == "resume":
        return resume(clock, now)
    return extend(clock) if action == "extend" else clock


def expired(clock, limit, now):
    """Whether a timeout may be taken now: the clock runs (not paused) and has (about) run out."""
    return clock is not None and clock.get("paused") is None and remaining(clock, limit, now) <= GRACE_SECONDS


def public(clock, limit, now):
    """What the page needs: started, whole seconds left, paused."""
    if clock is None:
        return {"started": False, "limit": limit, "remaining": limit, "paused": False}
    return {"started": True, "limit": limit, "remaining": math.ceil(remaining(clock, limit, now)),
            "paused": clock.get("paused") is not None}
