"""View models of the crisis drill: what the learner's browser, the debrief and Studio's map get.

Pure glue between content/graph/grading and the block: takes the model, the
learner state and a few block facts, returns JSON-safe dicts with author
markup sanitised. Nothing here sends a goto, points, critical flags, feedback
or a future node before it is due, nor a result while show_correctness hides it.
"""

import time

from noturiba.html import plain_text, sanitize
from noturiba.messages import N_

from . import clock, content, grading, graph
from .content import Checklist, Ending, Order, Step

# The personal action card's defaults (CONTENT.md): shown where the drill has no <card>.
CARD_DEFAULTS = {
    "prepare": N_("Supplies for 72 hours at home: at least 3 litres of drinking water per adult per day (9 litres "
                  "per adult for three days) and more for cooking and hygiene, food that needs no cooking, "
                  "medicines, a battery radio, a torch, spare batteries, a charged power bank, some cash and "
                  "copies of documents."),
    "call": N_("Emergency number 112 (fire and rescue, ambulance, police, gas service). Say WHERE first, then "
               "WHAT happened. Direct numbers: 110 police, 113 ambulance, 114 gas."),
    "listen": N_("A siren does not reach everyone: allow the notifications of the \u201c112 Latvija\u201d app. When "
                 "you hear a siren: turn on LTV1, LTV7 or Latvian Radio (LR1) and follow the announcements."),
}
CARD_SOURCES = (
    ("https://www.mod.gov.lv/en/nozares-politika/comprehensive-state-defence/building-resilience",
     N_("Ministry of Defence: building resilience (72 hours)")),
    ("https://mana.latvija.lv/palidzibas-dienesti-un-to-pakalpojumi/", N_("Latvija.lv: emergency services and 112")),
)




def _sources(pairs):
    return [{"href": href, "title": title} for href, title in pairs]


def safe_node(model, item, values, rich=sanitize, *, learner=None, round_=0):
    """public_node with author markup sanitised; `learner` (the learner key) and `round_` seed the order."""
    node = content.public_node(model, item, values, learner, round_)
    node["text"] = rich(node["text"])
    for key in ("choices", "options"):
        for entry in node.get(key, ()):
            entry["label"] = rich(entry["label"])
    return node


def choice_feedback(choice, rich=sanitize):
    """What practice mode shows right after a choice."""
    return {"label": rich(choice.label), "text": rich(choice.feedback), "critical": choice.critical,
            "sources": _sources(choice.sources)}


def node_feedback(item, entry, rich=sanitize):
    """Practice-mode feedback after a checklist or order node (right answers are the point of practice)."""
    rows = grading.debrief(content.Drill(start=item.id, nodes=(item,)), [entry], reveal_better=True)
    row = rows[0] if rows else {}
    return {
        "text": rich(item.feedback), "sources": _sources(item.sources),
        "share": round(row.get("share", 0.0), 3),
        "missed": [rich(label) for label in row.get("missed", [])],
        "harmful": [rich(label) for label in row.get("harmful", [])],
        "right": [rich(label) for label in row.get("right", [])],
    }


def card(model, gettext, rich=sanitize):
    authored = model.card or content.Card()
    parts = {"authored": {}}
    for key in ("prepare", "call", "listen"):
        text = getattr(authored, key)
        parts[key] = rich(text) if text else sanitize("<p>" + plain_text(gettext(CARD_DEFAULTS[key])) + "</p>")
        parts["authored"][key] = bool(text)  # the defaults are in the interface language, the author's not
    return parts


# What a debrief row keeps while correctness is hidden: the situation and the learner's own decision.
OWN_KEYS = ("node", "kind", "text", "choice", "label", "timeout", "picked", "order")
# What the debrief leaves out then: the score, the critical flag and the trainer's general debrief text.
RESULT_KEYS = ("score", "critical", "text")


def practice_feedback(feedback, results_hidden=""):
    """What practice mode sends after a decision: its feedback, or only the hidden-results note."""
    return {"results_hidden": results_hidden} if results_hidden else feedback


