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


def neutral(entries, *parts, key=lambda entry: entry.id):
    """`entries` sorted by a hash of `parts` and each one's key: the same for everybody, and neither
    the authoring order nor ids written "a", "b", "c" show through it."""
    return sorted(entries, key=lambda entry: digest(*parts, key(entry)))
