"""What a question type is: QuestionType, the rules the modules ask for, and their defaults (pure).

Every hook is a plain function; a type sets only the ones that differ from the defaults below
(nothing stored, read or shown beyond the common fields; an answer of no shape; a score of 0).
"""

from collections.abc import Callable
from dataclasses import dataclass

from noturiba.messages import Message

from ..model import AnswerError

ALL_MODES = ("practice", "assessment", "survey")
GRADED_MODES = ("practice", "assessment")
SURVEY_MODES = ("survey",)


def wrong_shape(question):
    return AnswerError(Message("The answer to question {id} has the wrong form.", id=question.id))


def _refuse(question, answer):
    raise wrong_shape(question)


def _no_score(question, answer):
    return 0.0


def _no_solution(question):
    return None


def _nothing(*_args):
    return {}


def _unchanged(layout, question, answer):
    return answer


def _as_text(question, answer):
    return str(answer)


def _no_rows(question, answer):
    return [], None


def _first_row(stored, text):
    return stored[0]


def _no_values(answer):
    return []


def _no_choices(question):
    return [], [], {}


@dataclass(frozen=True)
class QuestionType:
    """One question type's rules; TYPES (question_types/__init__.py) holds one per OLX type name.

    Hooks (q: a model.Question; layout: a views.Layout; answer: the normalized answer):
    normalize(q, answer) the canonical answer or AnswerError; score(q, answer) 0..1;
    solution(q) the right answer in answer shape; validate(q, survey, error, warning) adds the
    type's problems; read_json(data, qid, parts_seen) / read_olx(node) the type's Question fields;
    write_json(q) / write_olx(q) the type's editor JSON keys / OLX attributes; public(q, layout,
    author_order) the type's learner-safe fields; view(q, layout, answer, labels) its template
    context (labels: part id -> part); feedback(q) extra feedback fields; to_learner and
    from_learner(layout, q, answer) map stored ids to the page's and back; report(q, answer) the
    instructor's text; survey_values(q, answer) (rows, free text) of a survey answer and
    stored_answer(rows, text) the answer back (ValueError: skipped); graded_values(answer) the rows
    of a graded answer; tally how a summary counts it ("pick_one", "pick_many", "written" or
    "verdicts") with choices(q) -> (values, labels, extra entry fields) for the first two.
    """

    name: str
    label: str                      # the editor's name of the type (a msgid)
    graded: bool = True             # has a right answer
    modes: tuple = GRADED_MODES     # the modes that may ask it
    part: str | None = None         # the child element learners pick or arrange: option, item or pair
    needs_prompt: bool = True
    normalize: Callable = _refuse
    score: Callable = _no_score
    solution: Callable = _no_solution
    validate: Callable = _nothing
    read_json: Callable = _nothing
    write_json: Callable = _nothing
    read_olx: Callable = _nothing
    write_olx: Callable = _nothing
    public: Callable = _nothing
    view: Callable = _nothing
    feedback: Callable = _nothing
    to_learner: Callable = _unchanged
    from_learner: Callable = _unchanged
    report: Callable = _as_text
    survey_values: Callable = _no_rows
    stored_answer: Callable = _first_row
    graded_values: Callable = _no_values
    tally: str = "verdicts"
    choices: Callable = _no_choices

    @property
    def children(self):
        """The child elements its <question> accepts."""
        return {"prompt", "explanation", *((self.part,) if self.part else ())}
