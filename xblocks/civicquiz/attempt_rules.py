"""What counts in an attempt (pure: no XBlock, no Django).

- `valid_answers`: stored answers that still fit a learner's drawn questions (content edits
  drop the others).
- `practice_result`: practice grades only each question's first check; a check shows the
  solution, so a second check with it earns nothing (older states, saved before first checks
  were kept, count their checked answers).
- `attempt_fraction`: a kept assessment attempt {answers, certainties, round} graded again
  with the current content, in the layout the learner had in that round.
- `submission_problem`: why an assessment submit is refused before anything is graded
  (unanswered questions without `confirm_unanswered`, a certainty for a question not drawn,
  an answer without the certainty CBM asks for).
"""

from noturiba.messages import Message, PluralMessage

from . import grading, views

BLANK = (None, "", [])


def valid_answers(layout, stored):
    """The answers of `stored` that fit the drawn questions of `layout`, normalized (others dropped)."""
    kept = {}
    for q in layout.questions:
        if q.id in stored:
            try:
                kept[q.id] = grading.normalize(q, stored[q.id])
            except grading.AnswerError:
                continue
    return kept


def practice_result(layout, first_checks, checked, known, certainties, cbm):
    """Practice: the grade of each question's first check.

    `first_checks` {id: {answer, certainty}}; `checked` the ids checked so far; `known` the
    learner's current valid answers and `certainties` their certainties (for older states)."""
    first = {k: v for k, v in (first_checks or {}).items() if isinstance(v, dict)}
    answers = valid_answers(layout, {k: v.get("answer") for k, v in first.items()})
    chosen = {k: v.get("certainty") for k, v in first.items()}
    for question_id, answer in known.items():
        if question_id in checked and question_id not in first:
            answers[question_id] = answer
            chosen[question_id] = certainties.get(question_id)
    return grading.grade(layout.questions, answers, chosen, cbm=cbm)


def attempt_fraction(model, learner, attempt):
    """A kept attempt {answers, certainties, round} graded again with the current content."""
    layout = views.learner_layout(model, learner, attempt.get("round", 0))
    answers = valid_answers(layout, attempt.get("answers") or {})
    return grading.grade(layout.questions, answers, attempt.get("certainties") or {}, cbm=model.certainty).fraction


def unanswered(layout, answers):
    return sum(1 for q in layout.questions if answers.get(q.id) in BLANK)


def certainty_problem(cbm, value, number=None):
    """The message when CBM asks for a certainty and `value` is none (else None).

    `number` is the question's position as the learner sees it (1, 2, ...), for a whole-quiz submit;
    a single check is answered at its question and needs none. Internal ids never reach the learner."""
    if not cbm or value in grading.CERTAINTY_LEVELS:
        return None
    if number is None:
        return Message("Say how sure you are about this answer.")
    return Message("Say how sure you are about your answer to question {number}.", number=number)


def submission_problem(layout, answers, certainty, *, cbm, confirmed):
    """Why an assessment submit of `answers` and `certainty` is refused, or None."""
    blank = unanswered(layout, answers)
    if blank and not confirmed:
        return PluralMessage(
            "{count} question is not answered. Answer it, or confirm that you want to submit anyway.",
            "{count} questions are not answered. Answer them, or confirm that you want to submit anyway.",
            blank, count=blank)
    for question_id in certainty:
        if layout.question(question_id) is None:
            return Message("There is no question {id} in this quiz.", id=question_id[:100])
    order = layout.ids()
    for question_id in answers:
        number = order.index(question_id) + 1 if question_id in order else None
        problem = certainty_problem(cbm, certainty.get(question_id), number)
        if problem is not None:
            return problem
    return None
