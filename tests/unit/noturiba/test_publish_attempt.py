"""One way to keep and publish a grade (noturiba.scoring publish_attempt): what the LMS receives."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from noturiba.scoring import ScoringMixin


class Stub(ScoringMixin):
    raw_earned = None  # plain attributes instead of the XBlock fields
    weight = 10.0

    def __init__(self, kept=None):
        self.raw_earned = kept
        self.events = []
        self.runtime = SimpleNamespace(publish=lambda block, name, data: self.events.append((name, data)))


fractions = st.floats(min_value=0, max_value=1, allow_nan=False)


def grade(value, possible=10.0):
    return ("grade", {"value": value, "max_value": possible, "only_if_higher": None})


def test_latest_keeps_and_publishes_the_new_score_in_points():
    block = Stub(kept=0.9)
    assert block.publish_attempt(0.25) is True
    assert block.raw_earned == 0.25 and block.events == [grade(2.5)]


def test_a_completed_attempt_also_marks_completion():
    block = Stub()
    block.publish_attempt(0.5, complete=True)
    assert block.events == [grade(5.0), ("completion", {"completion": 1.0})]


@given(kept=st.none() | fractions, new=fractions)
def test_best_never_lowers_the_kept_grade_and_says_whether_the_new_one_counts(kept, new):
    block = Stub(kept)
    better = block.publish_attempt(new, keep="best", complete=True)
    assert better == (kept is None or new > kept)
    assert block.raw_earned == (new if better else kept)
    assert block.events == [grade(block.raw_earned * 10.0), ("completion", {"completion": 1.0})]
