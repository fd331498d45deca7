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
in OLX.md) or a `<text>` child; it is exported as a `<text>` child.
Graph rules (reachability, dead ends, best score) live in graph.py.
"""

import copy
import html
import re
from dataclasses import dataclass, field

from lxml import etree

from noturiba import olx
from noturiba.html import images_without_alt
from noturiba.messages import Message, Problem

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


class ContentError(ValueError):
    """Malformed editor JSON (or a malformed effect/condition), with a translatable Message."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message

    def render(self, gettext=None, ngettext=None):
        return self.message.render(gettext, ngettext)


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


# OLX -> model ----------------------------------------------------------------

def _markup(node, skip=("source",)):
    """The mixed content of `node` as markup, like olx.inner_xml but exact.

    Kit workarounds: inner_xml leaves the node's text and the children's tails
    unescaped ("Tom &amp; Jerry" came back as "Tom & Jerry", which is no longer
    markup) and copies the xmlns declarations of an exported root onto each child.
    """
    escape = _escape
    parts = [escape(node.text or "")]
    for child in node:
        if isinstance(child.tag, str) and olx.local_name(child.tag) in skip:
            parts.append(escape(child.tail or ""))
            continue
        if isinstance(child.tag, str) and child.nsmap:
            clean = copy.deepcopy(child)
            clean.tail = None
            etree.cleanup_namespaces(clean)
            parts.append(etree.tostring(clean, encoding="unicode", with_tail=False))
        else:
            parts.append(etree.tostring(child, encoding="unicode", with_tail=False))
        parts.append(escape(child.tail or ""))
    return "".join(parts).strip()


def _escape(text):
    return html.escape(text, quote=False) if text else ""


def _child(node, tag):
    for child in node:
        if isinstance(child.tag, str) and olx.local_name(child.tag) == tag:
            return child
    return None


def _wrap(node, call):
    try:
        return call()
    except ContentError as error:
        raise olx.error_at(node, error.message) from None


def _feedback(node):
    feedback = _child(node, "feedback")
    if feedback is None:
        return "", ()
    olx.children(feedback, _RICH | {"source"})
    return _markup(feedback), tuple(olx.read_sources(feedback))


_RICH = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "figure", "figcaption", "img", "span",
         "b", "i", "u", "div", "h3", "h4", "table", "tr", "td", "th", "tbody", "thead", "code", "small", "sup", "sub"}


def _text(node, required=True):
    child = _child(node, "text")
    if child is not None:
        return _markup(child)
    attribute = node.get("text")
    if attribute is not None and attribute.strip():
        return html.escape(attribute.strip(), quote=False)
    if required:
        raise olx.error_at(node, Message("The element needs a <text> with the situation."))
    return ""


def _choice(node, seen):
    choice_id = olx.required_id(node, seen)
    olx.children(node, {"label", "feedback"} | _RICH)
    label_node = _child(node, "label")
    label = _markup(label_node) if label_node is not None else _markup(node, skip=("feedback", "source"))
    if not label:
        raise olx.error_at(node, Message("The choice needs a <label>."))
    feedback, sources = _feedback(node)
    return Choice(
        id=choice_id,
        goto=olx.text_attr(node, "goto", required=True).strip(),
        label=label,
        points=olx.float_attr(node, "points", 0.0, minimum=0, maximum=MAX_POINTS),
        effects=_wrap(node, lambda: parse_effects(node.get("effects"))),
        requires=_wrap(node, lambda: parse_condition(node.get("requires"))),
        critical=olx.bool_attr(node, "critical"),
        feedback=feedback,
        sources=sources,
    )


def _step(node, seen):
    step_id = olx.required_id(node, seen)
    kids = olx.children(node, {"text", "choice"})
    choices = tuple(_choice(child, seen) for child in kids if olx.local_name(child.tag) == "choice")
    timeout = olx.text_attr(node, "timeout")
    return Step(id=step_id, text=_text(node), choices=choices,
                time_limit=olx.int_attr(node, "time_limit", minimum=5, maximum=MAX_TIME_LIMIT),
                timeout=timeout.strip() if timeout and timeout.strip() else None)


def _option(node, seen, checklist):
    option_id = olx.required_id(node, seen)
    label = _markup(node)
    if not label:
        raise olx.error_at(node, Message("The option needs a text."))
    if not checklist:
        return Option(id=option_id, label=label)
    return Option(id=option_id, label=label, size=olx.int_attr(node, "size", 1, minimum=0, maximum=10_000),
                  required=olx.bool_attr(node, "required"), harmful=olx.bool_attr(node, "harmful"))


