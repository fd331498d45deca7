"""Attempts, showanswer, weight and the platform's scoring contract.

`answer_available` is pure and follows the platform's meaning of each
`showanswer` value (as capa problems do). `ScoringMixin` gives a block what the
LMS grading, rescoring, override and reset tools expect (docs/platform.md section 4):
a `weight` field, a user_state `attempts` counter, a deterministic max_score,
`rescore` through ScorableXBlockMixin, `publish_grade` for overrides and
`clear_student_state` for "delete learner state".

What the points mean (README "Grades: what the points mean"):
- `max_score()` is the points the trainer set, the `weight` field ("How many points this
  exercise is worth"); a weight that is not a positive number (None, 0) gives 1. It reads
  no content and no user, so the LMS can collect it at publish time (GradesTransformer).
- Learner state keeps the score as a fraction 0..1 (`raw_earned`); grades are published as
  points, fraction x max_score() out of max_score(). The LMS scales a stored score by the
  current weight (grades/scores.py weighted_score), so with max_score() == weight the
  instructor's override "7" (checked 0 <= 7 <= max_score()), the progress page (7/10) and the
  gradebook agree, and a later weight change rescales the old scores.
- `calculate_score()` (rescore) gives what normal play keeps (a block documents which attempt),
  recomputed with the current content, so `rescore(only_if_higher=False)` never lowers the
  grade of unchanged content.
- Every block keeps and publishes a grade one way, `publish_attempt` (and completion with
  `publish_completion`). A retake never lowers the kept grade (keep="best"), and practice grades only
  each question's first check (the blocks keep it), so seeing the solution and checking again earns nothing.
- Certainty-based marking is a bounded bonus on top of accuracy (`cbm_fraction`, Moodle's
  "accuracy + CBM bonus"): a certainty the learner never chose is not counted, and all answers
  right pass whatever the certainty (`passes`).
- Parallel requests get one graded answer per attempt: noturiba.attempts claims it in the database
  (`graded_serial` is the claim's number).
"""

import logging

from xblock.fields import Float, Integer, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score, ShowCorrectness

from .messages import N_, Message, PluralMessage

log = logging.getLogger(__name__)

PAST_DUE = Message("The due date has passed: answers are no longer accepted.")
RESULTS_AFTER_DUE = Message("Your answers are recorded. Results are shown after the due date.")
PRACTICE_GRADED = Message("This exercise is in practice mode inside a graded subsection. Practice shows the "
                          "solutions after each check, so it is no exam: only first checks are graded. For a "
                          "test, choose assessment mode with a number of attempts.")
RESULTS_NOT_SHOWN = Message("Your answers are recorded. Results are not shown for this exercise.")

SHOWANSWER_CHOICES = (
    "always", "answered", "attempted", "attempted_no_past_due", "closed", "finished",
    "correct_or_past_due", "past_due", "after_all_attempts", "after_all_attempts_or_correct", "never",
)
# What the Studio forms show for each stored value (the rules of answer_available below).
SHOWANSWER_LABELS = {
    "always": N_("Always"),
    "answered": N_("After a correct answer"),
    "attempted": N_("After the first attempt, or after the due date"),
    "attempted_no_past_due": N_("After the first attempt"),
    "closed": N_("When no attempts are left or the due date has passed"),
    "finished": N_("After a correct answer, when no attempts are left or after the due date"),
    "correct_or_past_due": N_("After a correct answer or after the due date"),
    "past_due": N_("After the due date"),
    "after_all_attempts": N_("When all attempts are used"),
    "after_all_attempts_or_correct": N_("When all attempts are used or after a correct answer"),
    "never": N_("Never"),
}
# The labels of the scoring settings on the Studio forms (a block may name one its own way).
SETTING_LABELS = {
    "weight": Message("Weight in the course grade"),
    "max_attempts": Message("Maximum attempts (empty = unlimited)"),
    "pass_threshold": Message("Pass mark (0 to 1)"),
    "showanswer": Message("Show the answers"),
}


def showanswer_choices(gettext):
    """[[stored value, translated label]] for a Studio form's select, in SHOWANSWER_CHOICES order."""
    return [[value, gettext(SHOWANSWER_LABELS[value])] for value in SHOWANSWER_CHOICES]


# Moodle's certainty-based marking table (Gardner-Medwin): certainty -> (mark if right, mark if wrong).
CBM_MARKS = {1: (1, 0), 2: (2, -2), 3: (3, -6)}
# A confidence slider (50..100 %) in certainties: (lowest percent, certainty), highest first. 67 % is
# the break-even of certainties 1 and 2 in CBM_MARKS; certainty 3 starts at 85 %, above its 80 % break-even.
CERTAINTY_BANDS = ((85, 3), (67, 2), (0, 1))


def certainty_of_confidence(percent):
    """The CBM certainty (1, 2 or 3) of a confidence in percent; None for a confidence not chosen."""
    if percent is None:
        return None
    return next(certainty for lowest, certainty in CERTAINTY_BANDS if percent >= lowest)
