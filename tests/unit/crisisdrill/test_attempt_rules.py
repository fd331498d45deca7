"""The attempt rules of a drill, without a runtime: restarts, decisions, endings, the kept best."""

from crisisdrill import attempt_rules

from .drills import choice, drill, ending, step


def two_step_drill(mode="assessment"):
    return drill(step("a", choice("good", "b", points=1), choice("bad", "end", points=0)),
                 step("b", choice("done", "end", points=1), time_limit=30, timeout="end"),
                 ending("end"), mode=mode)


def test_restarting_the_last_attempt_part_way_is_refused_but_practice_always_restarts():
    model = two_step_drill()
    state = attempt_rules.fresh(model, attempts=1)
    state["path"] = [{"node": "a", "choice": "good", "at": 1}]
    state["node"] = "b"
    last = attempt_rules.restart_refusal(model, state, attempts=1, attempts_left=1, can_submit=True, past_due=None)
    assert last.render() == "This is your last attempt: finish it to get its grade."
    assert attempt_rules.restart_refusal(model, state, attempts=1, attempts_left=2, can_submit=True,
                                         past_due=None) is None
    practice = two_step_drill("practice")
    assert attempt_rules.restart_refusal(practice, state, attempts=5, attempts_left=0, can_submit=False,
                                         past_due=None) is None


def test_only_the_current_node_of_the_right_kind_takes_a_decision():
    model = two_step_drill()
    state = attempt_rules.fresh(model, attempts=0)
    assert attempt_rules.decision_refusal(model, state, "a", "step", can_submit=True) is None
    assert "not the current situation" in attempt_rules.decision_refusal(
        model, state, "b", "step", can_submit=True).message.render()
    wrong_kind = attempt_rules.decision_refusal(model, state, "a", "order", can_submit=True)
    assert "does not fit" in wrong_kind.message.render()
    assert attempt_rules.decision_refusal(model, {**state, "node": "gone"}, "a", "step", can_submit=True).status == 409
    assert "no attempts" in attempt_rules.decision_refusal(model, state, "a", "step", can_submit=False).message.render()


def test_a_decision_starts_the_next_steps_clock_and_an_ending_finishes_the_attempt():
    model = two_step_drill()
    state = attempt_rules.fresh(model, attempts=0)
    timed = lambda item: getattr(item, "time_limit", None) is not None  # noqa: E731
    assert attempt_rules.advance(model, state, {"node": "a", "choice": "good"}, "b", now=100.0, timed=timed,
                                 timer_paused=False) is None
    assert state["clock"]["node"] == "b" and state["clock"]["started"] == 100.0 and not state["finished"]
    reached = attempt_rules.advance(model, state, {"node": "b", "choice": "done"}, "end", now=130.0, timed=timed,
                                    timer_paused=False)
    assert reached.id == "end" and state["finished"] and "clock" not in state
    assert [entry["node"] for entry in state["path"]] == ["a", "b", "end"]


def test_play_keeps_the_best_attempt_and_an_abandoned_worse_one_publishes_nothing():
    first = attempt_rules.keep_best(None, ["p1"], 0.4, finished=False)
    assert (first.best_path, first.publish, first.fraction) == (["p1"], "score", 0.4)
    worse = attempt_rules.keep_best(0.4, ["p2"], 0.2, finished=False)
    assert (worse.best_path, worse.publish) == (None, None)
    finished_worse = attempt_rules.keep_best(0.4, ["p3"], 0.1, finished=True)
    assert (finished_worse.best_path, finished_worse.publish, finished_worse.fraction) == (None, "completion", 0.4)
