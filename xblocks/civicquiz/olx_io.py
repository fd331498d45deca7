"""civicquiz OLX <-> model (pure). The OLX is specified in docs/OLX.md (civicquiz)."""

from dataclasses import replace

from noturiba import olx
from noturiba.messages import Message
from noturiba.sources import append_sources, read_sources

from .model import MAX_CHOICES, MAX_QUESTIONS, MODES, Item, Option, Pair, Question, Quiz
from .question_types import TYPES

# OLX -> model -----------------------------------------------------------------

def parse(node):
    """The Quiz in a <civicquiz> element; OlxError naming element, id and line on bad input."""
    mode = olx.choice_attr(node, "mode", MODES, "practice")
    quiz = Quiz(
        mode=mode,
        draw=olx.int_attr(node, "draw", None, minimum=1, maximum=MAX_QUESTIONS),
        shuffle=olx.bool_attr(node, "shuffle", False),
        certainty=olx.bool_attr(node, "certainty", False),
        min_group=olx.int_attr(node, "min_group", None, minimum=1, maximum=100_000),
    )
    seen = set()
    questions = []
    for child in olx.children(node, {"question"}):
        questions.append(_parse_question(child, seen))
    if len(questions) > MAX_QUESTIONS:
        raise olx.error_at(node, Message("A quiz may hold at most {limit} questions.", limit=MAX_QUESTIONS))
    return replace(quiz, questions=tuple(questions))


def _parse_question(node, seen):
    question_id = olx.required_id(node, seen)
    kind = TYPES[olx.choice_attr(node, "type", TYPES, "single")]
    values = {"id": question_id, "type": kind.name, "topic": (node.get("topic") or "").strip(),
              "difficulty": olx.int_attr(node, "difficulty", None, minimum=1, maximum=5)}
    parts_seen = set()
    options, items, pairs = [], [], []
    for child in olx.children(node, kind.children):
        tag = olx.local_name(child.tag)
        if tag == "prompt":
            values["prompt"] = olx.inner_xml(child)
        elif tag == "explanation":
            values["explanation"] = olx.inner_xml(child, skip={"source"})
            values["sources"] = tuple(read_sources(child))
        elif tag == "option":
            options.append(Option(olx.required_id(child, parts_seen), olx.inner_xml(child),
                                  olx.bool_attr(child, "correct", False)))
        elif tag == "item":
            items.append(Item(olx.required_id(child, parts_seen), olx.inner_xml(child)))
        elif tag == "pair":
            pairs.append(_parse_pair(child, parts_seen))
    if len(options) + len(items) + len(pairs) > MAX_CHOICES:
        raise olx.error_at(node, Message("A question may hold at most {limit} options.", limit=MAX_CHOICES))
    values.update(kind.read_olx(node))
    return Question(options=tuple(options), items=tuple(items), pairs=tuple(pairs), **values)


def _parse_pair(node, seen):
    pair_id = olx.required_id(node, seen)
    sides = {}
    for child in olx.children(node, {"left", "right"}):
        sides[olx.local_name(child.tag)] = olx.inner_xml(child)
    for side in ("left", "right"):
        if not sides.get(side):
            raise olx.error_at(node, Message("A <pair> needs a <{side}> element with text.", side=side))
    return Pair(pair_id, sides["left"], sides["right"])


# model -> OLX -----------------------------------------------------------------

def to_node(model, node):
    """Write the quiz's attributes and questions into `node` (parse(to_node(m)) == m)."""
    olx.set_attrs(node, mode=model.mode, draw=model.draw,
                  shuffle=True if model.shuffle else None,
                  certainty=True if model.certainty else None,
                  min_group=model.min_group)
    for question in model.questions:
        _question_node(node, question)
    return node


def _question_node(parent, q):
    attrs = {"id": q.id, "type": q.type, "topic": q.topic or None, "difficulty": q.difficulty}
    attrs.update(TYPES[q.type].write_olx(q))
    node = olx.sub_element(parent, "question", **attrs)
    if q.prompt:
        olx.sub_element(node, "prompt", q.prompt)
    for option in q.options:
        olx.sub_element(node, "option", option.label, id=option.id, correct=True if option.correct else None)
    for item in q.items:
        olx.sub_element(node, "item", item.label, id=item.id)
    for pair in q.pairs:
        pair_node = olx.sub_element(node, "pair", id=pair.id)
        olx.sub_element(pair_node, "left", pair.left)
        olx.sub_element(pair_node, "right", pair.right)
    if q.explanation or q.sources:
        explanation = olx.sub_element(node, "explanation", q.explanation)
        append_sources(explanation, q.sources)

