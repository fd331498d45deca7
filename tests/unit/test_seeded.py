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
    forwards = [e.id for e in seeded.neutral([Entry(i) for i in items], node)]
    backwards = [e.id for e in seeded.neutral([Entry(i) for i in reversed(items)], node)]
    assert forwards == backwards


def test_over_many_learners_every_option_comes_first_about_equally_often():
    firsts = Counter(seeded.shuffled("abcd", f"learner-{n}", "q1", 0, "options")[0] for n in range(4000))
    assert set(firsts) == set("abcd")
    assert all(850 <= count <= 1150 for count in firsts.values()), firsts


def test_parts_are_kept_apart_so_similar_seeds_do_not_collide():
    assert seeded.digest("ab", "c") != seeded.digest("a", "bc")
    assert seeded.shuffled(range(10), "learner", 1) != seeded.shuffled(range(10), "learner", 2)
