"""civicquiz grading per type, CBM table, answer shapes; draws: stability, balance, distinctness."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicquiz import draw, grading
from civicquiz.content import Item, Option, Pair, Question

SINGLE = Question("s", "single", "p", options=(Option("a", "A"), Option("b", "B", True), Option("c", "C")))
MULTIPLE = Question("m", "multiple", "p", options=(Option("a", "A", True), Option("b", "B", True),
                                                   Option("c", "C"), Option("d", "D")))
TRUEFALSE = Question("t", "truefalse", "p", answer=False)
NUMERIC = Question("n", "numeric", "p", answer=100.0, tolerance=0.5)
ORDER = Question("o", "order", "p", items=tuple(Item(x, x) for x in "abcd"))
MATCH = Question("x", "match", "p", pairs=tuple(Pair(x, x, x.upper()) for x in "abc"))
SCALE = Question("sc", "scale", "p", scale_min=1, scale_max=5)
TEXT = Question("tx", "text", "p")


@pytest.mark.parametrize(("question", "answer", "expected"), [
    (SINGLE, "b", 1), (SINGLE, "a", 0),
    (TRUEFALSE, False, 1), (TRUEFALSE, True, 0),
    (NUMERIC, 100.5, 1), (NUMERIC, 99.5, 1), (NUMERIC, 100.6, 0),
    (MULTIPLE, ["a", "b"], 1), (MULTIPLE, ["a"], 0.5), (MULTIPLE, ["a", "b", "c"], 0.5),
    (MULTIPLE, ["a", "c", "d"], 0), (MULTIPLE, ["a", "b", "c", "d"], 0), (MULTIPLE, [], 0),
    (ORDER, ["a", "b", "c", "d"], 1), (ORDER, ["d", "c", "b", "a"], 0), (ORDER, ["b", "a", "c", "d"], 2 / 3),
    (ORDER, ["a", "c", "b", "d"], 2 / 3), (ORDER, ["c", "d", "a", "b"], 2 / 3),
    (MATCH, {"a": "a", "b": "b", "c": "c"}, 1), (MATCH, {"a": "b", "b": "a", "c": "c"}, 1 / 3), (MATCH, {}, 0),
    (SCALE, 3, 0), (TEXT, "x", 0),
])
def test_score_per_type(question, answer, expected):
    assert grading.score(question, grading.normalize(question, answer)) == pytest.approx(expected)


@pytest.mark.parametrize(("question", "answer"), [
    (SINGLE, "z"), (SINGLE, ["b"]), (MULTIPLE, "a"), (MULTIPLE, ["a", "a"]), (MULTIPLE, ["z"]),
    (TRUEFALSE, "false"), (TRUEFALSE, 0), (NUMERIC, "100"), (NUMERIC, True), (NUMERIC, float("inf")),
    (ORDER, ["a", "b", "c"]), (ORDER, ["a", "b", "c", "c"]), (ORDER, "abcd"),
    (MATCH, {"a": "z"}), (MATCH, {"z": "a"}), (MATCH, ["a"]), (MATCH, {"a": 1}),
    (SCALE, 6), (SCALE, 2.5), (SCALE, True), (TEXT, 5),
])
def test_wrong_shapes_are_refused(question, answer):
    with pytest.raises(grading.AnswerError) as caught:
        grading.normalize(question, answer)
    assert question.id in caught.value.render()


def test_a_too_long_text_is_refused_with_its_limit_and_no_internal_id():
    with pytest.raises(grading.AnswerError) as caught:
        grading.normalize(TEXT, "x" * 2001)
    assert caught.value.render() == "An answer may be at most 2000 characters long."


def test_cbm_table_is_moodles():
    assert [grading.cbm_mark(1.0, c) for c in (1, 2, 3)] == [1, 2, 3]
    assert [grading.cbm_mark(0.0, c) for c in (1, 2, 3)] == [0, -2, -6]
    assert grading.cbm_mark(0.5, 3) == -6  # partial credit counts as wrong under CBM


def test_cbm_quiz_score_is_accuracy_plus_a_bounded_bonus():
    # Before: marks / (3 x questions), so all right "not sure" scored 1/3 and failed.
    questions = [SINGLE, TRUEFALSE]
    sure_right = grading.grade(questions, {"s": "b", "t": False}, {"s": 3, "t": 3}, cbm=True)
    assert sure_right.fraction == 1
    unsure_right = grading.grade(questions, {"s": "b", "t": False}, {"s": 1, "t": 1}, cbm=True)
    assert unsure_right.fraction == pytest.approx(1 - 0.2 / 3) and unsure_right.passes(0.9)
    sure_half = grading.grade(questions, {"s": "b", "t": True}, {"s": 3, "t": 3}, cbm=True)
    unsure_half = grading.grade(questions, {"s": "b", "t": True}, {"s": 3, "t": 1}, cbm=True)
    assert sure_half.fraction == pytest.approx(0.5 - 0.2 / 3) and unsure_half.fraction == pytest.approx(0.5 + 0.1 / 3)
    assert grading.grade(questions, {}, {}, cbm=True).fraction == 0


def test_all_right_passes_any_pass_mark_whatever_the_certainty():
    questions = [SINGLE, TRUEFALSE]
    for certainty in (1, 2, 3):
        result = grading.grade(questions, {"s": "b", "t": False}, dict.fromkeys("st", certainty), cbm=True)
        assert result.passes(1.0) and result.fraction >= 0.93


def test_a_certainty_never_chosen_is_not_counted():
    questions = [SINGLE, TRUEFALSE]
    plain = grading.grade(questions, {"s": "b", "t": True})
    assert grading.grade(questions, {"s": "b", "t": True}, {}, cbm=True).fraction == pytest.approx(plain.fraction)


def test_quiz_score_is_the_mean_and_unanswered_is_zero():
    result = grading.grade([SINGLE, MULTIPLE], {"s": "b", "m": ["a"]})
    assert result.fraction == pytest.approx(0.75) and result.scores == {"s": 1, "m": 0.5}
    assert grading.grade([SINGLE, MULTIPLE], {}).fraction == 0


def test_solutions_score_full_marks():
    for question in (SINGLE, MULTIPLE, TRUEFALSE, NUMERIC, ORDER, MATCH):
        assert grading.score(question, grading.solution(question)) == 1


@settings(max_examples=200, deadline=None)
@given(st.permutations(list("abcdef")), st.lists(st.sampled_from("abcd"), unique=True),
       st.dictionaries(st.sampled_from("abc"), st.sampled_from("abc")),
       st.dictionaries(st.sampled_from("st"), st.integers(1, 3)), st.booleans())
def test_scores_stay_between_zero_and_one(order, picks, matches, certainty, cbm):
    order_question = Question("o", "order", "p", items=tuple(Item(x, x) for x in "abcdef"))
    assert 0 <= grading.score(order_question, order) <= 1
    assert 0 <= grading.score(MULTIPLE, picks) <= 1
    assert 0 <= grading.score(MATCH, matches) <= 1
    result = grading.grade([SINGLE, TRUEFALSE], {"s": "a", "t": False}, certainty, cbm=cbm)
    assert 0 <= result.fraction <= 1


# Draws ---------------------------------------------------------------------------

def bank(sizes):
    return [Question(f"{topic}{n}", "single", "p", topic=topic)
            for topic, size in sizes.items() for n in range(size)]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d", ""]), st.integers(1, 6), min_size=1),
       st.integers(1, 30), st.text(max_size=10))
def test_draw_is_stable_distinct_and_balanced(sizes, count, seed):
    questions = bank(sizes)
    count = min(count, len(questions))
    drawn = draw.draw_questions(questions, count, seed)
    assert drawn == draw.draw_questions(questions, count, seed)
    assert len(drawn) == count == len(set(drawn))
    assert drawn == [q.id for q in questions if q.id in drawn]  # bank order
    per_topic = {topic: sum(1 for q in questions if q.id in drawn and q.topic == topic) for topic in sizes}
    for a in sizes:
        for b in sizes:
            # Balanced within one, unless a topic has run out of questions.
            assert per_topic[a] - per_topic[b] <= 1 or per_topic[b] == sizes[b]


def test_a_new_attempt_usually_draws_again():
    questions = bank({"a": 5, "b": 5, "c": 5})
    differs = sum(draw.draw_questions(questions, 6, f"learner:{n}")
                  != draw.draw_questions(questions, 6, f"learner:{n + 1}") for n in range(20))
    assert differs >= 15


def test_no_draw_means_every_question():
    questions = bank({"a": 3})
    assert draw.draw_questions(questions, None, "x") == ["a0", "a1", "a2"]


@given(st.integers(2, 8), st.text(max_size=8))
def test_shuffles_are_stable_and_the_same_whatever_the_right_order(size, learner):
    ids = [f"i{n}" for n in range(size)]
    start = draw.item_order(ids, learner, "q", 0)
    assert start == draw.item_order(ids, learner, "q", 0) and sorted(start) == sorted(ids)
    assert draw.item_order(list(reversed(ids)), learner, "q", 0) == start  # authoring order gives nothing away
    column = draw.right_column([(i, f"text {i}") for i in ids], learner, "q", 0)
    assert list(column) == [f"r{n}" for n in range(1, size + 1)] and sorted(column.values()) == sorted(ids)
    assert draw.option_order(ids, learner, "q", 0) == draw.option_order(list(reversed(ids)), learner, "q", 0)


def test_two_item_orders_do_not_always_start_reversed():
    """Issue 18 (8): a start order that is never right is, with two items, always the answer reversed."""
    starts = {tuple(draw.item_order(["first", "second"], f"learner-{n}", "q", 0)) for n in range(40)}
    assert starts == {("first", "second"), ("second", "first")}
