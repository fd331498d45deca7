"""The civicquiz content model: a bank of questions; OLX <-> model <-> JSON, validation, public view.

Pure: no XBlock, no Django. The OLX is specified in ../shared/OLX.md (civicquiz):

    <civicquiz mode="assessment" draw="5" shuffle="true" certainty="true" min_group="5">
      <question id="saeima-size" type="single" topic="valsts" difficulty="1">
        <prompt>...</prompt>
        <option id="a">50</option> <option id="b" correct="true">100</option>
        <explanation>... <source href="..." title="..."/></explanation>
      </question>
      ...
    </civicquiz>

Question ids are unique in the block; option, item and pair ids are unique in
their question (every question may have options "a", "b", ...). Learner
state refers to these ids only.

This module is the contract the kit uses (TAG, ATTRIBUTES, parse, to_node,
to_json, from_json, validate, public, ContentError; empty, is_empty, EMPTY_HINT
for a new block); the dataclasses live in
model.py and the OLX reader/writer in olx_io.py. `min_group` is None when the
OLX does not set it: the block then uses XBLOCK_SETTINGS["civicquiz"]["min_group"]
(DEFAULT_MIN_GROUP when the platform does not set it either).
"""

import math
import re

import lxml.html
from lxml import etree

from noturiba import olx
from noturiba.html import bounded_html, images_without_alt, sanitize
from noturiba.messages import Message, Problem

from .labels import field_label
from .model import (  # noqa: F401  (the module contract re-exports the model)
    ATTRIBUTES,
    CHILDREN,
    DEFAULT_MIN_GROUP,
    GRADED_TYPES,
    MAX_CHOICES,
    MAX_QUESTIONS,
    MODES,
    SCALE_LIMIT,
    SURVEY_TYPES,
    TAG,
    TYPES,
    ContentError,
    Item,
    Option,
    Pair,
    Question,
    Quiz,
)
from .olx_io import parse, to_node  # noqa: F401

# A block Studio has just created (from field defaults) has an empty bank: what its author adds first.
EMPTY_HINT = Message("Add at least one question in the editor.")


def empty():
    """The model of a block that has no content yet."""
    return Quiz()


def is_empty(model):
    return not model.questions


# model <-> JSON (the Studio editor's format) ----------------------------------

def to_json(model):
    return {
        "mode": model.mode, "draw": model.draw, "shuffle": model.shuffle, "certainty": model.certainty,
        "min_group": model.min_group,
        "questions": [_question_json(q) for q in model.questions],
    }


def _question_json(q):
    data = {"id": q.id, "type": q.type, "prompt": q.prompt, "topic": q.topic, "difficulty": q.difficulty,
            "explanation": q.explanation, "sources": [{"href": h, "title": t} for h, t in q.sources]}
    if q.type in ("single", "multiple"):
        data["options"] = [{"id": o.id, "label": o.label, "correct": o.correct} for o in q.options]
    elif q.type in ("truefalse", "numeric"):
        data["answer"] = q.answer
        if q.type == "numeric":
            data["tolerance"] = q.tolerance
    elif q.type == "order":
        data["items"] = [{"id": i.id, "label": i.label} for i in q.items]
    elif q.type == "match":
        data["pairs"] = [{"id": p.id, "left": p.left, "right": p.right} for p in q.pairs]
    elif q.type == "scale":
        data.update({"min": q.scale_min, "max": q.scale_max, "low": q.low, "high": q.high})
    return data


def _bad():
    return ContentError(Message("The quiz content is malformed."))


# Characters XML 1.0 cannot hold (the content must export as OLX).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(data, key, default="", limit=200_000):
    value = data.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, str) or len(value) > limit:
        raise ContentError(Message("“{name}” must be a text.", name=field_label(key)))
    return NOT_XML.sub("", value)  # pasted text may carry them; they are invisible and OLX cannot store them


def _markup(data, key):
    """Rich text from the editor: kept as written when it is well-formed markup; HTML that is no
    XML (typed "A & B", pasted <br> or unclosed <p>) is repaired into markup, as crisisdrill does."""
    value = _text(data, key)
    if _well_formed(value):
        return value
    cleaned = sanitize(bounded_html(value)).strip()
    return olx.inner_xml(lxml.html.fragment_fromstring(cleaned, create_parent="div")) if cleaned else ""


