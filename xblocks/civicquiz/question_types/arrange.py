"""Order and match questions: the learner arranges items or pairs two columns."""

from noturiba.html import plain_text, sanitize
from noturiba.messages import N_, Message

from .. import editor_fields as fields
from ..model import Item, Pair
from .base import QuestionType, wrong_shape


def _item_ids(q):
    return [i.id for i in q.items]


def _normalize_order(q, answer):
    if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(_item_ids(q)):
        raise wrong_shape(q)
    if not all(isinstance(a, str) for a in answer):
        raise wrong_shape(q)
    return list(answer)


def _score_order(q, answer):
    """The share of neighbouring steps of the right order kept in the right relative order."""
    expected = _item_ids(q)
    if len(expected) < 2:
        return 1.0
    position = {item_id: index for index, item_id in enumerate(answer)}
    kept = sum(1 for a, b in zip(expected, expected[1:], strict=False)
               if a in position and b in position and position[a] < position[b])
    return kept / (len(expected) - 1)


def _validate_order(q, survey, error, warning):
    if len(q.items) < 2:
        error(Message("Question {id} needs at least two items to put in order.", id=q.id), q.id)


def _public_order(q, layout, author_order):
    labels = {i.id: i.label for i in q.items}
    return {"items": ([{"id": iid, "label": labels[iid]} for iid in layout.items[q.id]]
                      if layout else [{"label": label} for label in sorted(labels.values())])}


def _view_order(q, layout, answer, labels):
    # An order counts as an answer once the learner has arranged it (draw.item_order).
    order = answer if isinstance(answer, list) else layout.items.get(q.id, [])
    return {"arranged": isinstance(answer, list),
            "items": [{"id": iid, "label": sanitize(labels[iid].label), "plain": plain_text(labels[iid].label)}
                      for iid in order if iid in labels]}


def _report_order(q, answer):
    labels = {i.id: plain_text(i.label) for i in q.items}
    return " > ".join(labels.get(i, i) for i in answer)


ORDER = QuestionType(
    "order", N_("Put in order"), part="item", normalize=_normalize_order, score=_score_order,
    solution=_item_ids, validate=_validate_order,
    read_json=lambda data, qid, parts_seen: {"items": tuple(
        Item(fields.unique_id(i, parts_seen), fields.markup(i, "label")) for i in fields.entries(data, "items"))},
    write_json=lambda q: {"items": [{"id": i.id, "label": i.label} for i in q.items]},
    public=_public_order, view=_view_order, report=_report_order)


def _normalize_match(q, answer):
    known = {p.id for p in q.pairs}
    if not isinstance(answer, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k in known and v in known for k, v in answer.items()):
        raise wrong_shape(q)
    return dict(answer)


def _score_match(q, answer):
    """The share of pairs matched right (unmatched left entries count as wrong)."""
    if not q.pairs:
        return 0.0
    return sum(1 for p in q.pairs if answer.get(p.id) == p.id) / len(q.pairs)


def _validate_match(q, survey, error, warning):
    if len(q.pairs) < 2:
        error(Message("Question {id} needs at least two pairs to match.", id=q.id), q.id)
    if len({p.right.strip() for p in q.pairs}) != len(q.pairs):
        error(Message("Question {id}: two pairs have the same right-hand text.", id=q.id), q.id)


def _public_match(q, layout, author_order):
    rights = {p.id: p.right for p in q.pairs}
    return {"left": [{"id": p.id, "label": p.left} for p in q.pairs],
            "right": ([{"id": opaque, "label": rights[pid]} for opaque, pid in layout.right[q.id].items()]
                      if layout else [])}


def _match_to_learner(layout, q, answer):
    if not isinstance(answer, dict):
        return answer
    return {left: layout.pair_to_opaque(q.id, right) for left, right in answer.items()}


def _match_from_learner(layout, q, answer):
    if not isinstance(answer, dict):
        return answer
    mapped = {}
    for left, opaque in answer.items():
        if not isinstance(opaque, str) or layout.opaque_to_pair(q.id, opaque) is None:
            return None
        mapped[left] = layout.opaque_to_pair(q.id, opaque)
    return mapped


def _view_match(q, layout, answer, labels):
    learner_answer = _match_to_learner(layout, q, answer) or {}
    return {"right": [{"id": opaque, "label": plain_text(labels[pair_id].right)}
                      for opaque, pair_id in layout.right.get(q.id, {}).items()],
            "left": [{"id": p.id, "label": sanitize(p.left), "value": learner_answer.get(p.id) or ""}
                     for p in q.pairs]}


def _report_match(q, answer):
    lefts = {p.id: plain_text(p.left) for p in q.pairs}
    rights = {p.id: plain_text(p.right) for p in q.pairs}
    return "; ".join(f"{lefts.get(k, k)} = {rights.get(v, v)}" for k, v in answer.items())


MATCH = QuestionType(
    "match", N_("Match pairs"), part="pair", normalize=_normalize_match, score=_score_match,
    solution=lambda q: {p.id: p.id for p in q.pairs}, validate=_validate_match,
    read_json=lambda data, qid, parts_seen: {"pairs": tuple(
        Pair(fields.unique_id(p, parts_seen), fields.markup(p, "left"), fields.markup(p, "right"))
        for p in fields.entries(data, "pairs"))},
    write_json=lambda q: {"pairs": [{"id": p.id, "left": p.left, "right": p.right} for p in q.pairs]},
    public=_public_match, view=_view_match, to_learner=_match_to_learner, from_learner=_match_from_learner,
    report=_report_match)
