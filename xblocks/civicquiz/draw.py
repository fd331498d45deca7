"""Seeded, reproducible draws and shuffles (pure).

- `draw_questions`: N questions per learner and attempt, balanced across topics:
  topics are visited round robin in a seeded order, each topic's questions in a
  seeded order, so every topic gets N // topics questions or one more (unless
  it runs out). The seed is the learner key plus the attempt number, so a
  reload shows the same questions and a new attempt draws again. The drawn
  questions are shown in the bank's order.
- `option_order`: a learner's stable order of a question's options (seeded by
  learner and question, not attempt, so options do not jump between attempts).
- `item_order`: the start order of an order question; never the right order
  when there are two or more items (that would give the answer away).
- `right_column`: the right-hand side of a match question shuffled, with opaque
  ids "r1", "r2", ... by position, and never in the left column's order; the
  server maps the opaque ids back to pair ids.
"""

import hashlib
import random


def rng(*parts):
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))  # noqa: S311 - not for security


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


def shuffled(ids, *seed):
    ids = list(ids)
    rng(*seed).shuffle(ids)
    return ids


def option_order(ids, learner, question_id, shuffle=True):
    return shuffled(ids, learner, question_id, "options") if shuffle else list(ids)


def _not_identity(order, reference):
    if len(order) >= 2 and order == list(reference):
        return order[1:] + order[:1]
    return order


def item_order(ids, learner, question_id):
    """The start order of an order question: shuffled and never already right."""
    return _not_identity(shuffled(ids, learner, question_id, "items"), ids)


def right_column(pair_ids, learner, question_id):
    """{opaque id: pair id} in the order the right column is shown (dicts keep order)."""
    order = _not_identity(shuffled(pair_ids, learner, question_id, "right"), pair_ids)
    return {f"r{index}": pair_id for index, pair_id in enumerate(order, start=1)}