def _int(data, key, default=None, minimum=None, maximum=None):
    value = data.get(key, default)
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ContentError(Message("“{name}” must be a whole number.", name=field_label(key)))
    try:
        number = int(str(value).strip()) if isinstance(value, str) else value
    except ValueError:
        raise ContentError(Message("“{name}” must be a whole number.", name=field_label(key))) from None
    if isinstance(number, float):
        if not number.is_integer():
            raise ContentError(Message("“{name}” must be a whole number.", name=field_label(key)))
        number = int(number)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ContentError(Message("“{name}” must be between {minimum} and {maximum}.",
                                   name=field_label(key), minimum=minimum, maximum=maximum))
    return number


def _float(data, key, qid):
    value = data.get(key)
    if value is None or value == "":
        return None
    not_a_number = Message("Question {id}: “{name}” must be a number.", id=qid, name=field_label(key))
    if isinstance(value, bool):
        raise ContentError(not_a_number)
    try:
        number = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ContentError(not_a_number) from None
    if not math.isfinite(number):
        raise ContentError(not_a_number)
    return number


def _list(data, key):
    value = data.get(key) or []
    if not isinstance(value, list) or len(value) > MAX_CHOICES:
        raise ContentError(Message("The field {name} must be a list of at most {limit} entries.",
                                   name=key, limit=MAX_CHOICES))
    if not all(isinstance(entry, dict) for entry in value):
        raise ContentError(Message("The field {name} must be a list of at most {limit} entries.",
                                   name=key, limit=MAX_CHOICES))
    return value


def _id(data, seen):
    value = data.get("id")
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_.:-]{1,100}", value.strip()):
        raise ContentError(Message(
            "Every question, option, item and pair needs an id of letters, digits and _ . : - ."))
    value = value.strip()
    if value in seen:
        raise ContentError(Message("The id \"{id}\" is used twice.", id=value))
    seen.add(value)
    return value


def from_json(data):
    """The Quiz in editor JSON; ContentError (never KeyError/TypeError) on malformed input."""
    if not isinstance(data, dict):
        raise _bad()
    mode = data.get("mode", "practice")
    if mode not in MODES:
        raise ContentError(Message("The mode must be one of: {choices}.", choices=", ".join(MODES)))
    for flag in ("shuffle", "certainty"):
        if not isinstance(data.get(flag, False), bool):
            raise ContentError(Message("“{name}” must be true or false.", name=field_label(flag)))
    questions_data = data.get("questions", [])
    if not isinstance(questions_data, list) or len(questions_data) > MAX_QUESTIONS:
        raise ContentError(Message("A quiz may hold at most {limit} questions.", limit=MAX_QUESTIONS))
    seen = set()
    questions = []
    for entry in questions_data:
        if not isinstance(entry, dict):
            raise _bad()
        questions.append(_question_from_json(entry, seen))
    return Quiz(mode=mode, draw=_int(data, "draw", None, 1, MAX_QUESTIONS),
                shuffle=bool(data.get("shuffle", False)), certainty=bool(data.get("certainty", False)),
                min_group=_int(data, "min_group", None, 1, 100_000), questions=tuple(questions))


