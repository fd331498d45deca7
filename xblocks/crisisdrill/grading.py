"""Grading of one drill attempt: (model, path) -> score fraction and the debrief. Pure.

An attempt's path is a list of entries, by id, in the order taken:
    {"node": step id, "choice": choice id}
    {"node": step id, "timeout": True}
    {"node": checklist id, "picked": [option ids]}
    {"node": order id, "order": [option ids]}
Entries naming ids the content no longer has are skipped.

Rules (graph.py documents the node weights):
- earned = the points of every distinct choice taken (a choice taken twice in
  a loop counts once) + for each checklist/order node its score from the
  learner's latest answer there;
- score = earned / best, where best = graph.best_total(model), clamped 0..1;
  a drill without any points (best = 0) scores by its ending's rating:
  good 1, ok 0.5, bad 0;
- a critical choice caps the score just below the pass mark
  (pass - 0.01, at least 0): the attempt cannot pass, whatever its points;
- so does a critical checklist or order mistake (option `critical="true"`): a
  critical required item left out or a critical harmful item packed (a 72-hour bag
  packed without water cannot pass), or a critical action out of its written place.
  These count as "node:option" in Result.critical.
"""

from dataclasses import dataclass

from . import graph
from .model import Checklist, Ending, Order, Step

RATING_SCORES = {"good": 1.0, "ok": 0.5, "bad": 0.0}


def checklist_share(item, picked):
    """The checklist rule: required picked / required total - 0.5 * harmful picked, clamped to 0..1."""
    chosen = set(picked)
    required = [o.id for o in item.options if o.required]
    harmful = sum(1 for o in item.options if o.harmful and o.id in chosen)
    share = (sum(1 for option_id in required if option_id in chosen) / len(required)) if required else 1.0
    return max(0.0, min(1.0, share - 0.5 * harmful))


def order_share(item, order):
    """The share of option pairs the learner put in the right relative order."""
    right = [o.id for o in item.options]
    position = {option_id: number for number, option_id in enumerate(order)}
    ranked = [option_id for option_id in right if option_id in position]
    if len(right) < 2:
        return 1.0
    pairs = len(right) * (len(right) - 1) // 2
    good = sum(1 for i in range(len(ranked)) for j in range(i + 1, len(ranked))
               if position[ranked[i]] < position[ranked[j]])
    return good / pairs


def critical_mistakes(item, entry):
    """The critical options `entry` got wrong at checklist or order `item` ("node:option" ids)."""
    if isinstance(item, Checklist):
        chosen = set(entry.get("picked") or [])
        return [f"{item.id}:{o.id}" for o in item.options if o.critical and (
            (o.required and o.id not in chosen) or (o.harmful and o.id in chosen))]
    if isinstance(item, Order):
        order, right = entry.get("order") or [], [o.id for o in item.options]
        return [f"{item.id}:{o.id}" for index, o in enumerate(item.options)
                if o.critical and (index >= len(order) or order[index] != right[index])]
    return []


def node_points(item, entry):
    if isinstance(item, Checklist):
        return graph.NODE_WEIGHT * checklist_share(item, entry.get("picked") or [])
    if isinstance(item, Order):
        return graph.NODE_WEIGHT * order_share(item, entry.get("order") or [])
    return 0.0


@dataclass(frozen=True)
class Result:
    score: float
    earned: float
    best: float
    critical: tuple  # ids of the critical choices taken
    ending: str | None
    timeouts: int

    def passed(self, threshold):
        return self.score >= threshold and not self.critical


def clean_path(model, path):
    """The entries of `path` that still name existing nodes and answers (edits keep what they can)."""
    kept = []
    for entry in path or []:
        if not isinstance(entry, dict):
            continue
        item = model.node(entry.get("node"))
        if item is None:
            continue
        if isinstance(item, Step):
            choice_ids = {c.id for c in item.choices}
            if entry.get("choice") not in choice_ids and not entry.get("timeout"):
                continue
        kept.append(entry)
    return kept


def grade(model, path, pass_threshold=0.7):
    """The Result of an attempt that followed `path` (ending = the last node if it is an Ending)."""
    path = clean_path(model, path)
    taken, node_scores, node_critical, critical, timeouts = {}, {}, {}, [], 0
    ending = None
    for entry in path:
        item = model.node(entry["node"])
        if isinstance(item, Step):
            if entry.get("timeout"):
                timeouts += 1
                continue
            choice = next(c for c in item.choices if c.id == entry["choice"])
            taken[choice.id] = choice.points
            if choice.critical and choice.id not in critical:
                critical.append(choice.id)
        elif isinstance(item, Checklist | Order):
            node_scores[item.id] = node_points(item, entry)
            node_critical[item.id] = critical_mistakes(item, entry)  # the latest answer there counts
        elif isinstance(item, Ending):
            ending = item.id
    critical += [mistake for mistakes in node_critical.values() for mistake in mistakes]
    earned = sum(taken.values()) + sum(node_scores.values())
    best = graph.best_total(model)
    if best > 0:
        score = max(0.0, min(1.0, earned / best))
    else:
        rating = model.node(ending).rating if ending else "bad"
        score = RATING_SCORES[rating]
    if critical:
        score = min(score, max(0.0, pass_threshold - 0.01))
    return Result(score=round(score, 6), earned=earned, best=best, critical=tuple(critical), ending=ending,
                  timeouts=timeouts)


def debrief(model, path, *, reveal_better=True, scores=None):
    """One entry per decision: what was chosen, its feedback, and the better option where there was one.

    `reveal_better` False leaves out better options and right answers (showanswer does not allow them yet).
    Markup is returned raw; the block sanitises it.
    """
    scores = graph.best_scores(model) if scores is None else scores
    rows = []
    for entry in clean_path(model, path):
        item = model.node(entry["node"])
        row = {"node": item.id, "kind": item.kind, "text": item.text}
        if isinstance(item, Step):
            if entry.get("timeout"):
                row.update(timeout=True, label="", feedback="", sources=[], critical=False)
            else:
                choice = next(c for c in item.choices if c.id == entry["choice"])
                row.update(choice=choice.id, label=choice.label, feedback=choice.feedback,
                           sources=list(choice.sources), critical=choice.critical, timeout=False)
            better = graph.best_choice(model, item, scores)
            taken_value = (None if entry.get("timeout")
                           else graph.choice_value(next(c for c in item.choices if c.id == entry["choice"]), scores))
            if reveal_better and better is not None and (
                    taken_value is None or graph.choice_value(better, scores) > taken_value
                    or row.get("critical")) and better.id != entry.get("choice"):
                row["better"] = {"id": better.id, "label": better.label, "feedback": better.feedback}
        elif isinstance(item, Checklist):
            picked = set(entry.get("picked") or [])
            row.update(
                picked=[o.label for o in item.options if o.id in picked],
                share=checklist_share(item, picked), feedback=item.feedback, sources=list(item.sources),
                critical=bool(critical_mistakes(item, entry)))
            if reveal_better:
                row["missed"] = [o.label for o in item.options if o.required and o.id not in picked]
                row["harmful"] = [o.label for o in item.options if o.harmful and o.id in picked]
        elif isinstance(item, Order):
            labels = {o.id: o.label for o in item.options}
            row.update(order=[labels[i] for i in entry.get("order") or [] if i in labels],
                       share=order_share(item, entry.get("order") or []), feedback=item.feedback,
                       sources=list(item.sources), critical=bool(critical_mistakes(item, entry)))
            if reveal_better:
                row["right"] = [o.label for o in item.options]
        else:
            row.update(rating=item.rating)
        rows.append(row)
    return rows
