"""What counts in an attempt: first checks only, kept attempts regraded, what a submit must confirm."""

from civicquiz import attempt_rules, views
from civicquiz.content import Option, Question, Quiz

SINGLE = Question("s", "single", "p", options=(Option("a", "A"), Option("b", "B", True)))
TRUEFALSE = Question("t", "truefalse", "p", answer=True)
QUIZ = Quiz(questions=(SINGLE, TRUEFALSE), mode="practice")
LAYOUT = views.learner_layout(QUIZ, "learner", 0)


def test_only_the_first_check_is_graded_even_when_the_answer_is_now_right():
    first = {"s": {"answer": "a", "certainty": None}}
    known = {"s": "b", "t": True}  # the solution shown after the first check, typed in and checked again
    result = attempt_rules.practice_result(LAYOUT, first, {"s": 1.0, "t": 1.0}, known, {}, cbm=False)
    # s counts its first (wrong) check; t, checked before first checks were kept, counts its answer.
    assert result.scores == {"s": 0.0, "t": 1.0} and result.fraction == 0.5


def test_a_kept_attempt_is_regraded_in_the_layout_of_its_round():
    quiz = Quiz(questions=(SINGLE, TRUEFALSE), mode="assessment")
    assert attempt_rules.attempt_fraction(quiz, "learner", {"answers": {"s": "b", "t": True}, "round": 3}) == 1.0
    assert attempt_rules.attempt_fraction(quiz, "learner", {"answers": {"s": "zz"}, "round": 3}) == 0.0


def test_a_blank_submit_needs_confirmation_and_cbm_needs_each_certainty():
    problem = attempt_rules.submission_problem(LAYOUT, {"s": "b"}, {}, cbm=False, confirmed=False)
    assert problem.render() == "1 question is not answered. Answer it, or confirm that you want to submit anyway."
    assert attempt_rules.submission_problem(LAYOUT, {"s": "b"}, {}, cbm=False, confirmed=True) is None
    missing = attempt_rules.submission_problem(LAYOUT, {"s": "b", "t": True}, {"s": 2}, cbm=True, confirmed=False)
    assert missing.render() == "Say how sure you are about your answer to question 2."  # as numbered on the page
    foreign = attempt_rules.submission_problem(LAYOUT, {"s": "b", "t": True}, {"zz": 1}, cbm=False, confirmed=False)
    assert "no question zz" in foreign.render()