def _question_from_json(data, seen):
    qid = _id(data, seen)
    kind = data.get("type")
    if kind not in TYPES:
        raise ContentError(Message("Question {id}: the type must be one of: {choices}.",
                                   id=qid, choices=", ".join(TYPES)))
    values = {"id": qid, "type": kind, "prompt": _markup(data, "prompt"), "topic": _text(data, "topic").strip(),
              "difficulty": _int(data, "difficulty", None, 1, 5), "explanation": _markup(data, "explanation")}
    sources = []
    for source in _list(data, "sources"):
        href = _text(source, "href", limit=2000).strip()
        if not re.match(r"https?://", href):
            raise ContentError(Message("Question {id}: a source link must start with http:// or https://.", id=qid))
        sources.append((href, _text(source, "title", limit=2000).strip() or href))
    values["sources"] = tuple(sources)
    parts_seen = set()
    if kind in ("single", "multiple"):
        options = []
        for option in _list(data, "options"):
            correct = option.get("correct", False)
            if not isinstance(correct, bool):
                raise ContentError(Message("The field {name} must be true or false.", name="correct"))
            options.append(Option(_id(option, parts_seen), _markup(option, "label"), correct))
        values["options"] = tuple(options)
    elif kind == "truefalse":
        answer = data.get("answer")
        if answer is not None and not isinstance(answer, bool):
            raise ContentError(Message("Question {id}: the answer must be true or false.", id=qid))
        values["answer"] = answer
    elif kind == "numeric":
        values["answer"] = _float(data, "answer", qid)
        values["tolerance"] = _float(data, "tolerance", qid)
    elif kind == "order":
        values["items"] = tuple(Item(_id(i, parts_seen), _markup(i, "label")) for i in _list(data, "items"))
    elif kind == "match":
        values["pairs"] = tuple(Pair(_id(p, parts_seen), _markup(p, "left"), _markup(p, "right"))
                                for p in _list(data, "pairs"))
    elif kind == "scale":
        values["scale_min"] = _int(data, "min", 1, -100, 100)
        values["scale_max"] = _int(data, "max", 5, -100, 100)
        values["low"] = _text(data, "low")
        values["high"] = _text(data, "high")
    return Question(**values)


# Validation -------------------------------------------------------------------

def validate(model):
    """Problems of a quiz: errors refuse a Studio save, warnings only inform."""
    problems = []

    def error(message, node_id=None):
        problems.append(Problem("error", message, node_id))

    def warning(message, node_id=None):
        problems.append(Problem("warning", message, node_id))

    if not model.questions:
        error(Message("The quiz has no questions; add at least one."))
    if model.draw is not None and model.draw > len(model.questions):
        error(Message("The quiz draws {draw} questions but the bank holds only {count}.",
                      draw=model.draw, count=len(model.questions)))
    if model.draw is not None and model.draw < 1:
        error(Message("The number of questions drawn must be at least 1."))
    if model.min_group is not None and model.min_group < 1:
        error(Message("“{name}” must be at least 1.", name=field_label("min_group")))
    elif model.min_group is not None and model.min_group < DEFAULT_MIN_GROUP and model.mode == "survey":
        warning(Message("With “{name}” below {default}, learners comparing two views can work out how one "
                        "person answered; keep it at {default} or more unless the answers are not sensitive.",
                        name=field_label("min_group"), default=DEFAULT_MIN_GROUP))
    if model.certainty and model.mode == "survey":
        error(Message("Certainty-based marking needs right answers; it cannot be used in survey mode."))
    for q in model.questions:
        _validate_question(model, q, error, warning)
    return problems


def _validate_question(model, q, error, warning):
    survey = model.mode == "survey"
    if survey and q.type not in SURVEY_TYPES:
        error(Message("Question {id}: a survey can ask only single, multiple, scale and text questions.",
                      id=q.id), q.id)
    if not survey and not q.graded:
        error(Message("Question {id}: {type} questions have no right answer and belong in survey mode only.",
                      id=q.id, type=q.type), q.id)
    if not q.prompt.strip() and q.type != "scale":
        error(Message("Question {id} has no prompt.", id=q.id), q.id)
    if q.type in ("single", "multiple"):
        correct = sum(option.correct for option in q.options)
        if len(q.options) < 2:
            error(Message("Question {id} needs at least two options.", id=q.id), q.id)
        if any(not option.label.strip() for option in q.options):
            error(Message("Question {id}: every option needs a text.", id=q.id), q.id)
        if survey and correct:
            warning(Message("Question {id}: survey questions have no right answer; the marks are ignored.",
                            id=q.id), q.id)
        elif not survey and q.type == "single" and correct != 1:
            error(Message("Question {id} is single choice: exactly one option must be marked correct, not {count}.",
                          id=q.id, count=correct), q.id)
        elif not survey and q.type == "multiple" and correct < 1:
            error(Message("Question {id} is multiple choice: mark at least one option correct.", id=q.id), q.id)
    elif q.type == "truefalse" and q.answer is None:
        error(Message("Question {id}: say whether the statement is true or false (answer).", id=q.id), q.id)
    elif q.type == "numeric":
        if not isinstance(q.answer, int | float) or isinstance(q.answer, bool) or not math.isfinite(q.answer):
            error(Message("Question {id}: the answer must be a number.", id=q.id), q.id)
        if q.tolerance is not None and q.tolerance < 0:
            error(Message("Question {id}: the tolerance cannot be negative.", id=q.id), q.id)
    elif q.type == "order" and len(q.items) < 2:
        error(Message("Question {id} needs at least two items to put in order.", id=q.id), q.id)
    elif q.type == "match":
        if len(q.pairs) < 2:
            error(Message("Question {id} needs at least two pairs to match.", id=q.id), q.id)
        if len({p.right.strip() for p in q.pairs}) != len(q.pairs):
            error(Message("Question {id}: two pairs have the same right-hand text.", id=q.id), q.id)
    elif q.type == "scale":
        low, high = q.scale_min, q.scale_max
        if low is None or high is None or low >= high or high - low + 1 > SCALE_LIMIT:
            error(Message("Question {id}: the scale needs min below max and at most 11 points.", id=q.id), q.id)
        if not q.prompt.strip():
            warning(Message("Question {id}: a scale without a prompt; say what is being rated.", id=q.id), q.id)
    markups = [q.prompt, q.explanation, *(o.label for o in q.options), *(i.label for i in q.items),
               *(p.left for p in q.pairs), *(p.right for p in q.pairs)]
    if not all(_well_formed(text) for text in markups):
        error(Message("Question {id}: a text is not valid markup; write & as &amp; and < as &lt;.", id=q.id), q.id)
    if any(images_without_alt(markup) for markup in markups):
        warning(Message("Question {id}: an image has no alt text; describe it for screen reader users.", id=q.id), q.id)


