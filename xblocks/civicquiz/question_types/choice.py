"""Single and multiple choice: options, one or several of them right (in surveys none)."""

from noturiba.html import plain_text, sanitize
from noturiba.messages import N_, ContentError, Message

from .. import editor_fields as fields
from ..model import Option
from .base import ALL_MODES, QuestionType, wrong_shape


def _ids(q):
    return [o.id for o in q.options]


def _normalize_single(q, answer):
    if not isinstance(answer, str) or answer not in _ids(q):
        raise wrong_shape(q)
    return answer


def _normalize_multiple(q, answer):
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        raise wrong_shape(q)
    known = _ids(q)
    if any(a not in known for a in answer) or len(set(answer)) != len(answer):
        raise wrong_shape(q)
    return [oid for oid in known if oid in answer]


def _score_single(q, answer):
    return 1.0 if any(o.correct and o.id == answer for o in q.options) else 0.0


def _score_multiple(q, answer):
    """Partial credit max(0, (right picks - wrong picks) / number of right options)."""
    right = {o.id for o in q.options if o.correct}
    if not right:
        return 0.0
    picked = set(answer)
    return max(0.0, (len(picked & right) - len(picked - right)) / len(right))


def _validate_options(q, survey, error, warning):
    correct = sum(option.correct for option in q.options)
    if len(q.options) < 2:
        error(Message("Question {id} needs at least two options.", id=q.id), q.id)
    if any(not option.label.strip() for option in q.options):
        error(Message("Question {id}: every option needs a text.", id=q.id), q.id)
    if survey and correct:
        warning(Message("Question {id}: survey questions have no right answer; the marks are ignored.",
                        id=q.id), q.id)
    return correct


def _validate_single(q, survey, error, warning):
    correct = _validate_options(q, survey, error, warning)
    if not survey and correct != 1:
        error(Message("Question {id} is single choice: exactly one option must be marked correct, not {count}.",
                      id=q.id, count=correct), q.id)


def _validate_multiple(q, survey, error, warning):
    if _validate_options(q, survey, error, warning) < 1 and not survey:
        error(Message("Question {id} is multiple choice: mark at least one option correct.", id=q.id), q.id)


def _read_json(data, qid, parts_seen):
    options = []
    for option in fields.entries(data, "options"):
        correct = option.get("correct", False)
        if not isinstance(correct, bool):
            raise ContentError(Message("The field {name} must be true or false.", name="correct"))
        options.append(Option(fields.unique_id(option, parts_seen), fields.markup(option, "label"), correct))
    return {"options": tuple(options)}


def _write_json(q):
    return {"options": [{"id": o.id, "label": o.label, "correct": o.correct} for o in q.options]}


def _public(q, layout, author_order):
    labels = {o.id: o.label for o in q.options}
    if layout:
        return {"options": [{"id": shown, "label": labels[oid]} for shown, oid in layout.options[q.id].items()]}
    if author_order:
        return {"options": [{"id": oid, "label": label} for oid, label in labels.items()]}
    return {"options": [{"label": label} for label in sorted(labels.values())]}


def _view(q, layout, answer, labels):
    chosen = [answer] if isinstance(answer, str) else (answer or [])
    return {"options": [{"id": shown, "label": sanitize(labels[oid].label), "checked": oid in chosen}
                        for shown, oid in layout.options.get(q.id, {}).items()]}


def _single_to_learner(layout, q, answer):
    return layout.option_to_shown(q.id, answer) if isinstance(answer, str) else answer


def _multiple_to_learner(layout, q, answer):
    return [layout.option_to_shown(q.id, option) for option in answer] if isinstance(answer, list) else answer


def _from_shown(layout, q, chosen):
    shown = layout.options.get(q.id, {})
    if not isinstance(chosen, list) or not all(isinstance(s, str) and s in shown for s in chosen):
        return None
    return [shown[s] for s in chosen]


def _single_from_learner(layout, q, answer):
    mapped = None if answer is None else _from_shown(layout, q, [answer])
    return mapped[0] if mapped else None


def _multiple_from_learner(layout, q, answer):
    return None if answer is None else _from_shown(layout, q, answer)


def _report(q, answer):
    chosen = [answer] if isinstance(answer, str) else answer
    return "; ".join(plain_text(o.label) for o in q.options if o.id in chosen)


def _graded_values(answer):
    return [answer] if isinstance(answer, str) else list(answer)


def _choices(q):
    return [o.id for o in q.options], [plain_text(o.label) for o in q.options], {}


_COMMON = {"modes": ALL_MODES, "part": "option", "read_json": _read_json, "write_json": _write_json,
           "public": _public, "view": _view, "report": _report, "graded_values": _graded_values,
           "choices": _choices}

SINGLE = QuestionType(
    "single", N_("Single choice"), normalize=_normalize_single, score=_score_single,
    solution=lambda q: next((o.id for o in q.options if o.correct), None), validate=_validate_single,
    to_learner=_single_to_learner, from_learner=_single_from_learner,
    survey_values=lambda q, answer: ([answer], None), tally="pick_one", **_COMMON)

MULTIPLE = QuestionType(
    "multiple", N_("Multiple choice"), normalize=_normalize_multiple, score=_score_multiple,
    solution=lambda q: [o.id for o in q.options if o.correct], validate=_validate_multiple,
    to_learner=_multiple_to_learner, from_learner=_multiple_from_learner,
    survey_values=lambda q, answer: (list(answer), None), stored_answer=lambda stored, text: list(stored),
    tally="pick_many", **_COMMON)