# Moodle's factor (qbehaviour_deferredcbm calculate_bonus): the bonus lies in -0.2..+0.045.
CBM_BONUS_FACTOR = 0.1


def cbm_bonus(outcomes, count):
    """The CBM bonus (or penalty) of `outcomes` [(right, certainty 1..3)] over `count` questions.

    Only answers whose certainty the learner chose are in `outcomes`. As in Moodle, the bonus is
    0.1 x (average mark - the mark the same accuracy earns at the single best certainty), marks
    scaled so 3 = 1; it is scaled by the share of questions with a chosen certainty. All right at
    the lowest certainty costs at most 0.067; all wrong at the highest at most 0.2.
    """
    if not outcomes or not count:
        return 0.0
    accuracy = sum(1 for right, _ in outcomes if right) / len(outcomes)
    average = sum(CBM_MARKS[c][0 if right else 1] for right, c in outcomes) / (3 * len(outcomes))
    expected = max(accuracy * r / 3 + (1 - accuracy) * w / 3 for r, w in CBM_MARKS.values())
    return CBM_BONUS_FACTOR * (average - expected) * len(outcomes) / count


def cbm_fraction(accuracy, outcomes, count):
    """Accuracy (0..1) plus the CBM bonus, clamped to 0..1."""
    return max(0.0, min(1.0, accuracy + cbm_bonus(outcomes, count)))


def passes(fraction, threshold, all_right=False):
    """Whether a score passes: at or above the pass mark, or every answer right (whatever the certainty)."""
    return bool(all_right) or fraction >= (threshold or 0.0) - 1e-9


def attempts_exhausted(attempts, max_attempts):
    return bool(max_attempts) and attempts >= max_attempts


def answer_available(policy, *, attempts, max_attempts, correct, past_due):
    """Whether the correct answers may be shown now under `showanswer=policy`."""
    used_all = attempts_exhausted(attempts, max_attempts)
    closed = used_all or past_due
    rules = {
        "always": True,
        "never": False,
        "answered": correct,
        "attempted": attempts > 0 or past_due,
        "attempted_no_past_due": attempts > 0,
        "closed": closed,
        "finished": closed or correct,
        "correct_or_past_due": correct or past_due,
        "past_due": past_due,
        "after_all_attempts": used_all,
        "after_all_attempts_or_correct": used_all or correct,
    }
    return rules.get(policy, False)