def _well_formed(text):
    try:
        etree.fromstring(f"<wrapper>{text}</wrapper>", etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return True


# The learner-safe projection ---------------------------------------------------

def public_question(q, layout=None, author_order=False):
    """What a learner may see of a question before answering: no correct flags, answers,
    tolerances, explanations or sources, and no authoring order or authored option ids.

    `layout` (views.Layout) gives this learner's orders and shown ids; without it (the public
    view) options and items come without ids, sorted by text, and a match without its right column;
    `author_order` (surveys, which have no right answer): options as written, with their ids.
    """
    data = {"id": q.id, "type": q.type, "prompt": q.prompt, "topic": q.topic}
    if q.type in ("single", "multiple"):
        labels = {o.id: o.label for o in q.options}
        if layout:
            data["options"] = [{"id": shown, "label": labels[oid]} for shown, oid in layout.options[q.id].items()]
        elif author_order:
            data["options"] = [{"id": oid, "label": label} for oid, label in labels.items()]
        else:
            data["options"] = [{"label": label} for label in sorted(labels.values())]
    elif q.type == "order":
        labels = {i.id: i.label for i in q.items}
        data["items"] = ([{"id": iid, "label": labels[iid]} for iid in layout.items[q.id]]
                         if layout else [{"label": label} for label in sorted(labels.values())])
    elif q.type == "match":
        rights = {p.id: p.right for p in q.pairs}
        data["left"] = [{"id": p.id, "label": p.left} for p in q.pairs]
        data["right"] = ([{"id": opaque, "label": rights[pid]} for opaque, pid in layout.right[q.id].items()]
                         if layout else [])
    elif q.type == "scale":
        data.update({"min": q.scale_min, "max": q.scale_max, "low": q.low, "high": q.high})
    elif q.type == "text":
        data["max_length"] = 2000
    return data


def public(model, layout=None):
    """The learner-safe projection of the quiz (student_view_data).

    With `layout` (views.Layout: one learner's draw) the learner's drawn questions in their
    orders, with the ids their page uses; without one only what is the same for every learner
    (no question at all in the graded modes: a bank, its authoring order or a draw not the
    learner's own would tell more than the page; a survey's questions, which have no answers).
    """
    if layout is not None:
        questions = [public_question(q, layout) for q in layout.questions]
    elif model.mode == "survey":
        questions = [public_question(q, author_order=True) for q in model.questions]
    else:
        questions = []
    bank = len(model.questions)
    return {
        "mode": model.mode, "draw": model.draw, "certainty": model.certainty, "min_group": model.min_group,
        "question_count": len(layout.questions) if layout is not None else min(model.draw or bank, bank),
        "questions": questions,
    }
