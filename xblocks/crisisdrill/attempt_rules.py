"""The rules of a drill attempt (pure: no XBlock, no Django; block.py applies them).

An attempt is `drill_state` (block.py's docstring has its shape). These functions decide what a
request may do to it and what it becomes; the block only loads, stores and publishes.
"""

from dataclasses import dataclass

from noturiba.messages import Message

from . import clock as clocks
from . import content, grading
from .content import Ending


def fresh(model, attempts):
    return {"node": model.start, "vars": content.initial_values(model), "path": [], "finished": False,
            "round": attempts}


def cleaned(model, saved, attempts):
    """The saved attempt made to fit the current content (an edited drill never crashes a learner)."""
    state = dict(saved or {})
    if not state:
        return fresh(model, attempts)
    declared = {v.id: v.initial for v in model.variables}
    values = state.get("vars") if isinstance(state.get("vars"), dict) else {}
    state["vars"] = {key: values.get(key, initial) if isinstance(values.get(key), int) else initial
                     for key, initial in declared.items()}
    state["path"] = grading.clean_path(model, state.get("path"))
    if not isinstance(state.get("round"), int):
        state["round"] = attempts
    return state


def graded_now(mode, attempts):
    """Whether the current attempt is graded: always in assessment, only the first one in practice."""
    return mode == "assessment" or not attempts


def in_progress(model, state, attempts):
    """Whether restarting now would end a graded attempt: at least one decision, not finished."""
    return (graded_now(model.mode, attempts) and bool(state.get("path")) and not state.get("finished")
            and model.node(state.get("node")) is not None)


def restart_refusal(model, state, *, attempts, attempts_left, can_submit, past_due):
    """Why restarting is not allowed now (a Message), or None. Past the due date no attempt starts."""
    if past_due is not None:
        return past_due
    if model.mode != "assessment" or model.node(state.get("node")) is None:
        return None  # practice is unlimited; an edited drill always lets the learner start again
    if not can_submit:
        return Message("You have used all your attempts.")
    if in_progress(model, state, attempts) and attempts_left == 1:
        return Message("This is your last attempt: finish it to get its grade.")
    return None


@dataclass(frozen=True)
class Refusal:
    message: Message
    status: int = 400


def decision_refusal(model, state, node_id, kind, *, can_submit):
    """Why a decision on `node_id` (of `kind`) is refused now, or None: only the current node takes one."""
    if model.mode == "assessment" and not can_submit:
        return Refusal(Message("This drill is closed: no attempts are left."))
    if state.get("finished"):
        return Refusal(Message("This attempt is finished. Start a new attempt to play again."))
    item = model.node(node_id)
    if item is None or model.node(state.get("node")) is None:
        return Refusal(Message("The drill was updated. Please restart it."), status=409)
    if item.id != state["node"]:
        return Refusal(Message("This is not the current situation of your drill. Reload the page."))
    if item.kind != kind:
        return Refusal(Message("This action does not fit the current situation."))
    return None


def advance(model, state, entry, target, *, now, timed, timer_paused):
    """Record `entry` and move to `target` (in place). A timed target's clock starts now: the learner's
    decision shows it (a timer turned off holds it). Returns the Ending reached, or None."""
    entry["at"] = int(now)
    state["path"] = [*state["path"], entry]
    state["node"] = target
    item = model.node(target)
    state.pop("clock", None)
    if timed(item):
        state["clock"] = clocks.start(item.id, now, paused=timer_paused)
    if not isinstance(item, Ending):
        return None
    state["path"].append({"node": item.id, "at": entry["at"]})
    state["finished"] = True
    return item


@dataclass(frozen=True)
class Kept:
    """What play keeps after a graded attempt: `best_path` (None: unchanged) and the grade to publish
    (`publish`: None, "score" for a better abandoned attempt, "completion" with the score at an ending)."""
    best_path: list | None
    publish: str | None
    fraction: float


def keep_best(previous, path, score, finished):
    """Play keeps the best attempt: its score and its path. A finished attempt always publishes
    the kept grade and completes the drill; an abandoned one publishes only a better grade."""
    better = previous is None or score > previous
    best_path = list(path) if better else None
    if finished:
        return Kept(best_path, "completion", max(previous or 0.0, score))
    return Kept(best_path, "score" if better else None, score)
