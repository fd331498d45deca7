"""The crisis drill offline: practice mode in the browser, graded there by public/crisisdrill_grade.js.

Answers are the learner's path, exactly as crisisdrill.grading.grade takes it (a JSON list, in the
order taken; any other keys such as "at" are ignored):
    {"node": step id, "choice": choice id}
    {"node": step id, "timeout": true}
    {"node": checklist id, "picked": [option ids]}
    {"node": order id, "order": [option ids]}
    {"node": ending id}
`export` precomputes what no answer changes (the best total, each choice's value on the best path from
it, the better choice of each step, the learner's neutral order, sanitised texts, the action card);
the JS keeps the rules that depend on the path: checklist and order shares, critical mistakes,
effects and conditions, the critical cap and the debrief rows.
"""

from crisisdrill import grading, graph, shuffle, views
from crisisdrill.model import Checklist, Order, Step
from noturiba.i18n import Translator, package_catalog
from noturiba.offline.content import offline_markup

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_PASS = 0.7
MAX_WALK = 80  # decisions on one generated path (loops can go round for ever)


def pass_threshold(attrs):
    try:
        value = float(attrs.get("pass", DEFAULT_PASS))
    except (TypeError, ValueError):
        return DEFAULT_PASS
    return value if 0.0 <= value <= 1.0 else DEFAULT_PASS


def _sources(pairs):
    return [{"href": href, "title": title} for href, title in pairs]


def _operation(part):
    return None if part is None else {"var": part.var, "op": part.op, "amount": part.amount}


def _node(model, item, scores):
    node = {"kind": item.kind, "id": item.id, "text": offline_markup(item.text)}
    if isinstance(item, Step):
        better = graph.best_choice(model, item, scores)
        node.update(
            time_limit=item.time_limit if (model.timer and item.timeout and item.time_limit) else None,
            timeout=item.timeout, better=better.id if better else None,
            shown=[c.id for c in shuffle.learner_order(item.choices, item.id)],
            choices=[{"id": c.id, "goto": c.goto, "label": offline_markup(c.label), "points": c.points,
                      "effects": [_operation(e) for e in c.effects], "requires": _operation(c.requires),
                      "critical": c.critical, "feedback": offline_markup(c.feedback), "sources": _sources(c.sources),
                      "value": graph.choice_value(c, scores)} for c in item.choices])
    elif isinstance(item, Checklist | Order):
        node.update(goto=item.goto, feedback=offline_markup(item.feedback), sources=_sources(item.sources),
                    shown=[o.id for o in shuffle.learner_order(item.options, item.id)],
                    options=[{"id": o.id, "label": offline_markup(o.label), "size": o.size, "required": o.required,
                              "harmful": o.harmful, "critical": o.critical} for o in item.options])
        if isinstance(item, Checklist):
            node["capacity"] = item.capacity
    else:
        node["rating"] = item.rating
    return node


def block_translator(t):
    """`t` with the crisis drill's own catalog first: the action card's defaults and sources are its
    msgids, which the kit catalog behind `t` lacks. The page language is read from `t` (`lang`, else
    its catalog's header)."""
    lang = getattr(t, "lang", None)
    catalog = getattr(t, "_catalog", None)
    if not lang and catalog is not None and hasattr(catalog, "info"):
        lang = catalog.info().get("language")
    own = package_catalog("crisisdrill", lang) if lang else None
    return Translator(t, own) if own is not None else t


def export(model, attrs, t):
    """What the player needs; options of an order node are in the right order (the answer)."""
    t = block_translator(t)
    scores = graph.best_scores(model)
    card = views.card(model, t.gettext, rich=offline_markup)
    return {
        "version": 1, "title": attrs.get("display_name", ""), "content_lang": attrs.get(XML_LANG) or "lv",
        "start": model.start,
        "timer": bool(model.timer), "pass": pass_threshold(attrs), "intro": offline_markup(model.intro),
        "variables": [{"id": v.id, "label": v.label, "initial": v.initial, "min": v.min, "max": v.max}
                      for v in model.variables],
        "best": graph.best_total(model), "weight": graph.NODE_WEIGHT, "ratings": dict(grading.RATING_SCORES),
        "nodes": [_node(model, item, scores) for item in model.nodes],
        "debrief": offline_markup(model.debrief), "sources": _sources(model.debrief_sources), "card": card,
        "card_sources": _sources((href, t.gettext(title)) for href, title in views.CARD_SOURCES),
        "practice": t.gettext("Practice drill: feedback after every decision, as many tries as you like."),
        "assets": [],
    }


def python_grade(model, attrs, answers):
    """The block's own score of the path `answers` (crisisdrill.grading.grade)."""
    return grading.grade(model, answers, pass_threshold(attrs)).score


# Generated paths ---------------------------------------------------------------------------------

def _holds(condition, values):
    if condition is None:
        return True
    value, amount = values.get(condition["var"], 0), condition["amount"]
    return {">=": value >= amount, "<=": value <= amount, "==": value == amount, "!=": value != amount,
            ">": value > amount, "<": value < amount}[condition["op"]]


