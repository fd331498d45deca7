"""The crisis drill's OLX reader and writer (the format: docs/OLX.md, crisisdrill).

parse(node) -> Drill, raising OlxError naming element, id and line; to_node(model, node)
writes it back so that parse(to_node(m)) == m. Rich text is kept as markup (olx.inner_xml).
"""

import html

from lxml import etree

from noturiba import olx
from noturiba.messages import Message
from noturiba.sources import append_sources, read_sources

from .model import (
    MAX_POINTS,
    MAX_TIME_LIMIT,
    MODES,
    NODE_KINDS,
    RATINGS,
    Card,
    Checklist,
    Choice,
    ContentError,
    Drill,
    Ending,
    Option,
    Order,
    Step,
    Variable,
    effects_text,
    parse_condition,
    parse_effects,
)

SOURCE = {"source"}  # in feedback and debrief <source>s (at any depth) are read apart, never part of the markup


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
    return olx.inner_xml(feedback, skip=SOURCE), tuple(read_sources(feedback))


_RICH = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "figure", "figcaption", "img", "span",
         "b", "i", "u", "div", "h3", "h4", "table", "tr", "td", "th", "tbody", "thead", "code", "small", "sup", "sub"}


def _text(node, required=True):
    child = _child(node, "text")
    if child is not None:
        return olx.inner_xml(child)
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
    if label_node is not None:
        label = olx.inner_xml(label_node)
    else:  # docs/OLX.md allows the label as the choice's own text
        label = olx.inner_xml(node, skip={"feedback"})
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
    label = olx.inner_xml(node)
    if not label:
        raise olx.error_at(node, Message("The option needs a text."))
    critical = olx.bool_attr(node, "critical")
    if not checklist:
        return Option(id=option_id, label=label, critical=critical)
    return Option(id=option_id, label=label, size=olx.int_attr(node, "size", 1, minimum=0, maximum=10_000),
                  required=olx.bool_attr(node, "required"), harmful=olx.bool_attr(node, "harmful"),
                  critical=critical)


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
        parts[tag] = olx.inner_xml(child) if child is not None else ""
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
            intro = olx.inner_xml(child)
        elif tag == "debrief":
            debrief, debrief_sources = olx.inner_xml(child, skip=SOURCE), tuple(read_sources(child))
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
        append_sources(element, sources)


def to_node(model, node):
    """Write `model` into the <crisisdrill> element `node` (attributes and children)."""
    olx.set_attrs(node, start=model.start or None, mode=model.mode, timer="on" if model.timer else "off")
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
                                required=True if option.required else None, harmful=True if option.harmful else None,
                                critical=True if option.critical else None)
            _write_feedback(element, item.feedback, item.sources)
        elif isinstance(item, Order):
            element = olx.sub_element(node, "order", None, id=item.id, goto=item.goto)
            olx.sub_element(element, "text", item.text)
            for option in item.options:
                olx.sub_element(element, "option", option.label, id=option.id,
                                critical=True if option.critical else None)
            _write_feedback(element, item.feedback, item.sources)
        else:
            element = olx.sub_element(node, "ending", None, id=item.id, rating=item.rating)
            olx.sub_element(element, "text", item.text)
    if model.debrief or model.debrief_sources:
        element = olx.sub_element(node, "debrief", model.debrief)
        append_sources(element, model.debrief_sources)
    if model.card is not None:
        element = etree.SubElement(node, "card")
        for tag in ("prepare", "call", "listen"):
            if getattr(model.card, tag):
                olx.sub_element(element, tag, getattr(model.card, tag))
    return node
