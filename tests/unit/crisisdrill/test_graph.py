"""Graph validation (each error kind) and the loop-safe best score."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisdrill import content, grading, graph

from .drills import checklist, choice, drill, ending, graphs, option, order, step, variable


def errors(model):
    return [(p.node_id, p.message.msgid) for p in content.validate(model) if p.is_error]


def test_a_valid_drill_has_no_problems():
    model = drill(step("a", choice("x", "b", 1), choice("y", "end", 0)), step("b", choice("z", "end", 2)),
                  ending("end"))
    assert errors(model) == []


@pytest.mark.parametrize(("model", "node_id", "fragment"), [
    (drill(step("a", choice("x", "nowhere")), ending("end"), start="a"), "a", "does not exist"),
    (drill(step("a", choice("x", "end")), ending("end"), start="missing"), None, "start node"),
    (drill(step("a", choice("x", "end"), time_limit=30, timeout="ghost"), ending("end")), "a", "timeout of"),
    (drill(step("a", choice("x", "end"), time_limit=30), ending("end")), "a", "no timeout node"),
    (drill(step("a", choice("x", "end")), step("orphan", choice("y", "end")), ending("end")), "orphan",
     "cannot be reached"),
    (drill(step("a", choice("x", "b"), choice("y", "end")), step("b", choice("z", "b")), ending("end")), "b",
     "No ending"),
    (drill(step("a", choice("x", "a"))), None, "no ending"),
    (drill(step("a"), ending("end")), "a", "no choices"),
    (drill(step("a", choice("x", "end", effects=(content.Effect("water", "-=", 1),))), ending("end")), "a",
     "undeclared variable"),
    (drill(step("a", choice("x", "end", requires=content.Condition("water", ">=", 1)),
                choice("y", "end")), ending("end")), "a", "requires the undeclared"),
    (drill(step("a", choice("x", "end", requires=content.Condition("w", ">=", 1))), ending("end"),
           variables=[variable("w")]), "a", "without a condition"),
    (drill(checklist("k", "end", option("big", 5, required=True), option("b", 5, required=True), capacity=6),
           ending("end")), "k", "capacity"),
    (drill(order("o", "end", "only"), ending("end")), "o", "too few options"),
    (drill(checklist("k", "ghost", option("x")), ending("end")), "k", "does not exist"),
    (drill(step("a", choice("x", "end")), ending("end"), variables=[variable("w", initial=20, high=10)]), "w",
     "min <= initial <= max"),
    (drill(ending("end")), "end", "starts at an ending"),
])
def test_each_graph_error_is_reported_naming_the_node(model, node_id, fragment):
    found = errors(model)
    assert any(found_id == node_id and fragment in msgid for found_id, msgid in found), found


def test_a_loop_with_an_exit_is_fine_and_counts_each_choice_once():
    # a -> b -> a loop (2 + 3 points) with an exit from b to the ending (1 point)
    model = drill(step("a", choice("ab", "b", 2)), step("b", choice("ba", "a", 3), choice("out", "end", 1)),
                  ending("end"))
    assert errors(model) == []
    assert graph.best_total(model) == 6
    path = [{"node": "a", "choice": "ab"}, {"node": "b", "choice": "ba"}, {"node": "a", "choice": "ab"},
            {"node": "b", "choice": "ba"}, {"node": "a", "choice": "ab"}, {"node": "b", "choice": "out"},
            {"node": "end"}]
    assert grading.grade(model, path).score == 1.0  # looping again earns nothing more


def test_best_score_takes_the_richest_branch_and_skips_critical_shortcuts():
    model = drill(step("a", choice("rich", "b", 1), choice("poor", "end", 2), choice("danger", "end", 50,
                                                                                   critical=True)),
                  step("b", choice("more", "k", 4)),
                  checklist("k", "end", option("w", required=True)), ending("end"))
    assert graph.best_total(model) == 1 + 4 + graph.NODE_WEIGHT
    assert graph.best_choice(model, model.node("a")).id == "rich"


def long_loop(count):
    nodes = [step(f"n{i}", choice(f"n{i}a", f"n{i + 1}" if i + 1 < count - 1 else "end", 1),
                  choice(f"n{i}b", f"n{max(0, i - 3)}", 2)) for i in range(count - 1)]
    return drill(*nodes, ending("end"))


def check_time(model):
    """The best of three runs of validation plus the best total (the least disturbed by other load)."""
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        assert errors(model) == []
        graph.best_total(model)
        runs.append(time.perf_counter() - started)
    return min(runs)


def test_ten_thousand_nodes_validate_and_score_in_time_that_grows_linearly():
    big, small = long_loop(10_000), long_loop(2_500)
    # one big loop: every choice can be collected once before leaving
    assert graph.best_total(big) == (10_000 - 1) * 3
    # 4x the nodes: about 4x the time if linear, 16x if quadratic (a ratio, so a loaded machine
    # slows both alike; the absolute speed is measured in `make bench`)
    ratio = check_time(big) / check_time(small)
    assert ratio < 9, ratio


def walks(model, limit, rng):
    """Random walks from the start to an ending (choices taken at random)."""
    node = model.node(model.start)
    path = []
    for _ in range(limit):
        if isinstance(node, content.Ending):
            path.append({"node": node.id})
            return path
        picked = rng.choice(node.choices)
        path.append({"node": node.id, "choice": picked.id})
        node = model.node(picked.goto)
    return None


@settings(max_examples=150, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_best_is_at_least_any_walks_score(model, rng):
    if errors(model):
        return
    best = graph.best_total(model)
    for _ in range(20):
        path = walks(model, 40, rng)
        if path is None:
            continue
        result = grading.grade(model, path)
        if not result.critical:
            assert result.earned <= best + 1e-9
        if result.best > 0 and result.earned >= best - 1e-9 and not result.critical:
            assert result.score == 1.0
        assert 0.0 <= result.score <= 1.0


@settings(max_examples=100, deadline=None)
@given(graphs())
def test_best_score_is_deterministic_and_never_negative(model):
    first = graph.best_scores(model)
    assert first == graph.best_scores(model)
    assert all(value >= 0 for value in first.values())