def debrief(model, state, result, *, reveal_better, gettext, rich=sanitize, hidden=False):
    """The debrief of a finished attempt. `hidden` (show_correctness): the learner's own path, the
    situations, the sources of the drill and the action card only (no score, marks or better options)."""
    rows = grading.debrief(model, state.get("path"), reveal_better=reveal_better and not hidden)
    if hidden:
        rows = [{key: row[key] for key in OWN_KEYS if key in row} for row in rows]
    sources = []
    for row in rows:
        for key in ("text", "label", "feedback"):
            if key in row:
                row[key] = rich(row[key])
        for key in ("picked", "missed", "harmful", "order", "right"):
            if key in row:
                row[key] = [rich(label) for label in row[key]]
        if "better" in row:
            row["better"] = {"label": rich(row["better"]["label"]),
                             "feedback": rich(row["better"]["feedback"])}
        if "share" in row:
            row["share"] = round(row["share"], 3)
        row["sources"] = _sources(row.get("sources", ()))
        sources.extend(row["sources"])
    sources.extend(_sources(model.debrief_sources))
    unique, seen = [], set()
    for source in sources:
        if source["href"] not in seen:
            seen.add(source["href"])
            unique.append(source)
    ending = model.node(result.ending) if result.ending else None
    view = {
        "rows": [row for row in rows if row["kind"] != "ending"],
        "ending": {"text": rich(ending.text), "rating": ending.rating} if ending else None,
        "score": round(result.score, 4), "critical": bool(result.critical), "timeouts": result.timeouts,
        "text": rich(model.debrief), "sources": unique, "card": card(model, gettext, rich),
        "card_sources": _sources((href, gettext(title)) for href, title in CARD_SOURCES),
    }
    if hidden:
        for key in RESULT_KEYS:
            del view[key]
        if ending:
            del view["ending"]["rating"]
    return view


def learner_view(model, state, *, facts, gettext, rich=sanitize, learner=None, now=None):
    """Everything the learner's page needs now. `facts`: mode-independent block facts (attempts, pass...).

    With `facts["results_hidden"]` (show_correctness) the view has no verdict, no ending rating and a
    hidden debrief; `learner` (the learner key) seeds the order of choices and options;
    `facts["closed"]` (past the due date) tells the page to offer no decision. A timed step has
    `clock` (clock.public: started, seconds left, paused), so a reload goes on where the page was.
    """
    node = model.node(state.get("node"))
    values = state.get("vars") or content.initial_values(model)
    view = {
        "mode": model.mode, "timer": model.timer, "intro": rich(model.intro),
        "variables": content.public_variables(model, values),
        "finished": bool(state.get("finished")), "outdated": node is None, "node": None, "debrief": None,
        **facts,
    }
    if node is None:
        return view
    hidden = bool(facts.get("results_hidden"))
    view["node"] = safe_node(model, node, values, rich, learner=learner, round_=state.get("round", 0))
    if hidden:
        view["node"].pop("rating", None)
    limit = view["node"].get("time_limit")
    if limit and not state.get("finished"):
        now = time.time() if now is None else now
        view["clock"] = clock.public(clock.of(state, node.id), limit, now)
    if state.get("finished"):
        result = grading.grade(model, state.get("path"), facts["pass"])
        view["debrief"] = debrief(model, state, result, reveal_better=facts["reveal"], gettext=gettext, rich=rich,
                                  hidden=hidden)
        if not hidden:
            view["passed"] = result.passed(facts["pass"])
    return view


def summary(model):
    """Counts for Studio's preview: nodes by kind, best score."""
    kinds = {"step": 0, "checklist": 0, "order": 0, "ending": 0}
    for item in model.nodes:
        kinds[item.kind] += 1
    return {**kinds, "variables": len(model.variables), "best": graph.best_total(model)}


def scenario_map(model):
    """The scenario map for Studio: nodes in order, their edges, unreachable and dead-end nodes flagged."""
    reached = graph.reachable_from(model, model.start)
    finishing = graph.can_finish(model)
    index = model.index()
    rows = []
    for item in model.nodes:
        links = []
        if isinstance(item, Step):
            links = [{"label": plain_text(c.label)[:80], "target": c.goto, "points": c.points,
                      "critical": c.critical, "missing": c.goto not in index} for c in item.choices]
            if item.timeout:
                links.append({"label": "⏱", "target": item.timeout, "points": 0, "critical": False,
                              "missing": item.timeout not in index, "timeout": True})
        elif isinstance(item, Checklist | Order):
            links = [{"label": "→", "target": item.goto, "points": graph.NODE_WEIGHT, "critical": False,
                      "missing": item.goto not in index}]
        rows.append({
            "id": item.id, "kind": item.kind, "text": plain_text(item.text)[:120], "links": links,
            "start": item.id == model.start, "unreachable": item.id not in reached,
            "dead_end": item.id in reached and item.id not in finishing and not isinstance(item, Ending),
            "rating": getattr(item, "rating", None),
        })
    return rows
