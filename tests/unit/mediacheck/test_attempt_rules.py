"""mediacheck's answer rules (attempt_rules, pure): what an answer is, what is refused, what practice grades."""

from hypothesis import given
from hypothesis import strategies as st

from mediacheck import attempt_rules as rules
from mediacheck import content, grading
from noturiba.olx import parse_string

OLX = """<mediacheck>
  <item id="a" verdict="misleading"><body>Sākums. <flag id="f1" note="x">PIRMAIS!</flag> beigas.</body>
    <lead id="u1" useful="true" title="t">x</lead><lead id="n1" useful="false" title="t">x</lead></item>
  <item id="b" verdict="accurate"><body>Patiess teksts.</body></item>
</mediacheck>"""
PAST_DUE = "past due"


def model():
    return content.parse(parse_string(OLX))


def test_an_answer_naming_what_the_item_does_not_have_is_refused_with_what_is_wrong():
    m = model()
    a = m.items[0]
    assert rules.answer_problem(m, a, {"verdict": "false", "flags": ["s99"]}, True).params["id"] == "s99"
    assert rules.answer_problem(m, a, {"verdict": "false", "leads": ["zz"]}, True).params["id"] == "zz"
    assert rules.answer_problem(m, a, {"verdict": "nonsense"}, False).params["id"] == "nonsense"
    assert rules.answer_problem(m, a, {"flags": ["s0"]}, True) is rules.CHOOSE_EVERY_VERDICT
    assert rules.answer_problem(m, a, {"flags": ["s0"]}, False) is None


def test_an_answer_keeps_flags_once_in_order_and_counts_the_leads_opened_before():
    kept = rules.answer({"verdict": "false", "flags": ["s2", "s0", "s2"], "leads": ["u1"], "confidence": 70},
                        opened=["n1"])
    assert kept == {"verdict": "false", "flags": ["s2", "s0"], "leads": ["n1", "u1"], "confidence": 70}


answers = st.fixed_dictionaries({}, optional={
    "verdict": st.sampled_from(["false", "accurate", "gone", None, 3]),
    "flags": st.lists(st.sampled_from(["s0", "s1", "s2", "s40"])),
    "leads": st.lists(st.sampled_from(["u1", "n1", "gone"])),
    "confidence": st.sampled_from([None, 49, 50, 77, 100, 101, True, "90"]),
})


@given(stored=st.dictionaries(st.sampled_from(["a", "b", "removed"]), answers | st.none() | st.integers()))
def test_stored_answers_are_cleaned_to_what_the_content_still_has_and_grade_like_clean_ones(stored):
    m = model()
    clean = rules.cleaned(m, stored)
    assert set(clean) <= {"a", "b"}
    for item in m.items:
        if item.id not in clean:
            continue
        answer = clean[item.id]
        assert answer["verdict"] in {None, *(v.id for v in m.scale)}
        assert set(answer["flags"]) <= set(item.segment_owners)
        assert set(answer["leads"]) <= item.lead_ids
        assert answer["confidence"] is None or 50 <= answer["confidence"] <= 100
    assert rules.cleaned(m, clean) == clean  # cleaning twice changes nothing
    assert grading.grade(m, rules.cleaned(m, clean)) == grading.grade(m, clean)


def test_opened_leads_and_checks_of_removed_items_or_leads_are_dropped():
    m = model()
    assert rules.clean_opened(m, {"a": ["gone", "u1"], "b": ["x"], "removed": ["u1"]}) == {"a": ["u1"]}
    assert rules.clean_checked(m, {"a": 0.5, "removed": 1.0}) == {"a": 0.5}


def test_refusals_follow_the_mode_and_the_due_date():
    assert rules.check_refusal("assessment", None) is not None
    assert rules.check_refusal("practice", PAST_DUE) == PAST_DUE
    assert rules.check_refusal("practice", None) is None
    assert rules.save_refusal("survey", True, None) is rules.ALREADY_RECORDED
    assert rules.save_refusal("survey", False, PAST_DUE) is None  # surveys stay open
    assert rules.save_refusal("assessment", False, PAST_DUE) == PAST_DUE
    assert rules.reset_refusal("assessment", None) is not None
    assert rules.reset_refusal("practice", PAST_DUE) == PAST_DUE


def test_a_submission_is_refused_once_attempts_are_used_or_already_submitted():
    def submit(mode, **facts):
        return rules.submit_refusal(mode, **{"submitted": False, "retrying": False, "can_submit": True,
                                             "past_due": None, **facts})
    assert submit("practice") is rules.PRACTICE_CHECKS_EACH
    assert submit("survey", submitted=True) is rules.ALREADY_RECORDED
    assert submit("survey", past_due=PAST_DUE) is None
    assert submit("assessment", past_due=PAST_DUE, can_submit=False) == PAST_DUE
    assert submit("assessment", can_submit=False) is rules.USED_ALL
    assert submit("assessment", submitted=True) is not None
    assert submit("assessment", submitted=True, retrying=True) is None
    again = {"submitted": True, "retrying": False, "can_submit": True, "past_due": None}
    assert rules.new_attempt_refusal("assessment", **again) is None
    assert rules.new_attempt_refusal("assessment", **{**again, "can_submit": False}) is rules.USED_ALL
    assert rules.new_attempt_refusal("assessment", **{**again, "retrying": True}) is not None


def test_practice_grades_each_items_first_check_only():
    m = model()
    first = {"a": {"verdict": "misleading"}}
    later = {"a": {"verdict": "false"}, "b": {"verdict": "accurate"}}
    graded = rules.practice_graded(m, later, {"a": 0.0, "b": 1.0}, first)
    assert graded["a"]["verdict"] == "misleading" and graded["b"]["verdict"] == "accurate"
    assert rules.first_check("a", first, {}) is False and rules.first_check("b", first, {}) is True
    assert rules.first_check("b", {}, {"b": 1.0}) is False  # a state from before first checks were kept
    assert rules.completion(m, {"a": 1.0}) == 0.5
    assert rules.missing_items(m, {"a": {}}) and not rules.missing_items(m, {"a": {}, "b": {}})
