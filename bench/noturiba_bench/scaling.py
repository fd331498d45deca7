"""Scaling of the pure cores on generated content, with the log-log slope (growth exponent).

- crisisdrill: drills of 100..10,000 nodes (steps with two choices, one of which
  often loops back, so strongly connected components form; a checklist every
  10th and an order every 15th node; good and bad endings): OLX parse, full
  validation (content.validate, which runs graph.problems) and best score
  (graph.best_scores), timed separately.
- civicquiz: banks of 50..5,000 questions in 10 topics: the seeded draw of 10
  (draw.draw_questions) and the learner's whole layout (views.learner_layout:
  draw plus option shuffles).
- mediacheck: exercises of 1..200 items (flags and leads in each): grading of
  a full answer set (grading.grade).

Each point is the fastest of several repeats (timeit's rule) of this
thread's CPU time (wall time on a shared machine grows with the call's length
and bends the curve); a repeat runs the call until it has used >= 20 ms of CPU
and reports the time per call. Content is built as OLX
(the public interface) and parsed with the block's own content.parse.
"""

import gc
import time
from types import SimpleNamespace

from lxml import etree

from .stats import loglog_slope

SIZES = {
    "crisisdrill": [100, 300, 1000, 3000, 10000],
    "civicquiz": [50, 150, 500, 1500, 5000],
    "mediacheck": [1, 3, 10, 30, 100, 200],
}
QUICK_SIZES = {
    "crisisdrill": [100, 1000, 3000],
    "civicquiz": [50, 500, 5000],
    "mediacheck": [1, 20, 200],
}


def per_call(fn, repeats=5, min_time=0.02):
    """The fastest of `repeats` CPU-time measurements per call (time.thread_time).

    CPU time, not wall time: on a shared machine a long call is preempted more
    often than a short one, which would bend the curve up and inflate the exponent.
    """
    fn()  # warm
    samples = []
    for _ in range(repeats):
        gc.collect()
        calls, start = 0, time.thread_time()
        while True:
            fn()
            calls += 1
            elapsed = time.thread_time() - start
            if elapsed >= min_time:
                break
        samples.append(elapsed / calls)
    return min(samples)


# Generators (OLX, per docs/OLX.md) ---------------------------------------------------

def drill_xml(n):
    """A drill of exactly n nodes: n - 2 steps/checklists/orders, then endings "good" and "bad"."""
    inner = n - 2
    ids = [f"n{i}" for i in range(inner)]
    parts = ['<crisisdrill display_name="Bench drill" mode="assessment" start="n0">',
             "<intro><p>Generated drill.</p></intro>",
             '<variable id="water" label="Water" initial="2" min="0" max="30"/>']

    def nxt(i, step=1):
        return ids[i + step] if i + step < inner else "good"

    for i, node_id in enumerate(ids):
        if i % 10 == 9:
            parts.append(f'<checklist id="{node_id}" goto="{nxt(i)}" capacity="6" text="Pack a bag">'
                         f'<option id="{node_id}-w" size="2" required="true">Water</option>'
                         f'<option id="{node_id}-r" size="1">Radio</option>'
                         f'<option id="{node_id}-g" size="3" harmful="true">Gas heater</option></checklist>')
        elif i % 15 == 14:
            parts.append(f'<order id="{node_id}" goto="{nxt(i)}"><text><p>Order these.</p></text>'
                         f'<option id="{node_id}-a">First</option><option id="{node_id}-b">Second</option>'
                         f'<option id="{node_id}-c">Third</option></order>')
        else:
            back = ids[i - 3] if i % 4 == 3 and i >= 3 else nxt(i, 2)
            critical = ' critical="true"' if i % 7 == 6 else ""
            bad = "bad" if i % 7 == 6 else back
            parts.append(
                f'<step id="{node_id}"><text><p>Situation {i}.</p></text>'
                f'<choice id="{node_id}-a" goto="{nxt(i)}" points="2" effects="water-=1"><label>Go on</label>'
                f"<feedback><p>Good.</p></feedback></choice>"
                f'<choice id="{node_id}-b" goto="{bad}" points="1"{critical}><label>Other</label></choice></step>')
    parts.append('<ending id="good" rating="good"><text><p>Safe.</p></text></ending>')
    parts.append('<ending id="bad" rating="bad"><text><p>Hurt.</p></text></ending>')
    parts.append("<debrief><p>Debrief.</p></debrief></crisisdrill>")
    return "".join(parts)


def quiz_xml(n, topics=10, first=0):
    parts = ['<civicquiz display_name="Bench bank" mode="assessment" draw="10" shuffle="true">']
    for i in range(first, first + n):
        topic = f"t{i % topics}"
        parts.append(f'<question id="q{i}" type="single" topic="{topic}"><prompt><p>Question {i}?</p></prompt>'
                     f'<option id="a">Yes</option><option id="b" correct="true">No</option>'
                     f'<option id="c">Maybe</option><option id="d">Never</option>'
                     f"<explanation><p>Because.</p></explanation></question>")
    parts.append("</civicquiz>")
    return "".join(parts)


