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

import math
from dataclasses import dataclass

from noturiba.messages import Message
from noturiba.scoring import CBM_MARKS, cbm_fraction, passes

MAX_TEXT = 2000
RIGHT = 0.999
CBM_TABLE = CBM_MARKS
CERTAINTY_LEVELS = (1, 2, 3)


class AnswerError(ValueError):
    """An answer of the wrong shape for its question; the block answers HTTP 400."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message

    def render(self, gettext=None, ngettext=None):
        return self.message.render(gettext, ngettext)


def _wrong_shape(question):
    return AnswerError(Message("The answer to question {id} has the wrong form.", id=question.id))


def _ids(question):
    if question.type in ("single", "multiple"):
        return [o.id for o in question.options]
    if question.type == "order":
        return [i.id for i in question.items]
    return [p.id for p in question.pairs]


def normalize(question, answer):
    """The answer in its canonical shape; AnswerError if it cannot be an answer to `question`."""
    kind = question.type
    if kind == "single":
        if not isinstance(answer, str) or answer not in _ids(question):
            raise _wrong_shape(question)
        return answer
    if kind == "multiple":
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            raise _wrong_shape(question)
        known = _ids(question)
        if any(a not in known for a in answer) or len(set(answer)) != len(answer):
            raise _wrong_shape(question)
        return [oid for oid in known if oid in answer]
    if kind == "truefalse":
        if not isinstance(answer, bool):
            raise _wrong_shape(question)
        return answer
    if kind == "numeric":
        if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
            raise _wrong_shape(question)
        return float(answer)
    if kind == "order":
        if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(_ids(question)):
            raise _wrong_shape(question)
        if not all(isinstance(a, str) for a in answer):
            raise _wrong_shape(question)
        return list(answer)
    if kind == "match":
        known = set(_ids(question))
        if not isinstance(answer, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and k in known and v in known for k, v in answer.items()):
            raise _wrong_shape(question)
        return dict(answer)
    if kind == "scale":
        if isinstance(answer, bool) or not isinstance(answer, int) or not (
                question.scale_min <= answer <= question.scale_max):
            raise _wrong_shape(question)
        return answer
    if kind == "text":
        if not isinstance(answer, str) or len(answer) > MAX_TEXT:
            raise AnswerError(Message("The answer to question {id} may be at most {limit} characters long.",
                                      id=question.id, limit=MAX_TEXT))
        return answer.strip()
    raise _wrong_shape(question)


def score(question, answer):
    """The score 0..1 of a normalized answer (None = unanswered = 0)."""
    if answer is None or not question.graded:
        return 0.0
    kind = question.type
    if kind == "single":
        return 1.0 if any(o.correct and o.id == answer for o in question.options) else 0.0
    if kind == "truefalse":
        return 1.0 if answer == question.answer else 0.0
    if kind == "numeric":
        if question.answer is None:
            return 0.0
        tolerance = question.tolerance or 0.0
        return 1.0 if abs(answer - question.answer) <= tolerance + 1e-9 * max(1.0, abs(question.answer)) else 0.0
    if kind == "multiple":
        right = {o.id for o in question.options if o.correct}
        if not right:
            return 0.0
        picked = set(answer)
        return max(0.0, (len(picked & right) - len(picked - right)) / len(right))
    if kind == "order":
        expected = [i.id for i in question.items]
        if len(expected) < 2:
            return 1.0
        position = {item_id: index for index, item_id in enumerate(answer)}
        kept = sum(1 for a, b in zip(expected, expected[1:], strict=False)
                   if a in position and b in position and position[a] < position[b])
        return kept / (len(expected) - 1)
    if kind == "match":
        if not question.pairs:
            return 0.0
        return sum(1 for p in question.pairs if answer.get(p.id) == p.id) / len(question.pairs)
    return 0.0


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
    kind = question.type
    if kind == "single":
        return next((o.id for o in question.options if o.correct), None)
    if kind == "multiple":
        return [o.id for o in question.options if o.correct]
    if kind in ("truefalse", "numeric"):
        return question.answer
    if kind == "order":
        return [i.id for i in question.items]
    if kind == "match":
        return {p.id: p.id for p in question.pairs}
    return None


def survey_values(question, answer):
    """The values a survey answer is stored as (one row each) and the free text, if any."""
    if answer is None or answer == "" or answer == []:
        return [], None
    if question.type == "single":
        return [answer], None
    if question.type == "multiple":
        return list(answer), None
    if question.type == "scale":
        return [str(answer)], None
    if question.type == "text":
        return ["text"], answer
    return [], None
