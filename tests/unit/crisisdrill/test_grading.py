"""Grading rules: points / best, partial credit for checklists and orders, the critical cap, the debrief."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisdrill import grading, graph
from crisisdrill.model import Option, Order

from .drills import checklist, choice, drill, ending, option, order, step

KIT = checklist("kit", "siren", option("water", 4, required=True), option("radio", 1, required=True),
                option("blanket", 2), option("heater", 3, harmful=True), capacity=8)
SIREN = order("siren", "end", "stop", "tune", "listen", "act")
MODEL = drill(
    step("dark", choice("radio", "kit", 2), choice("candles", "kit", 2, critical=True), choice("scroll", "kit", 0)),
    KIT, SIREN, ending("end"))
BEST = 2 + 2 * graph.NODE_WEIGHT


def path(first="radio", picked=("water", "radio"), arranged=("stop", "tune", "listen", "act")):
    return [{"node": "dark", "choice": first}, {"node": "kit", "picked": list(picked)},
            {"node": "siren", "order": list(arranged)}, {"node": "end"}]


def test_the_best_path_scores_one():
    assert graph.best_total(MODEL) == BEST
    result = grading.grade(MODEL, path())
    assert (result.score, result.ending, result.critical) == (1.0, "end", ())
    assert result.passed(0.7)


def test_checklist_partial_credit_rule():
    assert grading.checklist_share(KIT, ["water"]) == 0.5
    assert grading.checklist_share(KIT, ["water", "radio", "blanket"]) == 1.0
    assert grading.checklist_share(KIT, ["water", "radio", "heater"]) == 0.5
    assert grading.checklist_share(KIT, ["heater"]) == 0.0
    assert grading.grade(MODEL, path(picked=["water"])).score == pytest.approx((2 + 1 + 2) / BEST)


def test_order_partial_credit_counts_pairs_in_the_right_order():
    assert grading.order_share(SIREN, ["stop", "tune", "listen", "act"]) == 1.0
    assert grading.order_share(SIREN, ["act", "listen", "tune", "stop"]) == 0.0
    assert grading.order_share(SIREN, ["tune", "stop", "listen", "act"]) == pytest.approx(5 / 6)


def test_a_critical_choice_caps_the_score_below_the_pass_mark():
    result = grading.grade(MODEL, path(first="candles"))
    assert result.earned == BEST
    assert result.score == pytest.approx(0.69)
    assert not result.passed(0.7)
    assert grading.grade(MODEL, path(first="candles"), pass_threshold=0.0).score == 0.0


def test_a_drill_without_points_scores_by_its_ending():
    model = drill(step("a", choice("x", "good"), choice("y", "bad")), ending("good"), ending("bad", "bad"))
    assert grading.grade(model, [{"node": "a", "choice": "x"}, {"node": "good"}]).score == 1.0
    assert grading.grade(model, [{"node": "a", "choice": "y"}, {"node": "bad"}]).score == 0.0


def test_entries_for_removed_ids_are_dropped_not_fatal():
    stale = [{"node": "gone", "choice": "x"}, {"node": "dark", "choice": "vanished"}, "junk", *path()]
    assert grading.grade(MODEL, stale).score == 1.0


def test_debrief_names_the_better_option_and_hides_it_when_not_allowed():
    rows = grading.debrief(MODEL, path(first="scroll", picked=["water", "heater"]))
    first = rows[0]
    assert first["choice"] == "scroll" and first["better"]["id"] == "radio"
    kit = rows[1]
    assert kit["missed"] == ["radio"] and kit["harmful"] == ["heater"]
    assert rows[2]["right"] == ["stop", "tune", "listen", "act"]
    hidden = grading.debrief(MODEL, path(first="scroll"), reveal_better=False)
    assert "better" not in hidden[0] and "right" not in hidden[2] and "missed" not in hidden[1]


def test_debrief_after_a_critical_choice_points_to_the_safe_one():
    rows = grading.debrief(MODEL, path(first="candles"))
    assert rows[0]["critical"] and rows[0]["better"]["id"] == "radio"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["radio", "candles", "scroll"]),
       st.lists(st.sampled_from(["water", "radio", "blanket", "heater", "ghost"]), max_size=6),
       st.permutations(["stop", "tune", "listen", "act"]), st.floats(min_value=0, max_value=1))
def test_score_is_a_deterministic_fraction(first, picked, arranged, threshold):
    result = grading.grade(MODEL, path(first, picked, arranged), threshold)
    assert 0.0 <= result.score <= 1.0
    assert result == grading.grade(MODEL, path(first, picked, arranged), threshold)
    if result.critical:
        assert result.score < threshold or result.score == 0.0


CRITICAL_KIT = checklist("kit", "siren", Option("water", "water", 4, required=True, critical=True),
                         option("radio", 1, required=True), Option("heater", "heater", 3, harmful=True, critical=True),
                         capacity=8)
CRITICAL_SIREN = Order(id="siren", goto="end", text="<p>Order</p>",
                       options=(Option("stop", "stop", critical=True), Option("tune", "tune"), Option("act", "act")))
CRITICAL = drill(step("dark", choice("radio", "kit", 2)), CRITICAL_KIT, CRITICAL_SIREN, ending("end"))


def critical_path(picked=("water", "radio"), arranged=("stop", "tune", "act")):
    return [{"node": "dark", "choice": "radio"}, {"node": "kit", "picked": list(picked)},
            {"node": "siren", "order": list(arranged)}, {"node": "end"}]


def test_a_bag_without_its_critical_item_cannot_pass():
    # Before: an empty 72-hour bag lost only the checklist's points and could still pass.
    assert grading.grade(CRITICAL, critical_path()).passed(0.7)
    without_water = grading.grade(CRITICAL, critical_path(picked=("radio",)), 0.5)
    assert without_water.critical == ("kit:water",) and without_water.score == pytest.approx(0.49)
    assert not without_water.passed(0.5)
    empty = grading.grade(CRITICAL, critical_path(picked=()), 0.2)
    assert not empty.passed(0.2)
    heater = grading.grade(CRITICAL, critical_path(picked=("water", "radio", "heater")), 0.5)
    assert heater.critical == ("kit:heater",)


def test_a_critical_action_out_of_its_place_cannot_pass():
    late = grading.grade(CRITICAL, critical_path(arranged=("tune", "stop", "act")), 0.5)
    assert late.critical == ("siren:stop",) and not late.passed(0.5)
    swapped = grading.grade(CRITICAL, critical_path(arranged=("stop", "act", "tune")), 0.5)
    assert swapped.critical == () and swapped.passed(0.5), "a non-critical slip only loses points"


def test_only_the_latest_answer_at_a_node_counts_for_the_critical_cap():
    looped = critical_path(picked=())[:2] + [{"node": "kit", "picked": ["water", "radio"]}] + critical_path()[2:]
    assert grading.grade(CRITICAL, looped).critical == ()
