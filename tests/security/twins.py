"""Answer twins: the same block with other answers, and what a fresh learner's browser gets of one.

`twin(block_type, xml)` keeps every id and every text a learner reads before answering, and
changes what the answers are: right options and their authoring order, true/false and numeric
answers, the right order of an order question, the matches of a match question, verdicts, where
the red flags are and their notes, which leads are useful and their authoring order, points,
critical marks, required and harmful checklist options, endings' ratings, feedback, explanations
and sources, which mediacheck items are real (`origin`) and where they were published.
`learner_bytes` renders a block for a new learner exactly as the browser and the mobile API get it;
two twins must give the same bytes (test_secrecy_differential.py).
`drill_walk_bytes` does the same for every situation of a crisis drill a learner can reach by
playing (a twin keeps every goto and effect, so the same decisions reach the same situations).
"""

import json
import re

from lxml import etree
from workbench.models import XBlockState
from workbench.runtime import ID_MANAGER

from ..blocks.conftest import Harness

TWIN_TEXT = "Twin: another answer text, never shown before answering."
TWIN_SOURCE = "https://twin.example/other-source"
DEFAULT_VERDICTS = ["accurate", "misleading", "false", "satire", "unverifiable"]
JSON_SCRIPT = re.compile(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', re.S)


def _local(node):
    return etree.QName(node).localname if isinstance(node.tag, str) else None


def _kids(node, name):
    return [child for child in node if _local(child) == name]


def _rewrite_secret_text(node):
    """Replace the text of an explanation, feedback or debrief, keeping its <source> children."""
    sources = _kids(node, "source")
    for child in list(node):
        if _local(child) != "source":
            node.remove(child)
    node.text = TWIN_TEXT
    for source in sources:
        source.set("href", TWIN_SOURCE)
        source.set("title", "Twin source")


def _reverse(parent, children):
    if len(children) < 2:
        return
    index = list(parent).index(children[0])
    tails = [child.tail for child in children]
    for child in children:
        parent.remove(child)
    for offset, (child, tail) in enumerate(zip(reversed(children), tails, strict=True)):
        child.tail = tail
        parent.insert(index + offset, child)


def _rotate_attr(nodes, name):
    """Move attribute `name` one node on (the last one's to the first)."""
    values = [node.get(name) for node in nodes]
    values = values[-1:] + values[:-1]
    for node, value in zip(nodes, values, strict=True):
        if value is None:
            node.attrib.pop(name, None)
        else:
            node.set(name, value)


def _civicquiz(root):
    for question in list(root.iter("{*}question", "question")):
        kind = question.get("type") or "single"
        options = _kids(question, "option")
        if kind in ("single", "multiple") and options and root.get("mode") != "survey":
            if kind == "multiple" and 0 < sum(o.get("correct") == "true" for o in options) < len(options) - 1:
                for option in options:  # the other options are the right ones now
                    option.attrib.pop("correct") if option.get("correct") == "true" else option.set("correct", "true")
            else:
                _rotate_attr(options, "correct")
            _reverse(question, options)
        if kind == "truefalse" and question.get("answer") is not None:
            question.set("answer", "false" if question.get("answer") == "true" else "true")
        if kind == "numeric" and question.get("answer") is not None:
            question.set("answer", str(float(question.get("answer")) + 7))
            question.set("tolerance", str(float(question.get("tolerance") or 0) + 1))
        if kind == "order":
            _reverse(question, _kids(question, "item"))
        if kind == "match":
            pairs = _kids(question, "pair")
            rights = [_kids(pair, "right")[0] for pair in pairs]
            for pair, right in zip(pairs, rights[-1:] + rights[:-1], strict=True):
                pair.append(right)
        for explanation in _kids(question, "explanation"):
            _rewrite_secret_text(explanation)


def _move_flags(body):
    """Unwrap every flag, then flag the last word of the first text with two words or more."""
    ids = [flag.get("id") for flag in body.iter("{*}flag", "flag")]
    etree.strip_tags(body, "flag")
    if not ids:
        return
    for node in body.iter():
        if not isinstance(node.tag, str) or node.text is None or len(node.text.split()) < 2:
            continue
        head, last = node.text.rstrip().rsplit(None, 1)
        trailing = node.text[len(node.text.rstrip()):]
        node.text = head + " "
        flag = etree.Element("flag", id=ids[0], note=TWIN_TEXT)
        flag.text, flag.tail = last, trailing + (flag.tail or "")
        node.insert(0, flag)
        return


def _mediacheck(root):
    scales = _kids(root, "verdicts")
    scale = [v.get("id") for v in _kids(scales[0], "verdict")] if scales else DEFAULT_VERDICTS
    for item in _kids(root, "item"):
        verdict = item.get("verdict")
        if verdict in scale:
            item.set("verdict", scale[(scale.index(verdict) + 1) % len(scale)])
        for body in _kids(item, "body"):
            _move_flags(body)
        leads = _kids(item, "lead")
        for lead in leads:
            lead.set("useful", "false" if lead.get("useful") == "true" else "true")
        _reverse(item, leads)
        for explanation in _kids(item, "explanation"):
            _rewrite_secret_text(explanation)
    _move_origins(_kids(root, "item"))


def _move_origins(items):
    """Made up or real (issue 13): the `origin` attribute moves one item on, with its <published>, whose
    outlet, date and link change; the block keeps its mix (which items are real is the answer)."""
    published = [(_kids(item, "published") or [None])[0] for item in items]
    for item, node in zip(items, published, strict=True):
        if node is not None:
            item.remove(node)
    _rotate_attr(items, "origin")
    for item, node in zip(items, published[-1:] + published[:-1], strict=True):
        if node is not None:
            node.set("outlet", "Twin outlet")
            node.set("date", "2001-02-03")
            node.set("href", TWIN_SOURCE)
            item.append(node)


def _crisisdrill(root):
    for node in list(root.iter()):  # a list: moving children while lxml iterates would skip nodes
        name = _local(node)
        choices = _kids(node, "choice")
        if choices:
            points = [int(c.get("points") or 0) for c in choices]
            for choice, value in zip(choices, points, strict=True):
                choice.set("points", str(max(points) + min(points) - value))
            _rotate_attr(choices, "critical")
            _reverse(node, choices)  # the best choice written last instead of first
        if name == "checklist":
            options = _kids(node, "option")
            _rotate_attr(options, "required")
            _rotate_attr(options, "harmful")
            _reverse(node, options)
        if name == "order":
            _reverse(node, _kids(node, "option"))
        if name in ("feedback", "debrief", "explanation"):
            _rewrite_secret_text(node)
    endings = _kids(root, "ending")
    _rotate_attr(endings, "rating")


MUTATORS = {"civicquiz": _civicquiz, "mediacheck": _mediacheck, "crisisdrill": _crisisdrill}


def twin(block_type, xml):
    root = etree.fromstring(xml.encode())
    MUTATORS[block_type](root)
    return etree.tostring(root, encoding="unicode")


def _fresh_load(xml, user_id):
    """The block under the same ids every time (the learner key, and so every shuffle, is keyed by
    the usage id), for a learner without saved state."""
    ID_MANAGER.scenario = "secrecy-twin"
    ID_MANAGER._block_types_to_id_seq.clear()
    ID_MANAGER._def_ids_to_id_seq.clear()
    XBlockState.objects.filter(user_id=user_id).delete()
    return Harness(user_id).load(xml)


def _resources(fragment):
    return [[r.kind, r.data, r.mimetype, r.placement] for r in fragment.resources]


def learner_bytes(xml, user_id="differential-learner"):
    """{part: text} of everything a new learner's browser and the mobile API get of the block."""
    block = _fresh_load(xml, user_id)
    try:
        parts = {}
        fragment = block.render("student_view", {})
        parts["student_view HTML"] = fragment.content
        parts["student_view resources"] = json.dumps(_resources(fragment), ensure_ascii=False)
        parts["student_view init args"] = json.dumps(fragment.json_init_args, ensure_ascii=False, sort_keys=True)
        for index, island in enumerate(JSON_SCRIPT.findall(fragment.content)):
            parts[f"JSON island {index}"] = island
        parts["student_view_data"] = json.dumps(block.student_view_data(), ensure_ascii=False, sort_keys=True)
        public = block.render("public_view", {})
        parts["public_view HTML"] = public.content
        return parts
    finally:
        ID_MANAGER.scenario = ""
        XBlockState.objects.filter(user_id=user_id).delete()


def differences(xml, other, user_id="differential-learner"):
    """The parts whose bytes differ between two contents, each with where it starts to differ."""
    return _compare(learner_bytes(xml, user_id), learner_bytes(other, user_id))


def mediacheck_draft_bytes(xml, user_id="differential-drafter"):
    """{part: text} of what a mediacheck learner gets before any answer is checked or submitted: every
    lead opened and a draft saved for every item (handler responses), then the page and the mobile data
    after a reload."""
    from mediacheck import content

    block = _fresh_load(xml, user_id)
    harness = Harness(user_id)
    parts = {}
    try:
        model = block.model
        verdict = model.scale[0].id
        for item in sorted(model.items, key=lambda entry: entry.id):
            for lead in sorted(item.leads, key=lambda entry: entry.id):
                status, body = harness.call(block, "open_lead", {"item": item.id, "lead": lead.id})
                parts[f"open_lead {item.id} {lead.id}"] = json.dumps([status, body], ensure_ascii=False, sort_keys=True)
            first = [segment.id for paragraph in content.segments(item.body) for segment in paragraph][:1]
            status, body = harness.call(block, "save_answer", {"item": item.id, "verdict": verdict, "flags": first})
            parts[f"save_answer {item.id}"] = json.dumps([status, body], ensure_ascii=False, sort_keys=True)
        again = harness.reload(block)
        fragment = again.render("student_view", {})
        parts["draft page"] = fragment.content
        parts["draft init args"] = json.dumps(fragment.json_init_args, ensure_ascii=False, sort_keys=True)
        parts["draft student_view_data"] = json.dumps(again.student_view_data(), ensure_ascii=False, sort_keys=True)
        return parts
    finally:
        ID_MANAGER.scenario = ""
        XBlockState.objects.filter(user_id=user_id).delete()


def draft_differences(xml, other):
    """mediacheck: differences() of the handlers and the page before an answer is checked or submitted."""
    return _compare(mediacheck_draft_bytes(xml), mediacheck_draft_bytes(other))


def drill_paths(model):
    """{node id: the decisions (handler, payload) that first reach it} for every situation a learner can
    reach before an ending, breadth first; choices are offered by the variables along the path."""
    from crisisdrill import content

    start = model.node(model.start)
    if start is None:
        return {}
    paths, queue = {start.id: []}, [(start, content.initial_values(model), [])]
    while queue:
        item, values, path = queue.pop(0)
        moves = []
        if item.kind == "step":
            moves = [(("choose", {"node": item.id, "choice": c.id}), c.goto,
                      content.apply_effects(c.effects, values, model.variables))
                     for c in sorted(content.offered_choices(item, values), key=lambda c: c.id)]
        elif item.kind == "checklist":
            moves = [(("pick", {"node": item.id, "items": []}), item.goto, values)]
        elif item.kind == "order":
            moves = [(("arrange", {"node": item.id, "order": sorted(o.id for o in item.options)}), item.goto, values)]
        for move, target, after in moves:
            nxt = model.node(target)
            if nxt is not None and nxt.kind != "ending" and nxt.id not in paths:
                paths[nxt.id] = [*path, move]
                queue.append((nxt, after, [*path, move]))
    return paths


def drill_walk_bytes(xml, user_id="differential-walker"):
    """{part: text}: for every reachable situation, the page after playing there and each answer's view
    (practice feedback left out: it is shown after an answer, by design)."""
    parts = {}
    for node_id, path in drill_paths(_fresh_load(xml, user_id).model).items():
        block = _fresh_load(xml, user_id)
        harness = Harness(user_id)
        try:
            for number, (handler, payload) in enumerate(path):
                status, body = harness.call(block, handler, payload)
                assert status == 200, (handler, payload, body)
                parts[f"{node_id}: answer {number} view"] = json.dumps(body["view"], ensure_ascii=False, sort_keys=True)
            page = harness.reload(block).render("student_view", {})
            parts[f"{node_id}: page"] = page.content
        finally:
            ID_MANAGER.scenario = ""
            XBlockState.objects.filter(user_id=user_id).delete()
    return parts


def _compare(first, second):
    found = []
    for name in sorted(set(first) | set(second)):
        a, b = first.get(name, ""), second.get(name, "")
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            found.append(f"{name} at {at}: {a[max(0, at - 60):at + 60]!r} vs {b[max(0, at - 60):at + 60]!r}")
    return found


def walk_differences(xml, other):
    """differences() over every reachable situation of a drill."""
    return _compare(drill_walk_bytes(xml), drill_walk_bytes(other))
