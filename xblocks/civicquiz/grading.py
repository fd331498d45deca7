"""Grading of civicquiz answers (pure: no XBlock, no Django).

Answer shapes (what the learner's browser sends, after the block has mapped a
match question's opaque right-hand ids back to pair ids):

    single     "optid"                    multiple  ["a", "c"]
    truefalse  true | false               numeric   3.5
    order      ["first", "second", ...]   match     {"leftPairId": "rightPairId"}
    scale      4                          text      "free text, at most 2000 characters"

Scores per question, each a fraction 0..1:
- single, truefalse: 1 when right, else 0.
- numeric: 1 when |answer - expected| <= tolerance (default 0), else 0.
- multiple: partial credit max(0, (right picks - wrong picks) / number of right options);
  picking everything therefore earns nothing when half the options are wrong.
- order: the share of neighbouring steps of the right order that the learner
  kept in the right relative order (n items: n - 1 neighbouring steps); a
  single item moved one place loses one or two steps, a reversed list scores 0.
- match: the share of pairs matched right (unmatched left entries count as wrong).
- scale, text: survey questions, never graded.
Each type's normalize, score and solution are its QuestionType's (question_types/).

Quiz score: the mean of the question scores over the learner's drawn questions
(unanswered = 0).

Certainty-based marking (CBM, Moodle's table; Gardner-Medwin): with each
answer the learner says how sure they are, and the mark is
    certainty  1 (not sure)   right +1   wrong  0
               2 (fairly)     right +2   wrong -2
               3 (very sure)  right +3   wrong -6
A question counts as right when its score is at least 0.999 (partial credit is
wrong for CBM). The quiz fraction is the accuracy (the mean score, as without
CBM) plus Moodle's CBM bonus (noturiba.scoring.cbm_bonus): from -0.2 to about
+0.045, so calibrated certainty is rewarded and sure-but-wrong costs most, yet
all answers right never score below 0.93 and always pass (Result.passes). A
certainty the learner never chose is not counted (no bonus, no penalty).
"""

from dataclasses import dataclass

from noturiba.scoring import CBM_MARKS, cbm_fraction, passes

from .model import MAX_TEXT, AnswerError  # noqa: F401  (part of this module's interface)
from .question_types import of

RIGHT = 0.999
CBM_TABLE = CBM_MARKS
CERTAINTY_LEVELS = (1, 2, 3)


def normalize(question, answer):
    """The answer in its canonical shape; AnswerError if it cannot be an answer to `question`."""
    return of(question).normalize(question, answer)


def score(question, answer):
    """The score 0..1 of a normalized answer (None = unanswered = 0)."""
    if answer is None or not question.graded:
        return 0.0
    return of(question).score(question, answer)


def is_right(fraction):
    return fraction >= RIGHT


def cbm_mark(fraction, certainty):
    """Moodle's CBM mark for one answered question at certainty 1, 2 or 3."""
    right, wrong = CBM_TABLE[certainty]
    return right if is_right(fraction) else wrong


@dataclass(frozen=True)
class Result:
    fraction: float            # the quiz score 0..1
    scores: dict               # question id -> 0..1
    marks: dict                # question id -> CBM mark (only questions with a chosen certainty)
    all_right: bool = False    # every drawn question answered right

    def passes(self, threshold):
        return passes(self.fraction, threshold, self.all_right)


def grade(questions, answers, certainties=None, cbm=False):
    """Grade normalized `answers` ({id: answer}) over `questions` (the learner's drawn ones)."""
    scores = {q.id: score(q, answers.get(q.id)) for q in questions}
    if not questions:
        return Result(0.0, scores, {})
    accuracy = sum(scores.values()) / len(questions)
    all_right = all(is_right(s) for s in scores.values())
    if not cbm:
        return Result(accuracy, scores, {}, all_right)
    certainties = certainties or {}
    marks, outcomes = {}, []
    for q in questions:
        chosen = certainties.get(q.id)
        if answers.get(q.id) is not None and chosen in CERTAINTY_LEVELS:
            marks[q.id] = cbm_mark(scores[q.id], chosen)
            outcomes.append((is_right(scores[q.id]), chosen))
    return Result(cbm_fraction(accuracy, outcomes, len(questions)), scores, marks, all_right)


def solution(question):
    """The right answer in answer shape (shown only when it is due)."""
    return of(question).solution(question)


def survey_values(question, answer):
    """The values a survey answer is stored as (one row each) and the free text, if any."""
    if answer is None or answer == "" or answer == []:
        return [], None
    return of(question).survey_values(question, answer)
