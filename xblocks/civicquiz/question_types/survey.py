"""Scale and written-answer questions: survey only, never graded."""

from noturiba import olx
from noturiba.messages import N_, Message

from .. import editor_fields as fields
from ..model import MAX_TEXT, SCALE_LIMIT, AnswerError
from .base import SURVEY_MODES, QuestionType, wrong_shape


def _points(q):
    return range(q.scale_min, q.scale_max + 1)


def _normalize_scale(q, answer):
    if isinstance(answer, bool) or not isinstance(answer, int) or not (q.scale_min <= answer <= q.scale_max):
        raise wrong_shape(q)
    return answer


def _validate_scale(q, survey, error, warning):
    low, high = q.scale_min, q.scale_max
    if low is None or high is None or low >= high or high - low + 1 > SCALE_LIMIT:
        error(Message("Question {id}: the scale needs min below max and at most 11 points.", id=q.id), q.id)
    if not q.prompt.strip():
        warning(Message("Question {id}: a scale without a prompt; say what is being rated.", id=q.id), q.id)


def _read_scale_json(data, qid, parts_seen):
    return {"scale_min": fields.whole(data, "min", 1, -100, 100), "scale_max": fields.whole(data, "max", 5, -100, 100),
            "low": fields.text(data, "low"), "high": fields.text(data, "high")}


def _read_scale_olx(node):
    return {"scale_min": olx.int_attr(node, "min", 1, minimum=-100, maximum=100),
            "scale_max": olx.int_attr(node, "max", 5, minimum=-100, maximum=100),
            "low": node.get("low") or "", "high": node.get("high") or ""}


def _scale_fields(q):
    return {"min": q.scale_min, "max": q.scale_max, "low": q.low, "high": q.high}


def _choices(q):
    values = [str(v) for v in _points(q)]
    return values, values, {"low": q.low, "high": q.high}


SCALE = QuestionType(
    "scale", N_("Scale (survey)"), graded=False, modes=SURVEY_MODES, needs_prompt=False,
    normalize=_normalize_scale, validate=_validate_scale, read_json=_read_scale_json, write_json=_scale_fields,
    read_olx=_read_scale_olx,
    write_olx=lambda q: {"min": q.scale_min, "max": q.scale_max, "low": q.low or None, "high": q.high or None},
    public=lambda q, layout, author_order: _scale_fields(q),
    view=lambda q, layout, answer, labels: {"points": [{"value": v, "checked": answer == v} for v in _points(q)],
                                            "low": q.low, "high": q.high},
    survey_values=lambda q, answer: ([str(answer)], None), stored_answer=lambda stored, text: int(stored[0]),
    tally="pick_one", choices=_choices)


def _normalize_text(q, answer):
    if not isinstance(answer, str):
        raise wrong_shape(q)
    if len(answer) > MAX_TEXT:  # shown at the question: the learner's page knows no question ids
        raise AnswerError(Message("An answer may be at most {limit} characters long.", limit=MAX_TEXT))
    return answer.strip()


TEXT = QuestionType(
    "text", N_("Written answer (survey)"), graded=False, modes=SURVEY_MODES, normalize=_normalize_text,
    public=lambda q, layout, author_order: {"max_length": MAX_TEXT},
    view=lambda q, layout, answer, labels: {"value": answer or "", "max_length": MAX_TEXT},
    survey_values=lambda q, answer: (["text"], answer), stored_answer=lambda stored, text: text,
    tally="written")
