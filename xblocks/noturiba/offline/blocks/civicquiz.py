"""civicquiz offline: the practice quiz as data for public/civicquiz_play.js (pure: no Django, no XBlock).

Answers JSON (what the player keeps per try and civicquiz_grade.js `grade` takes):

    {"questions": ["q1", "q3"],        # the try's drawn question ids; absent = the whole bank
     "answers": {"q1": "b", ...},      # question id -> answer in grading.py's shapes, with authored ids:
                                       #   single "b", multiple ["a", "c"], truefalse true, numeric 3.5,
                                       #   order ["first", ...], match {"leftPairId": "rightPairId"}
     "certainties": {"q1": 2}}         # CBM quizzes: 1, 2 or 3 per answered question

As in the block's practice mode these are each question's FIRST check of the try (a check shows the
solution, so later checks earn nothing). An answer of the wrong shape counts as unanswered, a certainty
other than 1, 2 or 3 as not chosen. The grade is grading.grade over the drawn questions, with CBM when
the quiz says certainty="true" (attempt_rules.practice_result, the block's own practice rule).

What does not depend on the answers is worked out here: sanitized markup, the right answers, a numeric
question's accepted distance, the CBM table and threshold, the topic queues a draw balances.
"""

import html
import math

from civicquiz import attempt_rules, draw, grading, views
from civicquiz.question_types.scalar import number_text
from noturiba.html import plain_text
from noturiba.offline.content import offline_markup
from noturiba.scoring import CBM_BONUS_FACTOR

KIND = "civicquiz"
VERSION = 1


def export(model, attrs, t):
    """The player's data: the bank with its answers (practice only), and the rules' constants."""
    topics = {}
    for q in model.questions:
        topics.setdefault(q.topic or "", []).append(q.id)
    data = {
        "kind": KIND, "version": VERSION, "title": attrs.get("display_name", ""),
        "draw": model.draw if model.draw and model.draw < len(model.questions) else None,
        # draw.draw_questions: topics in sorted order, each topic's questions in bank order.
        "topics": [topics[name] for name in sorted(topics)],
        "certainty": bool(model.certainty),
        "right": grading.RIGHT,
        "questions": [_question(q) for q in model.questions],
        "assets": [],
    }
    if model.certainty:
        data["cbm"] = {"marks": [[level, *grading.CBM_TABLE[level]] for level in grading.CERTAINTY_LEVELS],
                       "factor": CBM_BONUS_FACTOR}
    return data


def _text(markup):
    """Author markup as plain text for textContent (plain_text escapes it for HTML)."""
    return html.unescape(plain_text(markup))


def _question(q):
    data = {"id": q.id, "type": q.type, "prompt": offline_markup(q.prompt),
            "explanation": offline_markup(q.explanation),
            "sources": [{"href": href, "title": title} for href, title in q.sources]}
    if q.type in ("single", "multiple"):
        data["options"] = [{"id": o.id, "label": offline_markup(o.label)} for o in q.options]
        data["right"] = [o.id for o in q.options if o.correct]
        data["solution_labels"] = [_text(o.label) for o in q.options if o.correct]
    elif q.type == "truefalse":
        data["answer"] = q.answer
    elif q.type == "numeric":
        valid = isinstance(q.answer, int | float) and math.isfinite(q.answer)
        tolerance = q.tolerance or 0.0
        data["answer"] = float(q.answer) if valid else None
        # question_types/scalar.py _score_numeric: the distance accepted, float for float.
        data["limit"] = tolerance + 1e-9 * max(1.0, abs(q.answer)) if valid else None
        data["answer_text"] = number_text(q.answer) if valid else ""
        data["tolerance_text"] = number_text(tolerance) if q.tolerance else ""
    elif q.type == "order":
        data["items"] = [{"id": i.id, "label": offline_markup(i.label), "plain": _text(i.label)} for i in q.items]
        data["solution"] = [i.id for i in q.items]
        data["solution_labels"] = [_text(i.label) for i in q.items]
    elif q.type == "match":
        data["pairs"] = [{"id": p.id, "left": offline_markup(p.left), "right": _text(p.right)} for p in q.pairs]
        data["solution_labels"] = [f"{_text(p.left)} — {_text(p.right)}" for p in q.pairs]
    return data


def _certainty(value):
    # JSON has one kind of number: 2 and 2.0 are the same certainty in the browser.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if value in grading.CERTAINTY_LEVELS else None


def drawn(model, answers):
    """The drawn Question objects of an answers JSON, in bank order (no list: the whole bank)."""
    ids = answers.get("questions") if isinstance(answers, dict) else None
    if not isinstance(ids, list):
        return list(model.questions)
    wanted = {qid for qid in ids if isinstance(qid, str)}
    return [q for q in model.questions if q.id in wanted]


def python_grade(model, attrs, answers):
    """The fraction 0..1 the block's practice grading gives the first checks in `answers`."""
    layout = views.Layout(drawn(model, answers), {}, {}, {})
    given = answers.get("answers") if isinstance(answers, dict) else None
    chosen = answers.get("certainties") if isinstance(answers, dict) else None
    given = given if isinstance(given, dict) else {}
    chosen = chosen if isinstance(chosen, dict) else {}
    first_checks = {qid: {"answer": answer, "certainty": _certainty(chosen.get(qid))}
                    for qid, answer in given.items()}
    return attempt_rules.practice_result(layout, first_checks, set(first_checks), {}, {},
                                         model.certainty).fraction


# Sample answers for the parity test -------------------------------------------------------------

