"""The order in which a learner sees a node's choices and options (pure).

Authors tend to write the best choice, the required items and the right order
first, so nothing is shown in the authoring order. `learner_order` starts from a
neutral order (the ids sorted by a hash of node and id, so neither the authoring
order nor ids named "a", "b", "c" in that order show) and, for a learner, shuffles
it seeded by the learner key, the attempt round and the node: a reload shows the
same order, a new attempt another one. Without a learner (student_view_data and
the public view, computed for nobody) the neutral order is the same for everyone.

An order node's start is such a shuffle too (the kit's one rule, seeded.start_order):
it may happen to be the right order, and confirming it is an answer like any other.
"""

from noturiba import seeded


def seed_of(learner, round_, node_id):
    """What one shuffle is seeded by (tests replace it to give two learners the same order)."""
    return (learner, round_, node_id)


def learner_order(entries, node_id, learner=None, round_=0):
    """`entries` (objects with an `id`) in the order this learner sees them at node `node_id`."""
    parts = () if learner is None else ("crisisdrill", *seed_of(learner, round_, node_id))
    return seeded.start_order(entries, *parts, key=seeded.neutral_key(node_id))
