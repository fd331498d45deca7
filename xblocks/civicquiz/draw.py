"""Seeded, reproducible draws and shuffles (pure).

- `draw_questions`: N questions per learner and attempt, balanced across topics:
  topics are visited round robin in a seeded order, each topic's questions in a
  seeded order, so every topic gets N // topics questions or one more (unless
  it runs out). The seed is the learner key plus the attempt number, so a
  reload shows the same questions and a new attempt draws again. The drawn
  questions are shown in the bank's order.
- `option_order`, `item_order`, `right_column`: a learner's start orders of a question's
  options, an order question's items and a match question's right-hand side, seeded by
  learner, question and draw round by the kit's one rule (noturiba.seeded.start_order):
  never from the authoring order, which often puts the right answer first. An order
  question may start in the right order: the page counts it as answered only once the
  learner has moved an item. The right column gets opaque ids "r1", "r2", ... by position
  (the server maps them back to pair ids); its selects start empty, so a column that
  happens to line up with the left one gives nothing away.
"""

from noturiba.seeded import rng, shuffled, start_order

__all__ = ("draw_questions", "item_order", "option_order", "right_column", "shuffled")


def draw_questions(questions, count, seed):
    """The ids of `count` questions (Question-like objects with id and topic), in bank order."""
    ids = [q.id for q in questions]
    if count is None or count >= len(ids):
        return ids
    generator = rng(seed, "draw")
    topics = {}
    for q in questions:
        topics.setdefault(q.topic or "", []).append(q.id)
    queues = []
    for topic in sorted(topics):
        members = list(topics[topic])
        generator.shuffle(members)
        queues.append(members)
    generator.shuffle(queues)
    picked = set()
    while len(picked) < count:
        for queue in queues:
            if queue and len(picked) < count:
                picked.add(queue.pop(0))
    return [qid for qid in ids if qid in picked]


def option_order(ids, learner, question_id, draw_round=0):
    return start_order(ids, learner, question_id, draw_round, "options")


def item_order(ids, learner, question_id, draw_round=0):
    """The start order of an order question: the same for any right order (see the module doc)."""
    return start_order(ids, learner, question_id, draw_round, "items")


def right_column(pairs, learner, question_id, draw_round=0):
    """{opaque id: pair id} in the order the right column is shown (dicts keep order).

    `pairs`: (pair id, right text) tuples; the start is sorted by text, so it does not depend on
    which left side a text belongs to."""
    order = start_order(pairs, learner, question_id, draw_round, "right", key=lambda pair: (pair[1], pair[0]))
    return {f"r{index}": pair_id for index, (pair_id, _text) in enumerate(order, start=1)}
