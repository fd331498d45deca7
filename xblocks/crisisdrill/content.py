"""The crisis drill's content model: OLX <-> frozen dataclasses <-> JSON, validation, public view.

Pure: lxml and the kit's pure modules only (no XBlock, no Django).

    <crisisdrill start="dark" mode="assessment" timer="on">
      <intro>...</intro>
      <variable id="water" label="Ūdens (l)" initial="2" min="0" max="30"/>
      <step id="dark" time_limit="45" timeout="wait"><text>...</text>
        <choice id="radio" goto="info" points="2" effects="battery-=5" requires="battery>=10" critical="false">
          <label>...</label><feedback>... <source href="..." title="..."/></feedback>
        </choice>
      </step>
      <checklist id="kit" goto="plan" capacity="12" text="..."><option id="w" size="6" required="true">..</option>
      <order id="siren" goto="next"><text>...</text><option id="inside">...</option>...</order>
      <ending id="safe" rating="good"><text>...</text></ending>
      <debrief>... <source .../></debrief>
      <card><prepare>...</prepare><call>...</call><listen>...</listen></card>   (optional extension)
    </crisisdrill>

`checklist` and `order` may carry `<feedback>` (with sources) shown after the node
in practice mode and in the debrief. A checklist's text may be an attribute (as
in docs/OLX.md) or a `<text>` child; it is exported as a `<text>` child.
The code: model.py (dataclasses, effects, conditions), olx_io.py (OLX reader and
writer), this module (the contract: TAG, ATTRIBUTES, parse, to_node, to_json,
from_json, validate, public, ContentError; empty, is_empty, EMPTY_HINT for a new
block), graph.py (reachability, dead ends, best score), grading.py, shuffle.py (the
learner's order of choices and options).
"""

import re

from noturiba import editor_markup, olx
from noturiba.messages import Message

from . import shuffle
from .checks import all_markup, validate  # noqa: F401  (the module contract: validation lives in checks.py)
from .model import (  # noqa: F401 - re-exported: the blocks and tests import the model from here
    ATTRIBUTES,
    CONDITION_OPS,
    EFFECT_OPS,
    ID_PATTERN,
    MAX_POINTS,
    MAX_TIME_LIMIT,
    MODES,
    NODE_KINDS,
    RATINGS,
    TAG,
    Card,
    Checklist,
    Choice,
    Condition,
    ContentError,
    Drill,
    Effect,
    Ending,
    Option,
    Order,
    Step,
    Variable,
    apply_effects,
    effects_text,
    initial_values,
    parse_condition,
    parse_effects,
)
from .olx_io import parse, to_node  # noqa: F401 - the module contract

# A block Studio has just created (from field defaults) has no drill yet: what its author adds first.
EMPTY_HINT = Message("Add a first step and an ending in the editor.")


def empty():
    """The model of a block that has no content yet (no nodes, no start)."""
    return Drill(start="", nodes=())


def is_empty(model):
    return not model.nodes


# model <-> JSON ----------------------------------------------------------------

def _sources_json(sources):
    return [{"href": href, "title": title} for href, title in sources]


def _node_json(item):
    if isinstance(item, Step):
        return {"kind": "step", "id": item.id, "text": item.text, "time_limit": item.time_limit,
                "timeout": item.timeout, "choices": [{
                    "id": c.id, "goto": c.goto, "label": c.label, "points": c.points,
                    "effects": effects_text(c.effects), "requires": c.requires.text() if c.requires else "",
                    "critical": c.critical, "feedback": c.feedback, "sources": _sources_json(c.sources),
                } for c in item.choices]}
    if isinstance(item, Checklist):
        return {"kind": "checklist", "id": item.id, "goto": item.goto, "text": item.text,
                "capacity": item.capacity, "feedback": item.feedback, "sources": _sources_json(item.sources),
                "options": [{"id": o.id, "label": o.label, "size": o.size, "required": o.required,
                             "harmful": o.harmful, "critical": o.critical} for o in item.options]}
    if isinstance(item, Order):
        return {"kind": "order", "id": item.id, "goto": item.goto, "text": item.text,
                "feedback": item.feedback, "sources": _sources_json(item.sources),
                "options": [{"id": o.id, "label": o.label, "critical": o.critical} for o in item.options]}
    return {"kind": "ending", "id": item.id, "text": item.text, "rating": item.rating}


