"""Validation of a drill (pure): graph errors (graph.py), variables, capacities; missing alt texts warn."""

import re

from noturiba.html import images_without_alt, plain_text
from noturiba.messages import Message, Problem

from . import graph
from .model import Checklist


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


def _checklist_option_problems(item, option):
    if option.critical and not (option.required or option.harmful):
        yield Problem("warning", Message(
            "The item \"{id}\" of \"{node}\" is critical but neither required nor harmful: it changes "
            "nothing.", id=option.id, node=item.id), item.id)
    # The learner view adds "(N units)" after every label; a size also written in the label shows twice.
    if re.search(rf"\(\s*{option.size}(?!\d)", plain_text(option.label)):
        yield Problem("warning", Message(
            "The label of the item \"{id}\" of \"{node}\" already says its size ({size}); the learner view "
            "adds the size after each label, so it would show twice. Take it out of the label.",
            id=option.id, node=item.id, size=option.size), item.id)


def validate(model):
    """Problems of the drill: graph errors (graph.py), variables, capacities; missing alt texts warn."""
    problems = []
    for variable in model.variables:
        if not variable.min <= variable.initial <= variable.max:
            problems.append(Problem("error", Message(
                "The variable \"{id}\" must have min <= initial <= max.", id=variable.id), variable.id))
    problems.extend(graph.problems(model))
    for item in model.nodes:
        for option in item.options if isinstance(item, Checklist) else ():
            problems.extend(_checklist_option_problems(item, option))
    for node_id, markup in all_markup(model):
        if images_without_alt(markup):
            problems.append(Problem("warning", Message(
                "An image in \"{id}\" has no alt text; screen-reader users will miss it.", id=node_id or "intro"),
                node_id))
    return problems
