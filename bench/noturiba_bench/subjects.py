"""The five blocks measured: ours (from their scenarios/*.xml) and the two peers.

For each: how to build it in the workbench runtime, its main learner action
(the handler and a valid payload for a new learner), any untimed preparation,
its workbench scenario page, and what "interactive" means in the browser.
"""

import os
from dataclasses import dataclass, field
from importlib import resources

OURS = ("mediacheck", "crisisdrill", "civicquiz")
PEERS = ("poll", "drag-and-drop-v2")
BASELINE_PEER = "poll"


@dataclass
class Subject:
    key: str
    label: str
    ours: bool
    block_type: str
    xml: str = ""
    scenario_title: str = ""
    scenario_file: str = ""
    # Browser: a CSS selector (inside the block) whose first match, enabled, means interactive.
    ready_selector: str = "button:not([disabled])"
    notes: list = field(default_factory=list)

    def action(self, block):
        """(handler name, JSON payload) of the main learner action, for a learner with no state yet."""
        return ACTIONS[self.key](block)

    def prepare(self, block):
        """Untimed learner actions that the main action needs first; yields (handler, payload)."""
        return PREPARE.get(self.key, lambda _block: [])(block)


# Our blocks ----------------------------------------------------------------------------

def our_scenarios(block_type):
    folder = resources.files(block_type).joinpath("scenarios")
    if not folder.is_dir():
        return []
    return sorted((e.name, e.read_text(encoding="utf-8")) for e in folder.iterdir() if e.name.endswith(".xml"))


def _pick_scenario(block_type):
    """NOTURIBA_BENCH_SCENARIO_<BLOCK>=<file name> picks one; else the first file (the workbench's .0)."""
    scenarios = our_scenarios(block_type)
    if not scenarios:
        raise LookupError(f"{block_type} has no scenarios/*.xml yet")
    wanted = os.environ.get(f"NOTURIBA_BENCH_SCENARIO_{block_type.upper()}")
    for name, xml in scenarios:
        if name == wanted:
            return name, xml
    return scenarios[0]


def _mode(block):
    return getattr(block.model, "mode", "practice")


def mediacheck_action(block):
    model = block.model
    verdicts = [v.id for v in model.scale]

    def answer(item):
        data = {"verdict": getattr(item, "verdict", None) or verdicts[0]}
        if getattr(model, "confidence", False):
            data["confidence"] = 80
        return data

    if _mode(block) == "practice":
        item = model.items[0]
        return "check_item", {"item": item.id, **answer(item)}
    return "submit", {"answers": {item.id: answer(item) for item in model.items}}


def crisisdrill_action(block):
    from crisisdrill import content
    state = block.current_state()
    step = block.model.node(state["node"])
    offered = content.offered_choices(step, state["vars"])
    return "choose", {"node": step.id, "choice": offered[0].id}


def _civic_answer(q, layout):
    kind = q.type
    shown = list(layout.options.get(q.id, ()))  # the ids the page shows (a dict shown -> option, or a list)
    if kind == "single":
        return shown[0]
    if kind == "multiple":
        return shown[:1]
    if kind == "truefalse":
        return True
    if kind == "numeric":
        return 1
    if kind == "order":
        return list(layout.items[q.id])
    if kind == "match":
        return {pair.id: opaque for pair, opaque in zip(q.pairs, layout.right[q.id], strict=False)}
    if kind == "scale":
        return q.scale_min
    return "Bench answer"


def civicquiz_action(block):
    layout = block.layout()
    certainty = bool(getattr(block.model, "certainty", False))
    if _mode(block) == "practice":
        q = layout.questions[0]
        payload = {"question": q.id, "answer": _civic_answer(q, layout)}
        if certainty:
            payload["certainty"] = 2
        return "check", payload
    payload = {"answers": {q.id: _civic_answer(q, layout) for q in layout.questions}}
    if certainty:
        payload["certainty"] = {q.id: 2 for q in layout.questions}
    return "submit", payload


# Peers -------------------------------------------------------------------------------

POLL_XML = "<poll />"  # the workbench's "Default Poll" (poll.0)
DND_XML = "<drag-and-drop-v2 mode='assessment' max_attempts='3'/>"  # "Drag-and-drop-v2 assessment"


def poll_action(block):
    return "vote", {"choice": block.answers[0][0]}


def dnd_prepare(block):
    """Place every item in its (first) zone, as a learner does before submitting."""
    for item in block.data["items"]:
        zones = item.get("zones") or []
        yield "drop_item", {"val": item["id"], "zone": zones[0] if zones else None, "x_percent": "50%",
                            "y_percent": "50%"}


def dnd_action(block):
    return "do_attempt", {}


ACTIONS = {"mediacheck": mediacheck_action, "crisisdrill": crisisdrill_action, "civicquiz": civicquiz_action,
           "poll": poll_action, "drag-and-drop-v2": dnd_action}
PREPARE = {"drag-and-drop-v2": dnd_prepare}


def build():
    """All subjects; a block whose package or scenario is missing is returned as an error string."""
    subjects, errors = [], {}
    for block_type in OURS:
        try:
            name, xml = _pick_scenario(block_type)
            from noturiba.olx import parse_string
            title = parse_string(xml).get("display_name") or name
            subjects.append(Subject(block_type, block_type, True, block_type, xml, title, name))
        except Exception as error:  # noqa: BLE001 - one missing block must not stop the bench
            errors[block_type] = f"{type(error).__name__}: {error}"
    subjects.append(Subject("poll", "xblock-poll", False, "poll", POLL_XML, "Default Poll",
                            ready_selector="input[type=radio]:not([disabled])"))
    subjects.append(Subject("drag-and-drop-v2", "xblock-drag-and-drop-v2", False, "drag-and-drop-v2", DND_XML,
                            "Drag-and-drop-v2 assessment",
                            ready_selector=".item-bank .option[tabindex], .item-bank [draggable=true]"))
    return subjects, errors
