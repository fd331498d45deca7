"""Validation of a quiz (pure): errors refuse a Studio save, warnings only inform."""

from noturiba.html import images_without_alt
from noturiba.messages import Message, Problem

from .editor_fields import well_formed
from .labels import field_label
from .model import DEFAULT_MIN_GROUP
from .question_types import of


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
    kind = of(q)
    if survey and model.mode not in kind.modes:
        error(Message("Question {id}: a survey can ask only single, multiple, scale and text questions.",
                      id=q.id), q.id)
    if not survey and model.mode not in kind.modes:
        error(Message("Question {id}: {type} questions have no right answer and belong in survey mode only.",
                      id=q.id, type=q.type), q.id)
    if not q.prompt.strip() and kind.needs_prompt:
        error(Message("Question {id} has no prompt.", id=q.id), q.id)
    kind.validate(q, survey, error, warning)
    markups = [q.prompt, q.explanation, *(o.label for o in q.options), *(i.label for i in q.items),
               *(p.left for p in q.pairs), *(p.right for p in q.pairs)]
    if not all(well_formed(value) for value in markups):
        error(Message("Question {id}: a text is not valid markup; write & as &amp; and < as &lt;.", id=q.id), q.id)
    if any(images_without_alt(value) for value in markups):
        warning(Message("Question {id}: an image has no alt text; describe it for screen reader users.", id=q.id), q.id)