def _apply(effects, values, variables):
    bounds = {v["id"]: (v["min"], v["max"]) for v in variables}
    result = dict(values)
    for effect in effects:
        if effect["var"] not in bounds:
            continue
        current, amount = result.get(effect["var"], 0), effect["amount"]
        value = {"+=": current + amount, "-=": current - amount, "=": amount}[effect["op"]]
        result[effect["var"]] = max(bounds[effect["var"]][0], min(bounds[effect["var"]][1], value))
    return result


def _fit(options, picked, capacity, rng):
    """`picked` less random items until their sizes fit `capacity` (the player refuses more)."""
    sizes = {o["id"]: o["size"] for o in options}
    picked = list(picked)
    while capacity is not None and picked and sum(sizes[i] for i in picked) > capacity:
        picked.pop(rng.randrange(len(picked)))
    return picked


def _decide(node, values, policy, rng):
    """The entry a learner following `policy` (random, best, worst, timeouts) makes at `node`."""
    if node["kind"] == "step":
        offered = [c for c in node["choices"] if _holds(c["requires"], values)]
        if node["timeout"] and (not offered or policy == "timeouts" or (policy == "random" and rng.random() < 0.15)):
            return {"node": node["id"], "timeout": True}, None
        if policy == "best":
            choice = next((c for c in offered if c["id"] == node["better"]), None) or max(
                offered, key=lambda c: (not c["critical"], c["value"]))
        elif policy == "worst":
            choice = min(offered, key=lambda c: (not c["critical"], c["value"]))
        else:
            choice = rng.choice(offered)
        return {"node": node["id"], "choice": choice["id"]}, choice
    options = node["options"]
    if node["kind"] == "checklist":
        if policy == "best":
            picked = [o["id"] for o in options if o["required"]]
        elif policy == "worst":
            picked = [o["id"] for o in options if o["harmful"] or not o["required"]]
        else:
            picked = [o["id"] for o in options if rng.random() < 0.5]
            rng.shuffle(picked)
        return {"node": node["id"], "picked": _fit(options, picked, node["capacity"], rng)}, None
    order = [o["id"] for o in options]
    if policy == "worst":
        order.reverse()
    elif policy != "best":
        rng.shuffle(order)
    return {"node": node["id"], "order": order}, None


def walk(data, rng, policy="random"):
    """A path through the drill as the player lets a learner take it (conditions hold, effects apply)."""
    index = {node["id"]: node for node in data["nodes"]}
    values = {v["id"]: v["initial"] for v in data["variables"]}
    node, path = index.get(data["start"]), []
    for _ in range(MAX_WALK):
        if node is None:
            break
        if node["kind"] == "ending":
            path.append({"node": node["id"]})
            break
        entry, choice = _decide(node, values, policy, rng)
        path.append(entry)
        if choice is not None:
            values = _apply(choice["effects"], values, data["variables"])
            target = choice["goto"]
        else:
            target = node["timeout"] if entry.get("timeout") else node["goto"]
        node = index.get(target)
    return path


def _edge_cases(data, best, rng):
    """Hand-shaped paths: stale entries, repeated answers, partial and malformed orders and checklists."""
    cases = [[], [{"node": n["id"]} for n in data["nodes"] if n["kind"] == "ending"][:1]]
    steps = [n for n in data["nodes"] if n["kind"] == "step"]
    stale = [{"node": "no-such-node"}, "not an entry", None, 7]
    if steps:
        stale.append({"node": steps[0]["id"], "choice": "no-such-choice"})
        stale.append({"node": steps[0]["id"], "timeout": True})
    cases.append(stale + best)
    if best:
        cases.append(best[:-1])  # abandoned before the ending
        cases.append(best[:1] + best)  # the first choice twice: it counts once
    for node in data["nodes"]:
        ids = [o["id"] for o in node.get("options", ())]
        if node["kind"] == "order" and len(ids) >= 2:
            swapped = ids[1:2] + ids[:1] + ids[2:]
            for order in (swapped, ids[::-1], ids[:-1], ids + ids[:1], [], ["no-such", *ids]):
                cases.append([_replace(entry, node["id"], order=order) for entry in best])
        elif node["kind"] == "checklist":
            required = [o["id"] for o in node["options"] if o["required"]]
            harmful = [o["id"] for o in node["options"] if o["harmful"]]
            variants = [required[:-1], required + harmful, harmful, [], ids, required + required, ["no-such"]]
            variants.append(rng.sample(ids, rng.randint(0, len(ids))))
            for picked in variants:
                cases.append([_replace(entry, node["id"], picked=picked) for entry in best])
            bad = {"node": node["id"], "picked": harmful}
            cases.append([bad, *best])  # a first, worse answer there: the latest counts
            cases.append([*best, bad])
    return cases


def _replace(entry, node_id, **answer):
    return {"node": node_id, **answer} if isinstance(entry, dict) and entry.get("node") == node_id else entry


def sample_answers(data, rng):
    """Paths for the parity test: empty, best, worst, timeouts, random walks and edge cases."""
    best = walk(data, rng, "best")
    paths = [best, walk(data, rng, "worst"), walk(data, rng, "timeouts")]
    paths += [walk(data, rng) for _ in range(24)]
    return paths + _edge_cases(data, best, rng)
