"""mediacheck grading rules: weights, F1 for flags, leads, certainty-based marking, survey discernment."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck import content, grading
from noturiba import scoring
from noturiba.olx import parse_string

OLX = """<mediacheck confidence="{confidence}">
  <item id="a" verdict="misleading"><body>Sākums. <flag id="f1" note="x">PIRMAIS!</flag> Vidus teksts.
    <flag id="f2" note="y">Otrais, karogs</flag> beigas.</body>
    <lead id="u1" useful="true" title="t">x</lead><lead id="u2" useful="true" title="t">x</lead>
    <lead id="n1" useful="false" title="t">x</lead></item>
  <item id="b" verdict="accurate"><body>Patiess teksts bez karogiem.</body></item>
</mediacheck>"""


def model(confidence=False):
    return content.parse(parse_string(OLX.format(confidence="true" if confidence else "false")))


def flags_of(item, flag=None):
    return [s for s, f in content.segment_flags(item.body).items() if (f == flag if flag else f)]


def test_perfect_answers_score_one_and_empty_answers_zero():
    m = model()
    a, b = m.items
    perfect = {"a": {"verdict": "misleading", "flags": flags_of(a), "leads": ["u1", "u2"]},
               "b": {"verdict": "accurate"}}
    assert grading.grade(m, perfect)[0] == pytest.approx(1.0)
    assert grading.grade(m, {})[0] == 0.0


def test_weights_verdict_flags_leads():
    m = model()
    a = m.items[0]
    only_verdict = grading.grade_item(m, a, {"verdict": "misleading"})
    assert only_verdict.score == pytest.approx(0.6)
    one_flag = grading.grade_item(m, a, {"verdict": "misleading", "flags": flags_of(a, "f1")})
    assert one_flag.score == pytest.approx(0.6 + 0.25 * (2 * 1 * 0.5 / 1.5))
    one_lead = grading.grade_item(m, a, {"verdict": "misleading", "leads": ["u1"]})
    assert one_lead.score == pytest.approx(0.6 + 0.15 * 0.5)
    all_leads = grading.grade_item(m, a, {"verdict": "misleading", "leads": ["u1", "u2", "n1"]})
    assert all_leads.score == pytest.approx(0.6 + 0.15 * 0.75)


def test_near_verdict_gets_half_and_item_without_flags_or_leads_is_all_verdict():
    m = model()
    a, b = m.items
    assert grading.verdict_part(m, a, "false", None) == 0.5
    assert grading.verdict_part(m, a, "satire", None) == 0.0
    assert grading.grade_item(m, b, {"verdict": "accurate"}).score == 1.0
    assert grading.grade_item(m, b, {"verdict": "misleading"}).score == 0.0


def test_false_positive_marks_lower_precision():
    m = model()
    a = m.items[0]
    innocent = [s for s, f in content.segment_flags(a.body).items() if not f]
    clean = grading.grade_item(m, a, {"verdict": "misleading", "flags": flags_of(a)})
    noisy = grading.grade_item(m, a, {"verdict": "misleading", "flags": flags_of(a) + innocent[:1]})
    assert noisy.score < clean.score and noisy.false_marks == tuple(innocent[:1])


def perfect(m, confidence):
    a = m.items[0]
    return {"a": {"verdict": "misleading", "flags": flags_of(a), "leads": ["u1", "u2"], "confidence": confidence},
            "b": {"verdict": "accurate", "confidence": confidence}}


@pytest.mark.parametrize("confidence", [50, 60, 75, 90, 100])
def test_all_right_passes_whatever_the_confidence(confidence):
    # Before: right at 50 % scored 7/9 of the verdict part, below a pass mark of 0.8.
    m = model(confidence=True)
    score = grading.grade(m, perfect(m, confidence))[0]
    assert score >= 0.93 and scoring.passes(score, 0.9)
    assert grading.grade(m, perfect(m, 100))[0] == pytest.approx(1.0)


def test_a_confidence_never_chosen_is_not_counted():
    # Before: a missing confidence counted as "low" (right: 7/9 of the verdict part).
    m = model(confidence=True)
    plain = grading.grade(model(), perfect(model(), None))[0]
    assert grading.grade(m, perfect(m, None))[0] == pytest.approx(plain) == pytest.approx(1.0)
    half = {"a": {"verdict": "satire"}, "b": {"verdict": "accurate"}}
    assert grading.grade(m, half)[0] == pytest.approx(grading.grade(model(), half)[0])


def test_sure_and_wrong_costs_more_than_unsure_and_wrong_within_bounds():
    m = model(confidence=True)
    accuracy = grading.grade(model(), {"a": {"verdict": "satire"}, "b": {"verdict": "accurate"}})[0]

    def score(wrong_confidence):
        return grading.grade(m, {"a": {"verdict": "satire", "confidence": wrong_confidence},
                                 "b": {"verdict": "accurate", "confidence": 100}})[0]

    assert score(50) > score(75) > score(100)
    assert accuracy - 0.2 <= score(100) and score(50) <= accuracy + 0.05


def test_cbm_near_verdict_counts_as_wrong_for_the_bonus():
    m = model(confidence=True)
    near = grading.grade(m, {"a": {"verdict": "false", "confidence": 100}})[0]
    assert near < grading.grade(model(), {"a": {"verdict": "false"}})[0]


def test_survey_discernment_distrust_naivety():
    m = content.parse(parse_string("""<mediacheck mode="survey">
      <item id="t1" verdict="accurate"><body>x</body></item><item id="t2" verdict="accurate"><body>x</body></item>
      <item id="f1" verdict="false"><body>x</body></item><item id="f2" verdict="misleading"><body>x</body></item>
    </mediacheck>"""))
    believe_all = {i.id: {"verdict": "accurate"} for i in m.items}
    assert grading.survey_scores(m, believe_all) == {"discernment": 0.0, "distrust": 0, "naivety": 2}
    doubt_all = {i.id: {"verdict": "false"} for i in m.items}
    assert grading.survey_scores(m, doubt_all) == {"discernment": 0.0, "distrust": 2, "naivety": 0}
    ideal = {"t1": {"verdict": "accurate"}, "t2": {"verdict": "accurate"}, "f1": {"verdict": "false"},
             "f2": {"verdict": "false"}}
    assert grading.survey_scores(m, ideal)["discernment"] == 1.0


SEGMENTS = st.lists(st.sampled_from([f"s{i}" for i in range(8)]), max_size=8)


@st.composite
def answers(draw):
    return {"verdict": draw(st.sampled_from([None, "accurate", "misleading", "false", "satire"])),
            "flags": draw(SEGMENTS), "leads": draw(st.lists(st.sampled_from(["u1", "u2", "n1"]), max_size=3)),
            "confidence": draw(st.one_of(st.none(), st.integers(50, 100)))}


@settings(max_examples=200, deadline=None)
@given(answers(), st.booleans())
def test_property_score_in_bounds_and_deterministic(answer, confidence):
    m = model(confidence)
    for item in m.items:
        first = grading.grade_item(m, item, answer)
        assert 0.0 <= first.score <= 1.0
        assert grading.grade_item(m, item, answer) == first


@settings(max_examples=200, deadline=None)
@given(answers())
def test_property_monotone_in_correct_parts(answer):
    m = model()
    a = m.items[0]
    base = grading.grade_item(m, a, answer).score
    right_verdict = grading.grade_item(m, a, {**answer, "verdict": "misleading"}).score
    assert right_verdict >= base - 1e-9
    for segment in flags_of(a):
        more = grading.grade_item(m, a, {**answer, "flags": [*answer["flags"], segment]}).score
        assert more >= base - 1e-9
    useful = grading.grade_item(m, a, {**answer, "leads": [*answer["leads"], "u1"]}).score
    assert useful >= base - 1e-9