def to_json(model):
    """The model as a JSON-safe dict (stored in the block's `content` field, edited in Studio)."""
    return {
        "start": model.start, "mode": model.mode, "timer": model.timer, "intro": model.intro,
        "variables": [{"id": v.id, "label": v.label, "initial": v.initial, "min": v.min, "max": v.max}
                      for v in model.variables],
        "nodes": [_node_json(item) for item in model.nodes],
        "debrief": model.debrief, "debrief_sources": _sources_json(model.debrief_sources),
        "card": None if model.card is None else {
            "prepare": model.card.prepare, "call": model.card.call, "listen": model.card.listen},
    }


# What XML 1.0 cannot carry (an export would fail): C0 controls but tab, LF and CR, lone surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Reader:
    """Typed access to editor JSON; every malformed value becomes a ContentError."""

    def __init__(self, data, where):
        if not isinstance(data, dict):
            raise ContentError(Message("The drill data is malformed at {where}.", where=where))
        self.data = data
        self.where = where

    def _bad(self, key):
        return ContentError(Message("The drill data is malformed at {where}.", where=f"{self.where}.{key}"))

    def str(self, key, default=None, *, optional=False, identifier=False):
        value = self.data.get(key, default)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > olx.MAX_TEXT_CHARS:
            raise self._bad(key)
        value = _NOT_XML.sub("", value)  # pasted text may carry them; they are invisible and OLX cannot store them
        if identifier and not re.fullmatch(ID_PATTERN, value):
            raise ContentError(Message("The id \"{id}\" may hold only letters, digits and _ . : - (at most 100).",
                                       id=value[:100]))
        return value

    def int(self, key, default=None, *, optional=False, minimum=-10**9, maximum=10**9):
        value = self.data.get(key, default)
        if value is None and optional:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
            raise self._bad(key)
        return value

    def float(self, key, default=0.0, *, minimum=0.0, maximum=MAX_POINTS):
        value = self.data.get(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
            raise self._bad(key)
        if not minimum <= value <= maximum:
            raise self._bad(key)
        return float(value)

    def bool(self, key, default=False):
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self._bad(key)
        return value

    def list(self, key):
        value = self.data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._bad(key)
        return value

    def markup(self, key):
        """Rich text: kept as written when it is well-formed markup; HTML pasted from elsewhere is repaired."""
        value = self.str(key, "")
        if editor_markup.well_formed(value):
            return value.strip()
        repaired = editor_markup.repaired(value)
        if not editor_markup.well_formed(repaired):
            raise ContentError(Message("The text at {where} is not well-formed markup.",
                                       where=f"{self.where}.{key}"))
        return repaired

    def sources(self, key):
        result = []
        for index, entry in enumerate(self.list(key)):
            item = _Reader(entry, f"{self.where}.{key}[{index}]")
            href = item.str("href").strip()
            if not re.match(r"https?://", href):
                raise ContentError(Message("A source link must start with http:// or https://."))
            result.append((href, item.str("title", "") or href))
        return tuple(result)


def _unique(seen, value):
    if value in seen:
        raise ContentError(Message("The id \"{id}\" is used twice in this block.", id=value))
    seen.add(value)
    return value


def _node_from_json(data, where, seen):
    reader = _Reader(data, where)
    kind = reader.str("kind")
    node_id = _unique(seen, reader.str("id", identifier=True))
    if kind == "step":
        choices = []
        for index, entry in enumerate(reader.list("choices")):
            c = _Reader(entry, f"{where}.choices[{index}]")
            choices.append(Choice(
                id=_unique(seen, c.str("id", identifier=True)), goto=c.str("goto").strip(), label=c.markup("label"),
                points=c.float("points"), effects=parse_effects(c.str("effects", "")),
                requires=parse_condition(c.str("requires", "")), critical=c.bool("critical"),
                feedback=c.markup("feedback"), sources=c.sources("sources")))
        timeout = reader.str("timeout", optional=True)
        return Step(id=node_id, text=reader.markup("text"), choices=tuple(choices),
                    time_limit=reader.int("time_limit", optional=True, minimum=5, maximum=MAX_TIME_LIMIT),
                    timeout=timeout.strip() or None if timeout else None)
    if kind in ("checklist", "order"):
        options = []
        for index, entry in enumerate(reader.list("options")):
            o = _Reader(entry, f"{where}.options[{index}]")
            option_id = _unique(seen, o.str("id", identifier=True))
            if kind == "checklist":
                options.append(Option(id=option_id, label=o.markup("label"), size=o.int("size", 1, minimum=0,
                                                                                            maximum=10_000),
                                      required=o.bool("required"), harmful=o.bool("harmful"),
                                      critical=o.bool("critical")))
            else:
                options.append(Option(id=option_id, label=o.markup("label"), critical=o.bool("critical")))
        common = {"id": node_id, "goto": reader.str("goto").strip(), "text": reader.markup("text"),
                  "options": tuple(options), "feedback": reader.markup("feedback"),
                  "sources": reader.sources("sources")}
        if kind == "checklist":
            return Checklist(capacity=reader.int("capacity", optional=True, minimum=0, maximum=100_000), **common)
        return Order(**common)
    if kind == "ending":
        rating = reader.str("rating", "ok")
        if rating not in RATINGS:
            raise reader._bad("rating")
        return Ending(id=node_id, text=reader.markup("text"), rating=rating)
    raise reader._bad("kind")


def from_json(data):
    """The Drill from its JSON; raises ContentError (never KeyError/TypeError) on malformed input."""
    reader = _Reader(data, "drill")
    seen = set()
    variables = []
    for index, entry in enumerate(reader.list("variables")):
        v = _Reader(entry, f"variables[{index}]")
        variable_id = _unique(seen, v.str("id", identifier=True))
        variables.append(Variable(id=variable_id, label=v.str("label", "") or variable_id, initial=v.int("initial", 0),
                                  min=v.int("min", 0), max=v.int("max", 100)))
    nodes = tuple(_node_from_json(entry, f"nodes[{index}]", seen) for index, entry in enumerate(reader.list("nodes")))
    if not nodes:
        raise ContentError(Message("The drill has no steps."))
    mode = reader.str("mode", "practice")
    if mode not in MODES:
        raise reader._bad("mode")
    card = None
    if reader.data.get("card") is not None:
        c = _Reader(reader.data["card"], "card")
        card = Card(prepare=c.markup("prepare"), call=c.markup("call"), listen=c.markup("listen"))
    return Drill(start=reader.str("start", "").strip() or nodes[0].id, nodes=nodes, mode=mode,
                 timer=reader.bool("timer"), intro=reader.markup("intro"), variables=tuple(variables),
                 debrief=reader.markup("debrief"), debrief_sources=reader.sources("debrief_sources"), card=card)


# Learner-safe projection --------------------------------------------------------

def public_variables(model, values):
    return [{"id": v.id, "label": v.label, "value": values.get(v.id, v.initial), "min": v.min, "max": v.max}
            for v in model.variables]


def offered_choices(step, values):
    return [choice for choice in step.choices if choice.requires is None or choice.requires.holds(values)]


def public_node(model, item, values, learner=None, round_=0):
    """One node as the learner may see it now: no goto, points, flags, feedback or right order.

    Choices and options come in the learner's own order (shuffle.py), never the authoring one."""
    base = {"id": item.id, "kind": item.kind, "text": item.text}
    if isinstance(item, Step):
        offered = shuffle.learner_order(offered_choices(item, values), item.id, learner, round_)
        base["choices"] = [{"id": c.id, "label": c.label} for c in offered]
        base["time_limit"] = item.time_limit if (model.timer and item.timeout) else None
    elif isinstance(item, Checklist):
        base["capacity"] = item.capacity
        base["options"] = [{"id": o.id, "label": o.label, "size": o.size}
                           for o in shuffle.learner_order(item.options, item.id, learner, round_)]
    elif isinstance(item, Order):
        base["options"] = [{"id": o.id, "label": o.label}
                           for o in shuffle.learner_order(item.options, item.id, learner, round_)]
    else:
        base["rating"] = item.rating
    return base


def public(model, values=None):
    """The drill's learner-safe summary: intro, the first situation, variables; nothing ahead.
    The same for every learner (it is for nobody: student_view_data)."""
    values = initial_values(model) if values is None else values
    first = model.node(model.start)
    return {
        "mode": model.mode, "timer": model.timer, "intro": model.intro,
        "variables": public_variables(model, values),
        "start": public_node(model, first, values) if first is not None else None,
        "node_count": len(model.nodes),
    }
