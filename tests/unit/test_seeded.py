"""The kit's one rule for reproducible orders (noturiba.seeded), as laws over random inputs."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from noturiba import seeded

ITEMS = st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=12, unique=True)
SEEDS = st.tuples(st.text(max_size=20), st.integers(min_value=0, max_value=50), st.text(max_size=10))


@given(ITEMS, SEEDS)
def test_a_shuffle_is_a_permutation_and_the_same_seed_gives_the_same_order(items, seed):
    order = seeded.shuffled(items, *seed)
    assert sorted(order) == sorted(items)
    assert seeded.shuffled(items, *seed) == order  # a reload shows the same order
    assert items == list(items)  # the input is left as it was


@given(ITEMS, st.text(max_size=10))
def test_the_neutral_order_ignores_the_authoring_order(items, node):
    class Entry:
        def __init__(self, entry_id):
            self.id = entry_id
    forwards = [e.id for e in seeded.start_order([Entry(i) for i in items], key=seeded.neutral_key(node))]
    backwards = [e.id for e in seeded.start_order([Entry(i) for i in reversed(items)], key=seeded.neutral_key(node))]
    assert forwards == backwards


def test_over_many_learners_every_option_comes_first_about_equally_often():
    firsts = Counter(seeded.shuffled("abcd", f"learner-{n}", "q1", 0, "options")[0] for n in range(4000))
    assert set(firsts) == set("abcd")
    assert all(850 <= count <= 1150 for count in firsts.values()), firsts


def test_parts_are_kept_apart_so_similar_seeds_do_not_collide():
    assert seeded.digest("ab", "c") != seeded.digest("a", "bc")
    assert seeded.shuffled(range(10), "learner", 1) != seeded.shuffled(range(10), "learner", 2)


@given(ITEMS, st.randoms(use_true_random=False), SEEDS)
def test_a_start_order_never_depends_on_the_order_the_author_wrote(items, random, seed):
    """The one rule of every block's start orders: the right order (and the best choice) is the one
    written first, so the start depends on which items there are and on the seed, nothing else."""
    written = list(items)
    random.shuffle(written)
    order = seeded.start_order(items, *seed)
    assert seeded.start_order(written, *seed) == order and sorted(order) == sorted(items)
    assert seeded.start_order(written) == sorted(items)  # no seed: the same sorted order for everybody
    by_length = sorted(items, key=len)
    assert seeded.start_order(by_length, key=lambda item: (len(item), item)) == sorted(items, key=lambda i: (len(i), i))


def test_a_start_order_may_be_the_right_order():
    """Issue 18 (8): a start that avoided the right order would, with two items, always be it reversed."""
    starts = {tuple(seeded.start_order(["second", "first"], f"learner-{n}", "q")) for n in range(40)}
    assert starts == {("first", "second"), ("second", "first")}


def test_learners_keep_the_orders_they_were_shown_before_the_one_rule():
    """Orders seeded before the kit held the rule stay the same for the same seeds (a reload after an
    upgrade shows a learner in the middle of an attempt what they saw)."""
    from collections import namedtuple

    from civicquiz import draw
    from crisisdrill.shuffle import learner_order
    entry = namedtuple("Entry", "id")
    ids = [f"i{n}" for n in range(7)]
    assert [e.id for e in learner_order([entry(i) for i in ids[:6]], "node4")] == ["i1", "i3", "i2", "i0", "i5", "i4"]
    assert [e.id for e in learner_order([entry(i) for i in ids[:6]], "node4", "L4", 1)] == [
        "i4", "i0", "i1", "i5", "i3", "i2"]
    assert draw.item_order(ids, "L5", "q5", 2) == ["i5", "i1", "i6", "i0", "i3", "i2", "i4"]
    assert draw.option_order(ids, "L5", "q5", 2) == ["i4", "i0", "i6", "i2", "i3", "i5", "i1"]
    pairs = [(i, f"t{(7 * k) % 5}{i}") for k, i in enumerate(ids[:5])]
    assert draw.right_column(pairs, "L3", "q3", 0) == {"r1": "i1", "r2": "i4", "r3": "i0", "r4": "i2", "r5": "i3"}