def media_xml(n):
    verdicts = ("accurate", "misleading", "false", "satire", "unverifiable")
    parts = ['<mediacheck display_name="Bench items" mode="assessment" confidence="true">']
    for i in range(n):
        parts.append(
            f'<item id="i{i}" kind="post" verdict="{verdicts[i % 5]}">'
            f'<origin name="Source {i}" handle="@src{i}" platform="facebook" date="2025-03-14"/>'
            f'<body><p>Today <flag id="caps{i}" note="Shouting">EVERYTHING IS FLOODED!!!</flag> Look at this. '
            f'Experts agree. <flag id="urg{i}" note="Urgency">Share before it is deleted!</flag> More text here.</p>'
            f"</body>"
            f'<lead id="rev{i}" useful="true" title="Reverse image search">Old photo.</lead>'
            f'<lead id="com{i}" useful="false" title="Comments">Noise.</lead>'
            f"<explanation><p>Explained.</p></explanation></item>")
    parts.append("</mediacheck>")
    return "".join(parts)


def _node(xml):
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(huge_tree=True, remove_blank_text=True))


# Measurements ------------------------------------------------------------------------------

def _fit(points, key):
    sizes = [p["size"] for p in points if p.get(key)]
    times = [p[key] for p in points if p.get(key)]
    slope, r2 = loglog_slope(sizes, times)
    return {"exponent": slope, "r2": r2}


def crisisdrill_points(sizes, repeats):
    from crisisdrill import content, graph
    points = []
    for n in sizes:
        xml = drill_xml(n)
        node = _node(xml)
        model = content.parse(node)
        problems = [p for p in content.validate(model) if getattr(p, "is_error", False)]
        point = {"size": n, "nodes": len(model.nodes), "olx_bytes": len(xml),
                 "validation_errors": len(problems),
                 "parse_s": per_call(lambda node=node: content.parse(node), repeats),
                 "validate_s": per_call(lambda model=model: content.validate(model), repeats),
                 "best_score_s": per_call(lambda model=model: graph.best_scores(model), repeats),
                 "best_total": graph.best_total(model)}
        if problems:
            point["first_error"] = str(getattr(problems[0], "message", problems[0]))[:200]
        points.append(point)
    return points


LEARNER = "0123456789abcdef0123456789abcdef"


def civicquiz_points(sizes, repeats):
    from civicquiz import content, draw, views
    points = []
    for n in sizes:
        # content.py caps a bank at MAX_QUESTIONS (500): larger banks are the questions of
        # several parsed 500-question banks with distinct ids (the draw sees one list).
        cap = getattr(content, "MAX_QUESTIONS", n) or n
        questions = []
        for first in range(0, n, cap):
            questions.extend(content.parse(_node(quiz_xml(min(cap, n - first), first=first))).questions)
        layout_model = SimpleNamespace(questions=questions, draw=10, shuffle=True, mode="practice")
        point = {"size": n, "questions": len(questions), "parsed_in_chunks_of": cap if n > cap else None,
                 "draw_s": per_call(lambda q=questions: draw.draw_questions(q, 10, f"{LEARNER}:0"), repeats),
                 "layout_s": per_call(lambda m=layout_model: views.learner_layout(m, LEARNER, 0), repeats)}
        points.append(point)
    return points


def mediacheck_points(sizes, repeats):
    from mediacheck import content, grading
    points = []
    for n in sizes:
        model = content.parse(_node(media_xml(n)))
        answers = {}
        for item in model.items:
            segments = list(content.segment_flags(item.body))
            answers[item.id] = {"verdict": item.verdict, "flags": segments[:2],
                                "leads": [lead.id for lead in item.leads][:1], "confidence": 80}
        points.append({"size": n, "items": len(model.items),
                       "grade_s": per_call(lambda m=model, a=answers: grading.grade(m, a), repeats)})
    return points


SPECS = {
    "crisisdrill": (crisisdrill_points, ("validate_s", "best_score_s", "parse_s")),
    "civicquiz": (civicquiz_points, ("draw_s", "layout_s")),
    "mediacheck": (mediacheck_points, ("grade_s",)),
}


def measure(quick=False):
    sizes = QUICK_SIZES if quick else SIZES
    repeats = 2 if quick else 7
    results = {}
    for block, (fn, keys) in SPECS.items():
        try:
            points = fn(sizes[block], repeats)
            results[block] = {"points": points, "fits": {key: _fit(points, key) for key in keys}}
        except Exception as error:  # noqa: BLE001
            results[block] = {"error": f"{type(error).__name__}: {error}"}
    return results