def _checklist(node, seen):
    node_id = olx.required_id(node, seen)
    kids = olx.children(node, {"text", "option", "feedback"})
    options = tuple(_option(child, seen, True) for child in kids if olx.local_name(child.tag) == "option")
    feedback, sources = _feedback(node)
    return Checklist(id=node_id, goto=olx.text_attr(node, "goto", required=True).strip(), text=_text(node),
                     options=options, capacity=olx.int_attr(node, "capacity", minimum=0, maximum=100_000),
                     feedback=feedback, sources=sources)


def _order(node, seen):
    node_id = olx.required_id(node, seen)
    kids = olx.children(node, {"text", "option", "feedback"})
    options = tuple(_option(child, seen, False) for child in kids if olx.local_name(child.tag) == "option")
    feedback, sources = _feedback(node)
    return Order(id=node_id, goto=olx.text_attr(node, "goto", required=True).strip(), text=_text(node),
                 options=options, feedback=feedback, sources=sources)


def _ending(node, seen):
    node_id = olx.required_id(node, seen)
    olx.children(node, {"text"})
    return Ending(id=node_id, text=_text(node), rating=olx.choice_attr(node, "rating", RATINGS, "ok"))


def _card(node):
    olx.children(node, {"prepare", "call", "listen"})
    parts = {}
    for tag in ("prepare", "call", "listen"):
        child = _child(node, tag)
        parts[tag] = _markup(child) if child is not None else ""
    return Card(**parts)


_READERS = {"step": _step, "checklist": _checklist, "order": _order, "ending": _ending}


def parse(node):
    """The Drill in `node` (a <crisisdrill> element); raises OlxError naming element, id and line."""
    seen = set()
    intro, debrief, debrief_sources, card = "", "", (), None
    variables, nodes = [], []
    for child in olx.children(node, {"intro", "variable", "debrief", "card", *NODE_KINDS}):
        tag = olx.local_name(child.tag)
        if tag == "intro":
            intro = _markup(child)
        elif tag == "debrief":
            debrief, debrief_sources = _markup(child), tuple(olx.read_sources(child))
        elif tag == "card":
            card = _card(child)
        elif tag == "variable":
            variables.append(Variable(
                id=olx.required_id(child, seen), label=olx.text_attr(child, "label", default="") or child.get("id"),
                initial=olx.int_attr(child, "initial", 0), min=olx.int_attr(child, "min", 0),
                max=olx.int_attr(child, "max", 100)))
        else:
            nodes.append(_READERS[tag](child, seen))
    if not nodes:
        raise olx.error_at(node, Message("The drill has no steps."))
    start = (node.get("start") or "").strip() or nodes[0].id
    timer = olx.choice_attr(node, "timer", ("on", "off"), "off") == "on"
    return Drill(start=start, nodes=tuple(nodes), mode=olx.choice_attr(node, "mode", MODES, "practice"),
                 timer=timer, intro=intro, variables=tuple(variables), debrief=debrief,
                 debrief_sources=debrief_sources, card=card)


# model -> OLX ----------------------------------------------------------------

def _write_feedback(parent, markup, sources):
    if markup or sources:
        element = olx.sub_element(parent, "feedback", markup)
        olx.append_sources(element, sources)


def to_node(model, node):
    """Write `model` into the <crisisdrill> element `node` (attributes and children)."""
    olx.set_attrs(node, start=model.start, mode=model.mode, timer="on" if model.timer else "off")
    if model.intro:
        olx.sub_element(node, "intro", model.intro)
    for variable in model.variables:
        olx.sub_element(node, "variable", None, id=variable.id, label=variable.label, initial=variable.initial,
                        min=variable.min, max=variable.max)
    for item in model.nodes:
        if isinstance(item, Step):
            element = olx.sub_element(node, "step", None, id=item.id, time_limit=item.time_limit,
                                      timeout=item.timeout)
            olx.sub_element(element, "text", item.text)
            for choice in item.choices:
                child = olx.sub_element(
                    element, "choice", None, id=choice.id, goto=choice.goto, points=choice.points,
                    effects=effects_text(choice.effects) or None,
                    requires=choice.requires.text() if choice.requires else None,
                    critical=True if choice.critical else None)
                olx.sub_element(child, "label", choice.label)
                _write_feedback(child, choice.feedback, choice.sources)
        elif isinstance(item, Checklist):
            element = olx.sub_element(node, "checklist", None, id=item.id, goto=item.goto, capacity=item.capacity)
            olx.sub_element(element, "text", item.text)
            for option in item.options:
                olx.sub_element(element, "option", option.label, id=option.id, size=option.size,
                                required=True if option.required else None, harmful=True if option.harmful else None)
            _write_feedback(element, item.feedback, item.sources)
        elif isinstance(item, Order):
            element = olx.sub_element(node, "order", None, id=item.id, goto=item.goto)
            olx.sub_element(element, "text", item.text)
            for option in item.options:
                olx.sub_element(element, "option", option.label, id=option.id)
            _write_feedback(element, item.feedback, item.sources)
        else:
            element = olx.sub_element(node, "ending", None, id=item.id, rating=item.rating)
            olx.sub_element(element, "text", item.text)
    if model.debrief or model.debrief_sources:
        element = olx.sub_element(node, "debrief", model.debrief)
        olx.append_sources(element, model.debrief_sources)
    if model.card is not None:
        element = etree.SubElement(node, "card")
        for tag in ("prepare", "call", "listen"):
            if getattr(model.card, tag):
                olx.sub_element(element, tag, getattr(model.card, tag))
    return node


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
                             "harmful": o.harmful} for o in item.options]}
    if isinstance(item, Order):
        return {"kind": "order", "id": item.id, "goto": item.goto, "text": item.text,
                "feedback": item.feedback, "sources": _sources_json(item.sources),
                "options": [{"id": o.id, "label": o.label} for o in item.options]}
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
        value = self.str(key, "")
        try:
            etree.fromstring(f"<wrapper>{value}</wrapper>".encode())
        except etree.XMLSyntaxError:
            raise ContentError(Message("The text at {where} is not well-formed markup.",
                                       where=f"{self.where}.{key}")) from None
        return value.strip()

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
                                      required=o.bool("required"), harmful=o.bool("harmful")))
            else:
                options.append(Option(id=option_id, label=o.markup("label")))
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


