"""Anonymous tallies of civicquiz answers, stored through noturiba.survey.store.

Every learner's answers are rows of their own (block, learner key, question,
value) in the `noturiba_survey` table; aggregates are a GROUP BY over them.
No shared counter is read, changed and written back, so 100 learners
answering at once lose no vote, and forgetting one learner removes exactly
their rows (no stale count).

What is stored:
- survey mode: each answer value (option ids, a scale point, "text" with the
  free text kept for the researchers' export only);
- practice and assessment: each submitted answer value (option ids,
  "true"/"false", the number) plus the verdict per question ("#right",
  "#partial", "#wrong") and the quiz result under the pseudo question
  "#result" ("pass"/"fail"), for the staff results view. "#" cannot occur in
  OLX ids, so these never collide with real questions or options.

Learners see survey aggregates only from the kit's snapshot (retaken in steps of
`min_group` respondents) and only when at least `min_group` learners have answered, each
count passing noturiba.survey.disclosure; text answers are never shown to anyone but staff
(CSV export). A survey learner's own answers live only here and are read back from here.
"""

import csv
import io

from . import grading
from .question_types import of

RESULT = "#result"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _store():
    # Imported when used: the Django app registry must be ready before the model loads.
    from noturiba.survey import store
    return store


def record_survey(block_id, learner, questions, answers, respondent=None):
    values, texts = {}, {}
    for q in questions:
        stored, text = grading.survey_values(q, answers.get(q.id))
        if stored:
            values[q.id] = stored
        if text:
            texts[q.id] = text
    _store().record(block_id, learner, values, texts, respondent=respondent)


def survey_answers(block_id, learner, questions):
    """A learner's own survey answers from their anonymous rows, in the form the page shows them."""
    values, texts = _store().learner_answers(block_id, learner)
    answers = {}
    for q in questions:
        stored = values.get(q.id)
        if not stored:
            continue
        try:
            answers[q.id] = of(q).stored_answer(stored, texts.get(q.id, ""))
        except ValueError:  # a row no answer of the question's type can have
            continue
    return answers


def shown_snapshot(block_id, min_group):
    """(respondents, counts) learners may see now (noturiba.survey.store.snapshot)."""
    frozen = _store().snapshot(block_id, min_group)
    return frozen.respondents, frozen.counts


def graded_values(q, answer, fraction):
    values = [] if answer is None else of(q).graded_values(answer)
    verdict = "#right" if grading.is_right(fraction) else ("#partial" if fraction > 0 else "#wrong")
    return [*values, verdict]


def record_result(block_id, learner, questions, answers, scores, passed):
    values = {q.id: graded_values(q, answers.get(q.id), scores.get(q.id, 0.0)) for q in questions}
    values[RESULT] = ["pass" if passed else "fail"]
    _store().record(block_id, learner, values)


def snapshot(block_id):
    """(respondents, counts) of one block."""
    store = _store()
    return store.respondents(block_id), store.counts(block_id)


def forget(block_id, learner):
    _store().forget(block_id, learner)


def neutralise(cell):
    """A CSV cell that spreadsheets will not run as a formula (OWASP CSV injection)."""
    text = str(cell)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def export_csv(block_id):
    """Anonymous responses for researchers: learner key, question, value, text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["learner", "question", "value", "text"])
    for row in _store().export_rows(block_id):
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
