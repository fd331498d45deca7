"""The one rule for reproducible orders in every block (pure): draws, shuffles, neutral orders.

A seed is a tuple of parts (learner key, attempt round, question or node id, a purpose word). The same
parts always give the same order, so a reload shows what the learner saw; another round or another
learner gives another. SHA-256 spreads the parts, so similar seeds ("q1", "q2") are unrelated.
Not for security: the orders hide the authoring order, not a secret.
"""

import hashlib
import random


def digest(*parts):
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).digest()


def rng(*parts):
    """A random generator seeded by `parts`."""
    return random.Random(int.from_bytes(digest(*parts)[:8], "big"))  # noqa: S311 - not for security


def shuffled(items, *parts):
    """`items` as a new list in the order seeded by `parts`."""
    items = list(items)
    rng(*parts).shuffle(items)
    return items


def neutral_key(*parts, key=lambda entry: entry.id):
    """A start_order key: a hash of `parts` and each entry's key, so that neither the authoring order
    nor ids written "a", "b", "c" show through the order it sorts to."""
    return lambda entry: digest(*parts, key(entry))


def start_order(items, *parts, key=None):
    """The order a learner first sees `items` in (choices, options, the steps of an order question).

    The one rule of every block: it depends on which items there are and on `parts`, never on the
    order they were written in, since authors write the right order and the best choice first. The
    start is `items` sorted by `key` (a function of one item alone; default the item itself),
    shuffled seeded by `parts`; without parts, that sorted order, the same for everybody.
    It may be the right order, as any shuffle may: a start that avoided it would depend on the
    answer, and with two items always show it reversed.
    """
    base = sorted(items, key=key)
    return shuffled(base, *parts) if parts else base