def _right(q):
    kind = q["type"]
    if kind == "single":
        return q["right"][0] if q["right"] else None
    if kind == "multiple":
        return list(q["right"])
    if kind == "truefalse":
        return q["answer"]
    if kind == "numeric":
        return q["answer"]
    if kind == "order":
        return list(q["solution"])
    if kind == "match":
        return {p["id"]: p["id"] for p in q["pairs"]}
    return None


def _wrong(q):
    kind = q["type"]
    ids = [o["id"] for o in q.get("options", ())]
    if kind == "single":
        return next((oid for oid in ids if oid not in q["right"]), None)
    if kind == "multiple":
        return [oid for oid in ids if oid not in q["right"]]
    if kind == "truefalse":
        return None if q["answer"] is None else not q["answer"]
    if kind == "numeric":
        return None if q["answer"] is None else q["answer"] + q["limit"] + 1
    if kind == "order":
        return list(reversed(q["solution"]))
    if kind == "match":
        pair_ids = [p["id"] for p in q["pairs"]]
        return dict(zip(pair_ids, pair_ids[1:] + pair_ids[:1], strict=True))
    return None


def _partial(q, rng):
    """An answer that earns part of the credit (or, for the all-or-nothing types, a random one):
    one item moved, one right pick missing plus a wrong one, half the pairs swapped."""
    kind = q["type"]
    if kind == "order":
        order = list(q["solution"])
        item = order.pop(rng.randrange(len(order)))
        order.insert(rng.randrange(len(order) + 1), item)
        return order
    if kind == "multiple":
        wrong = [o["id"] for o in q["options"] if o["id"] not in q["right"]]
        picks = q["right"][1:] if len(q["right"]) > 1 else list(q["right"])
        return picks + wrong[:1]
    if kind == "match":
        pair_ids = [p["id"] for p in q["pairs"]]
        answer = {pid: pid for pid in pair_ids}
        if len(pair_ids) >= 2:
            a, b = rng.sample(pair_ids, 2)
            answer[a], answer[b] = b, a
        if len(pair_ids) >= 3:
            del answer[rng.choice(pair_ids)]  # an unmatched left entry counts as wrong
        return answer
    return _random(q, rng)


def _random(q, rng):
    kind = q["type"]
    ids = [o["id"] for o in q.get("options", ())]
    if kind == "single":
        return rng.choice(ids) if ids else None
    if kind == "multiple":
        return [oid for oid in ids if rng.random() < 0.5]
    if kind == "truefalse":
        return rng.random() < 0.5
    if kind == "numeric":
        base = q["answer"] or 0.0
        return rng.choice([base, base + q["limit"] * 0.5, base - rng.randint(1, 5), round(rng.uniform(-50, 150), 2)])
    if kind == "order":
        order = list(q["solution"])
        rng.shuffle(order)
        return order
    if kind == "match":
        pair_ids = [p["id"] for p in q["pairs"]]
        return {pid: rng.choice(pair_ids) for pid in pair_ids if rng.random() < 0.85}
    return None


def _malformed(q):
    """Shapes the block refuses: they count as unanswered in both gradings."""
    return {"single": ["x"], "multiple": "a", "truefalse": "true", "numeric": "12", "order": ["nope"],
            "match": ["a"]}.get(q["type"], 0)


def _draws(data, rng, count):
    bank = [q["id"] for q in data["questions"]]
    if not data.get("draw"):
        return [None]

    class _Q:
        def __init__(self, qid, topic):
            self.id, self.topic = qid, topic

    topic_of = {qid: str(index) for index, members in enumerate(data["topics"]) for qid in members}
    questions = [_Q(qid, topic_of.get(qid, "")) for qid in bank]
    return [draw.draw_questions(questions, data["draw"], f"sample:{rng.random()}") for _ in range(count)]


def sample_answers(data, rng):
    """Answer sets for the parity test: empty, all right, all wrong, random, partly right, malformed;
    in a CBM quiz all right and all wrong at each certainty, mixed certainties and some not chosen."""
    questions = data["questions"]
    levels = (1, 2, 3) if data.get("certainty") else (None,)
    sets = []

    def add(pick, drawn_ids, certainty=None):
        shown = [q for q in questions if drawn_ids is None or q["id"] in drawn_ids]
        answers = {q["id"]: pick(q) for q in shown}
        answers = {k: v for k, v in answers.items() if v is not None}
        entry = {"answers": answers, "certainties": {}}
        if drawn_ids is not None:
            entry["questions"] = list(drawn_ids)
        if data.get("certainty"):
            entry["certainties"] = {k: (certainty(k) if callable(certainty) else certainty)
                                    for k in answers if certainty is not None}
            entry["certainties"] = {k: v for k, v in entry["certainties"].items() if v is not None}
        sets.append(entry)

    for drawn_ids in _draws(data, rng, 3):
        add(lambda q: None, drawn_ids)
        for level in levels:
            add(_right, drawn_ids, level)
            add(_wrong, drawn_ids, level)
            add(lambda q: _partial(q, rng), drawn_ids, level)
        if data.get("certainty"):
            add(_right, drawn_ids, lambda qid: rng.choice((1, 2, 3, None)))
            add(lambda q: _right(q) if rng.random() < 0.5 else _wrong(q), drawn_ids,
                lambda qid: rng.choice((1, 2, 3)))
            add(_right, drawn_ids, lambda qid: rng.choice((0, 4, "2", None)))  # not a certainty
        for _ in range(6):
            add(lambda q: _random(q, rng) if rng.random() < 0.8 else None, drawn_ids,
                (lambda qid: rng.choice((1, 2, 3))) if data.get("certainty") else None)
        add(_malformed, drawn_ids, levels[0])
        add(lambda q: _right(q) if rng.random() < 0.5 else _partial(q, rng), drawn_ids, levels[-1])
    return sets
