"""The crisis drill's model: frozen dataclasses, effects and conditions. Pure (no XBlock, no Django, no lxml).

content.py is the module contract (OLX, JSON, validation, public view) and
re-exports these names; olx_io.py reads and writes the OLX.
"""

import re
from dataclasses import dataclass, field

from noturiba.messages import ContentError, Message

TAG = "crisisdrill"
ATTRIBUTES = ("mode", "start", "timer")
MODES = ("practice", "assessment")
RATINGS = ("good", "ok", "bad")
EFFECT_OPS = ("+=", "-=", "=")
CONDITION_OPS = (">=", "<=", "==", "!=", ">", "<")
NODE_KINDS = ("step", "checklist", "order", "ending")
ID_PATTERN = r"[A-Za-z0-9_.:-]{1,100}"
_EFFECT = re.compile(rf"^\s*({ID_PATTERN}?)\s*(\+=|-=|=)\s*(-?\d{{1,9}})\s*$")
_CONDITION = re.compile(rf"^\s*({ID_PATTERN}?)\s*(>=|<=|==|!=|>|<)\s*(-?\d{{1,9}})\s*$")
MAX_TIME_LIMIT = 3600
MAX_POINTS = 1000


@dataclass(frozen=True)
class Variable:
    id: str
    label: str
    initial: int = 0
    min: int = 0
    max: int = 100


@dataclass(frozen=True)
class Effect:
    var: str
    op: str
    amount: int

    def text(self):
        return f"{self.var}{self.op}{self.amount}"


@dataclass(frozen=True)
class Condition:
    var: str
    op: str
    amount: int

    def text(self):
        return f"{self.var}{self.op}{self.amount}"

    def holds(self, values):
        value = values.get(self.var, 0)
        return {
            ">=": value >= self.amount, "<=": value <= self.amount, "==": value == self.amount,
            "!=": value != self.amount, ">": value > self.amount, "<": value < self.amount,
        }[self.op]


@dataclass(frozen=True)
class Choice:
    id: str
    goto: str
    label: str
    points: float = 0.0
    effects: tuple = ()
    requires: Condition | None = None
    critical: bool = False
    feedback: str = ""
    sources: tuple = ()


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    choices: tuple = ()
    time_limit: int | None = None
    timeout: str | None = None
    kind: str = field(default="step", init=False)


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    size: int = 1
    required: bool = False
    harmful: bool = False
    # Checklist: a required item left out, or a harmful item packed, is a critical mistake.
    # Order: this action out of its written place is a critical mistake.
    critical: bool = False


@dataclass(frozen=True)
class Checklist:
    id: str
    goto: str
    text: str
    options: tuple = ()
    capacity: int | None = None
    feedback: str = ""
    sources: tuple = ()
    kind: str = field(default="checklist", init=False)


@dataclass(frozen=True)
class Order:
    id: str
    goto: str
    text: str
    options: tuple = ()  # in the right order
    feedback: str = ""
    sources: tuple = ()
    kind: str = field(default="order", init=False)


@dataclass(frozen=True)
class Ending:
    id: str
    text: str
    rating: str = "ok"
    kind: str = field(default="ending", init=False)


@dataclass(frozen=True)
class Card:
    """The personal action card's author text (each part optional; the block has sourced defaults)."""

    prepare: str = ""
    call: str = ""
    listen: str = ""


@dataclass(frozen=True)
class Drill:
    start: str
    nodes: tuple
    mode: str = "practice"
    timer: bool = False
    intro: str = ""
    variables: tuple = ()
    debrief: str = ""
    debrief_sources: tuple = ()
    card: Card | None = None

    def node(self, node_id):
        return self.index().get(node_id)

    def index(self):
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {node.id: node for node in self.nodes}
            object.__setattr__(self, "_index", cached)
        return cached

    def variable_ids(self):
        return {variable.id for variable in self.variables}


# Effects and conditions --------------------------------------------------------

def parse_effects(text):
    """`"water-=1, battery=5"` -> (Effect, ...); raises ContentError on a malformed part."""
    effects = []
    for part in re.split(r"[,;]", text or ""):
        if not part.strip():
            continue
        match = _EFFECT.match(part)
        if not match:
            raise ContentError(Message("The effect \"{text}\" is not of the form name+=n, name-=n or name=n.",
                                       text=part.strip()[:60]))
        effects.append(Effect(match.group(1), match.group(2), int(match.group(3))))
    return tuple(effects)


def effects_text(effects):
    return ", ".join(effect.text() for effect in effects)


def parse_condition(text):
    if text is None or not text.strip():
        return None
    match = _CONDITION.match(text)
    if not match:
        raise ContentError(Message("The condition \"{text}\" is not of the form name>=n (also <=, >, <, ==, !=).",
                                   text=text.strip()[:60]))
    return Condition(match.group(1), match.group(2), int(match.group(3)))


def apply_effects(effects, values, variables):
    """New variable values after `effects`, clamped to each variable's min/max."""
    bounds = {variable.id: (variable.min, variable.max) for variable in variables}
    result = dict(values)
    for effect in effects:
        if effect.var not in bounds:
            continue
        current = result.get(effect.var, 0)
        value = {"+=": current + effect.amount, "-=": current - effect.amount, "=": effect.amount}[effect.op]
        low, high = bounds[effect.var]
        result[effect.var] = max(low, min(high, value))
    return result


def initial_values(drill):
    return {variable.id: variable.initial for variable in drill.variables}