# Validation --------------------------------------------------------------------

def all_markup(model):
    """(node id, markup) of every rich text in the drill."""
    yield None, model.intro
    yield None, model.debrief
    for item in model.nodes:
        yield item.id, item.text
        for choice in getattr(item, "choices", ()):
            yield item.id, choice.label
            yield item.id, choice.feedback
        for option in getattr(item, "options", ()):
            yield item.id, option.label
        yield item.id, getattr(item, "feedback", "")


def validate(model):
    """Problems of the drill: graph errors (graph.py), variables, capacities; missing alt texts warn."""
    from . import graph  # noqa: PLC0415 - graph imports this module

    problems = []
    for variable in model.variables:
        if not variable.min <= variable.initial <= variable.max:
            problems.append(Problem("error", Message(
                "The variable \"{id}\" must have min <= initial <= max.", id=variable.id), variable.id))
    problems.extend(graph.problems(model))
    for node_id, markup in all_markup(model):
        if images_without_alt(markup):
            problems.append(Problem("warning", Message(
                "An image in \"{id}\" has no alt text; screen-reader users will miss it.", id=node_id or "intro"),
                node_id))
    return problems


# Learner-safe projection --------------------------------------------------------

def public_variables(model, values):
    return [{"id": v.id, "label": v.label, "value": values.get(v.id, v.initial), "min": v.min, "max": v.max}
            for v in model.variables]


def offered_choices(step, values):
    return [choice for choice in step.choices if choice.requires is None or choice.requires.holds(values)]


def public_node(model, item, values, order_seed=0):
    """One node as the learner may see it now: no goto, points, flags, feedback or right order."""
    base = {"id": item.id, "kind": item.kind, "text": item.text}
    if isinstance(item, Step):
        base["choices"] = [{"id": c.id, "label": c.label} for c in offered_choices(item, values)]
        base["time_limit"] = item.time_limit if (model.timer and item.timeout) else None
    elif isinstance(item, Checklist):
        base["capacity"] = item.capacity
        base["options"] = [{"id": o.id, "label": o.label, "size": o.size} for o in item.options]
    elif isinstance(item, Order):
        base["options"] = [{"id": o.id, "label": o.label} for o in shuffled(item.options, order_seed)]
    else:
        base["rating"] = item.rating
    return base


def shuffled(options, seed):
    """A deterministic order of `options` that is never the right one (when there are two or more)."""
    items = list(options)
    if len(items) < 2:
        return items
    # A small LCG permutation: stable for one seed, no global random state.
    state = (seed or 1) & 0xFFFFFFFF
    for index in range(len(items) - 1, 0, -1):
        state = (1103515245 * state + 12345) & 0x7FFFFFFF
        other = state % (index + 1)
        items[index], items[other] = items[other], items[index]
    if [o.id for o in items] == [o.id for o in options]:
        items = items[1:] + items[:1]
    return items


def public(model, values=None, order_seed=0):
    """The drill's learner-safe summary: intro, the first situation, variables; nothing ahead."""
    values = initial_values(model) if values is None else values
    first = model.node(model.start)
    return {
        "mode": model.mode, "timer": model.timer, "intro": model.intro,
        "variables": public_variables(model, values),
        "start": public_node(model, first, values, order_seed) if first is not None else None,
        "node_count": len(model.nodes),
    }
