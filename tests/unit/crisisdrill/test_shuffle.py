"""The learner's order of choices and options: never the authoring order, stable on reload, new per attempt."""

from collections import namedtuple

from crisisdrill.shuffle import learner_order

Entry = namedtuple("Entry", "id")
IDS = ["best", "ok", "bad", "worst"]


def ids(entries):
    return [entry.id for entry in entries]


def test_the_order_does_not_depend_on_how_the_author_wrote_them():
    written = [Entry(i) for i in IDS]
    for learner in ("k1", "k2", None):
        assert ids(learner_order(written, "n", learner)) == ids(learner_order(written[::-1], "n", learner))


def test_each_learner_and_attempt_gets_an_order_a_reload_keeps():
    written = [Entry(i) for i in IDS]
    assert ids(learner_order(written, "n", "k1", 0)) == ids(learner_order(written, "n", "k1", 0))
    by_learner = {tuple(ids(learner_order(written, "n", f"k{n}", 0))) for n in range(30)}
    by_round = {tuple(ids(learner_order(written, "n", "k1", r))) for r in range(30)}
    assert len(by_learner) > 5 and len(by_round) > 5


def test_ids_named_in_authoring_order_do_not_show_it_to_nobody():
    """Without a learner (the mobile API) the order is neutral: not the ids sorted, the same for all."""
    firsts = {ids(learner_order([Entry(f"{node}-a"), Entry(f"{node}-b"), Entry(f"{node}-c")], node))[0][-1]
              for node in ("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8")}
    assert len(firsts) > 1