class ScoringMixin(ScorableXBlockMixin):
    """Scoring glue; the block implements `calculate_score()` from its saved answers."""

    weight = Float(display_name=N_("Problem weight"), default=1.0, scope=Scope.settings,
                   values={"min": 0, "step": 0.1},
                   help=N_("How many points this exercise is worth in the course grade."))
    max_attempts = Integer(display_name=N_("Maximum attempts"), default=None, scope=Scope.settings,
                           values={"min": 1},
                           help=N_("How many times a learner may submit; empty means unlimited."))
    showanswer = String(display_name=N_("Show answer"), default="finished", scope=Scope.settings,
                        values=SHOWANSWER_CHOICES,
                        help=N_("When learners may see the correct answers and explanations."))
    pass_threshold = Float(display_name=N_("Pass mark"), default=0.7, scope=Scope.settings,
                           values={"min": 0, "max": 1, "step": 0.05},
                           help=N_("The share of the points (0 to 1) that counts as passed."))
    attempts = Integer(default=0, scope=Scope.user_state,
                       help="Submitted attempts; the name the LMS 'reset attempts' tool rewrites.")
    raw_earned = Float(default=None, scope=Scope.user_state,
                       help="The learner's current score as a fraction 0..1 (None = no score yet).")
    graded_serial = Integer(default=0, scope=Scope.user_state,
                            help="Graded answers claimed so far (noturiba.attempts); 'reset attempts' keeps it.")

    def max_score(self):
        """The exercise's points: the trainer's `weight` if it is a positive number, else 1 (no user, no content)."""
        weight = self.weight
        if isinstance(weight, int | float) and not isinstance(weight, bool) and weight > 0:
            return float(weight)
        return 1.0

    def is_past_due(self):
        # The LMS mixes in an is_past_due() that knows due dates and grace periods;
        # the workbench has none (it even sets `due` to "now" on every request).
        platform = getattr(super(), "is_past_due", None)
        return bool(platform()) if callable(platform) else False

    def correctness_available(self):
        """Whether the learner may see scores and right or wrong now.

        `show_correctness` is the course author's switch for exams, inherited in the LMS
        (xmodule/modulestore/inheritance.py: always, past_due, never; default always), read
        through XBlock's own ShowCorrectness rule: never hides from everyone, past_due until the
        due date (course staff see it at once). Blocks outside the LMS have no such field.
        """
        policy = getattr(self, "show_correctness", None) or ShowCorrectness.ALWAYS
        if policy == ShowCorrectness.ALWAYS:
            return True
        staff = getattr(self, "is_staff", None)
        return ShowCorrectness.correctness_available(policy, getattr(self, "due", None),
                                                     bool(staff()) if callable(staff) else False)

    def results_hidden_message(self):
        """What a learner reads instead of a score while correctness is hidden."""
        if getattr(self, "show_correctness", None) == ShowCorrectness.PAST_DUE:
            return RESULTS_AFTER_DUE
        return RESULTS_NOT_SHOWN

    def graded_answer_refusal(self):
        """Why no new graded answer is taken now (a Message for a HandlerError), or None.

        Past the due date (and its grace period) no block takes one, practice mode included.
        """
        return PAST_DUE if self.is_past_due() else None

    def grading_warnings(self):
        """Studio warnings about what the grade would mean (the kit's validate() shows them).

        `graded` is inherited from the subsection in Studio and the LMS (inheritance.py).
        """
        try:
            mode = self.model.mode
        except (AttributeError, ValueError):
            return []
        if mode == "practice" and getattr(self, "graded", False):
            return [PRACTICE_GRADED]
        return []

    def attempts_left(self):
        return None if not self.max_attempts else max(0, self.max_attempts - self.attempts)

    def can_submit(self):
        return not attempts_exhausted(self.attempts, self.max_attempts) and not self.is_past_due()

    def answer_available(self, correct):
        return answer_available(self.showanswer, attempts=self.attempts, max_attempts=self.max_attempts,
                                correct=correct, past_due=self.is_past_due())

    # ScorableXBlockMixin contract.

    def has_submitted_answer(self):
        return self.raw_earned is not None

    def score_of(self, fraction):
        """A Score in points for a fraction 0..1 (what calculate_score returns and grades publish)."""
        possible = self.max_score()
        return Score(raw_earned=max(0.0, min(1.0, fraction)) * possible, raw_possible=possible)

    def get_score(self):
        return self.score_of(self.raw_earned or 0.0)

    def set_score(self, score):
        # From the override tool (points / weight of max_score / weight) and from the LMS after
        # every published grade (points of max_score): only the fraction is kept.
        possible = score.raw_possible or self.max_score()
        self.raw_earned = max(0.0, min(1.0, score.raw_earned / possible))

    def publish_grade(self):
        """What the LMS instructor 'override score' tool calls after set_score()."""
        self._publish_grade(self.get_score())

    def _publish_grade(self, score, only_if_higher=None):
        self.runtime.publish(self, "grade", {
            "value": score.raw_earned, "max_value": score.raw_possible, "only_if_higher": only_if_higher,
        })

    def publish_attempt(self, fraction, *, keep="latest", complete=False):
        """The one way a block keeps and publishes a grade (fraction 0..1 of an attempt).

        keep="latest" keeps `fraction`; keep="best" keeps the better of it and the kept score (a retake
        never lowers the grade) and publishes the kept one. The grade goes out in points of max_score();
        `complete` also marks the block completed. Returns whether `fraction` is the one kept.
        """
        better = keep != "best" or self.raw_earned is None or fraction > self.raw_earned
        self.raw_earned = max(0.0, min(1.0, fraction if better else self.raw_earned))
        self._publish_grade(self.get_score())
        if complete:
            self.publish_completion(1.0)
        return better

    def publish_completion(self, share):
        """Mark the share (0..1) of the block the learner has done."""
        self.runtime.publish(self, "completion", {"completion": share})

    def clear_student_state(self, user_id, course_id, item_id, requesting_user_id=None, **kwargs):
        """The LMS "delete learner state" hook (instructor/enrollment.py reset_student_attempts).

        It is called on the modulestore's block, which has no learner bound: `user_id` is the
        learner's anonymous id in the course, and the runtime's current user is somebody else.
        The LMS deletes the learner's StudentModule row afterwards but, because this hook exists,
        sends no zero score; so this removes the learner's anonymous survey rows of this block,
        sends the zero score (score_deleted) and sets the completion to 0 (noturiba.lms).
        """
        from . import attempts, lms
        from .base import learner_key_for
        from .survey import store
        usage_id = self.scope_ids.usage_id
        store.forget(store.block_key(usage_id), learner_key_for(user_id, usage_id))
        attempts.forget(store.block_key(usage_id), learner_key_for(user_id, usage_id))
        user = lms.user_by_anonymous_id(user_id)
        if user is None:
            log.warning("noturiba: no LMS user for the anonymous id of this reset; the grade and completion "
                        "of %s are left as they are", item_id)
            return
        lms.publish_deleted_score(self, user, course_id, item_id)
        lms.set_completion(user, usage_id, course_id, 0.0)


def attempts_left_message(left):
    """What learners read under a submit button when attempts are limited."""
    if left == 0:
        return Message("You have used all your attempts.")
    return PluralMessage("You have {count} attempt left.", "You have {count} attempts left.", left, count=left)
