"""The civicquiz content model: a bank of questions; OLX <-> model <-> JSON, validation, public view.

Pure: no XBlock, no Django. The OLX is specified in docs/OLX.md (civicquiz):

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
for a new block); the dataclasses live in model.py, the OLX reader/writer in
olx_io.py and each question type's rules in question_types/. `min_group` is None when the
OLX does not set it: the block then uses XBLOCK_SETTINGS["civicquiz"]["min_group"]
(DEFAULT_MIN_GROUP when the platform does not set it either).
"""

import re

from noturiba.messages import Message

from .checks import validate  # noqa: F401  (the module contract: validation lives in checks.py)
from .editor_fields import entries, markup, text, unique_id, whole
from .labels import field_label
from .model import (  # noqa: F401  (the module contract re-exports the model)
    ATTRIBUTES,
    DEFAULT_MIN_GROUP,
    MAX_CHOICES,
    MAX_QUESTIONS,
    MODES,
    SCALE_LIMIT,
    TAG,
    ContentError,
    Item,
    Option,
    Pair,
    Question,
    Quiz,
)
from .olx_io import parse, to_node  # noqa: F401
from .question_types import TYPES, graded_names, of, survey_names

# For readers of the contract (the modules themselves ask TYPES, so a type added there counts).
GRADED_TYPES = graded_names()
SURVEY_TYPES = survey_names()

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
    data.update(of(q).write_json(q))
    return data


def _bad():
    return ContentError(Message("The quiz content is malformed."))


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
    return Quiz(mode=mode, draw=whole(data, "draw", None, 1, MAX_QUESTIONS),
                shuffle=bool(data.get("shuffle", False)), certainty=bool(data.get("certainty", False)),
                min_group=whole(data, "min_group", None, 1, 100_000), questions=tuple(questions))


def _question_from_json(data, seen):
    qid = unique_id(data, seen)
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in TYPES:
        raise ContentError(Message("Question {id}: the type must be one of: {choices}.",
                                   id=qid, choices=", ".join(TYPES)))
    values = {"id": qid, "type": kind, "prompt": markup(data, "prompt"), "topic": text(data, "topic").strip(),
              "difficulty": whole(data, "difficulty", None, 1, 5), "explanation": markup(data, "explanation")}
    sources = []
    for source in entries(data, "sources"):
        href = text(source, "href", limit=2000).strip()
        if not re.match(r"https?://", href):
            raise ContentError(Message("Question {id}: a source link must start with http:// or https://.", id=qid))
        sources.append((href, text(source, "title", limit=2000).strip() or href))
    values["sources"] = tuple(sources)
    values.update(TYPES[kind].read_json(data, qid, set()))
    return Question(**values)


# The learner-safe projection ---------------------------------------------------

def public_question(q, layout=None, author_order=False):
    """What a learner may see of a question before answering: no correct flags, answers,
    tolerances, explanations or sources, and no authoring order or authored option ids.

    `layout` (views.Layout) gives this learner's orders and shown ids; without it (the public
    view) options and items come without ids, sorted by text, and a match without its right column;
    `author_order` (surveys, which have no right answer): options as written, with their ids.
    """
    data = {"id": q.id, "type": q.type, "prompt": q.prompt, "topic": q.topic}
    data.update(of(q).public(q, layout, author_order))
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
