"""True or false and numeric questions: one value is the answer (a numeric one within a tolerance)."""

import math

from noturiba import olx
from noturiba.messages import N_, ContentError, Message

from .. import editor_fields as fields
from .base import QuestionType, wrong_shape


def _normalize_truefalse(q, answer):
    if not isinstance(answer, bool):
        raise wrong_shape(q)
    return answer


def _read_truefalse_json(data, qid, parts_seen):
    answer = data.get("answer")
    if answer is not None and not isinstance(answer, bool):
        raise ContentError(Message("Question {id}: the answer must be true or false.", id=qid))
    return {"answer": answer}


def _validate_truefalse(q, survey, error, warning):
    if q.answer is None:
        error(Message("Question {id}: say whether the statement is true or false (answer).", id=q.id), q.id)


def _yes_no(answer):
    return "true" if answer else "false"


TRUEFALSE = QuestionType(
    "truefalse", N_("True or false"), normalize=_normalize_truefalse,
    score=lambda q, answer: 1.0 if answer == q.answer else 0.0, solution=lambda q: q.answer,
    validate=_validate_truefalse, read_json=_read_truefalse_json, write_json=lambda q: {"answer": q.answer},
    read_olx=lambda node: {"answer": olx.bool_attr(node, "answer", None)},
    write_olx=lambda q: {"answer": q.answer},
    view=lambda q, layout, answer, labels: {"value": "" if answer is None else _yes_no(answer)},
    report=lambda q, answer: _yes_no(answer), graded_values=lambda answer: [_yes_no(answer)])


def _normalize_numeric(q, answer):
    if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
        raise wrong_shape(q)
    return float(answer)


def _score_numeric(q, answer):
    """1 when |answer - expected| <= tolerance (default 0), else 0."""
    if q.answer is None:
        return 0.0
    tolerance = q.tolerance or 0.0
    return 1.0 if abs(answer - q.answer) <= tolerance + 1e-9 * max(1.0, abs(q.answer)) else 0.0


def _validate_numeric(q, survey, error, warning):
    if not isinstance(q.answer, int | float) or isinstance(q.answer, bool) or not math.isfinite(q.answer):
        error(Message("Question {id}: the answer must be a number.", id=q.id), q.id)
    if q.tolerance is not None and q.tolerance < 0:
        error(Message("Question {id}: the tolerance cannot be negative.", id=q.id), q.id)


def _olx_number(value):
    if value is None:
        return None
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


def number_text(value):
    return str(int(value)) if float(value).is_integer() else str(value)


NUMERIC = QuestionType(
    "numeric", N_("Number"), normalize=_normalize_numeric, score=_score_numeric, solution=lambda q: q.answer,
    validate=_validate_numeric,
    read_json=lambda data, qid, parts_seen: {"answer": fields.number(data, "answer", qid),
                                             "tolerance": fields.number(data, "tolerance", qid)},
    write_json=lambda q: {"answer": q.answer, "tolerance": q.tolerance},
    read_olx=lambda node: {"answer": olx.float_attr(node, "answer", None),
                           "tolerance": olx.float_attr(node, "tolerance", None, minimum=0)},
    write_olx=lambda q: {"answer": _olx_number(q.answer), "tolerance": _olx_number(q.tolerance)},
    view=lambda q, layout, answer, labels: {"value": "" if answer is None else number_text(answer)},
    feedback=lambda q: {"tolerance": q.tolerance or 0},
    graded_values=lambda answer: [(str(int(answer)) if float(answer).is_integer() else repr(answer))[:60]])
