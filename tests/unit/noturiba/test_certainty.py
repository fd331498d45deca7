"""The one certainty table of the kit (noturiba.scoring): a confidence slider's percent to a CBM certainty,
and the marks of each certainty."""

from hypothesis import given
from hypothesis import strategies as st

from noturiba import scoring

percents = st.integers(min_value=50, max_value=100)


@given(low=percents, high=percents)
def test_more_confidence_is_never_a_lower_certainty(low, high):
    low, high = sorted((low, high))
    assert scoring.certainty_of_confidence(low) <= scoring.certainty_of_confidence(high)
    assert scoring.certainty_of_confidence(low) in scoring.CBM_MARKS


def test_the_bands_are_moodles_and_an_unchosen_confidence_has_no_certainty():
    assert [scoring.certainty_of_confidence(p) for p in (50, 66, 67, 84, 85, 100)] == [1, 1, 2, 2, 3, 3]
    assert scoring.certainty_of_confidence(None) is None


@given(st.sampled_from(sorted(scoring.CBM_MARKS)), st.sampled_from(sorted(scoring.CBM_MARKS)))
def test_being_surer_earns_more_when_right_and_costs_more_when_wrong(one, other):
    low, high = sorted((one, other))
    assert scoring.CBM_MARKS[low][0] <= scoring.CBM_MARKS[high][0]
    assert scoring.CBM_MARKS[low][1] >= scoring.CBM_MARKS[high][1]
