"""Attempts, showanswer, weight and the platform's scoring contract.

`answer_available` is pure and follows the platform's meaning of each
`showanswer` value (as capa problems do). `ScoringMixin` gives a block what the
LMS grading, rescoring, override and reset tools expect (PLATFORM.md section 4):
a `weight` field, a user_state `attempts` counter, a deterministic max_score,
`rescore` through ScorableXBlockMixin, and `publish_grade` for overrides.
"""

from xblock.fields import Float, Integer, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from .messages import N_, Message, PluralMessage

SHOWANSWER_CHOICES = (
    "always", "answered", "attempted", "attempted_no_past_due", "closed", "finished",
    "correct_or_past_due", "past_due", "after_all_attempts", "after_all_attempts_or_correct", "never",
)


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
                       help="The learner's current score as a fraction of max_score (None = no score yet).")

    def max_score(self):
        # Deterministic and content-free: scores are kept as fractions of 1 and the
        # course grade is scaled by `weight`, so an edit never changes max_score.
        return 1.0

    def is_past_due(self):
        # The LMS mixes in an is_past_due() that knows due dates and grace periods;
        # the workbench has none (it even sets `due` to "now" on every request).
        platform = getattr(super(), "is_past_due", None)
        return bool(platform()) if callable(platform) else False

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

    def get_score(self):
        return Score(raw_earned=self.raw_earned or 0.0, raw_possible=self.max_score())

    def set_score(self, score):
        possible = score.raw_possible or self.max_score()
        self.raw_earned = max(0.0, min(1.0, score.raw_earned / possible)) * self.max_score()

    def publish_grade(self):
        """What the LMS instructor 'override score' tool calls after set_score()."""
        self._publish_grade(self.get_score())

    def _publish_grade(self, score, only_if_higher=None):
        self.runtime.publish(self, "grade", {
            "value": score.raw_earned, "max_value": score.raw_possible, "only_if_higher": only_if_higher,
        })

    def record_score(self, fraction):
        """Keep and publish a newly computed score (fraction of 1) and mark completion."""
        self.raw_earned = max(0.0, min(1.0, fraction)) * self.max_score()
        self._publish_grade(self.get_score())
        self.runtime.publish(self, "completion", {"completion": 1.0})


def attempts_left_message(left):
    """What learners read under a submit button when attempts are limited."""
    if left == 0:
        return Message("You have used all your attempts.")
    return PluralMessage("You have {count} attempt left.", "You have {count} attempts left.", left, count=left)
