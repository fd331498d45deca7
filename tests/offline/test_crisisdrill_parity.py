"""One grading truth for the crisis drill offline: crisisdrill_grade.js in node gives the block's Python grade.

For every included (practice) crisis drill of every course, each generated path (sample_answers: random
walks that respect conditions and effects, the best, the worst, timeouts, stale and repeated entries,
partial orders and checklists) is graded by crisisdrill.grading.grade (python_grade) and by the JS
`grade`, one node process per drill. Hand-made paths where partial credit matters pin the rules, and a
JS copy with a wrong partial-credit rule must be caught by them.
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from crisisdrill import content, grading
from noturiba.offline.activities import course_activities
from noturiba.offline.blocks import crisisdrill as offline

ROOT = Path(__file__).resolve().parents[2]
GRADE_JS = ROOT / "xblocks" / "noturiba" / "offline" / "public" / "crisisdrill_grade.js"

# Reads {"data", "paths"} on stdin; prints each path's JS result (score, critical ids, ending, timeouts).
RUNNER = """
const api = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  process.stdout.write(JSON.stringify(job.paths.map((path) => {
    const r = api.result(job.data, path);
    const better = api.debrief(job.data, path).map((row) => (row.better ? row.better.id : null));
    const offered = (Array.isArray(path) ? path : []).map((entry, i) => {
      const item = entry && api.node(job.data, entry.node);
      if (!item || item.kind !== "step") { return null; }
      return api.offeredChoices(item, api.valuesAfter(job.data, path.slice(0, i))).map((c) => c.id);
    });
    return { grade: api.grade(job.data, path), score: r.score, critical: r.critical, ending: r.ending,
             timeouts: r.timeouts, debrief: better, values: api.valuesAfter(job.data, path), offered };
  })));
});
"""

EN = type("English", (), {"gettext": staticmethod(lambda s: s),
                          "ngettext": staticmethod(lambda s, p, n: s if n == 1 else p)})()

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")


def run_js(data, paths, script=GRADE_JS):
    job = json.dumps({"data": data, "paths": paths})
    done = subprocess.run(["node", "-e", RUNNER, str(script)], input=job, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def course_drills():
    found = []
    for course in sorted(p for p in (ROOT / "courses").iterdir() if (p / "course.xml").exists()):
        found += [(course.name, a) for a in course_activities(course) if a.kind == "crisisdrill" and a.included]
    return found


DRILLS = course_drills()


def test_every_course_drill_in_practice_mode_is_checked():
    assert len(DRILLS) >= 10
    assert {course for course, _ in DRILLS} >= {"gatavs-krizei", "biblioteka-noturibas-centrs"}


def python_better(model, path):
    """The better choice the block's debrief names for each row of `path` (None where it names none)."""
    return [row.get("better", {}).get("id") for row in grading.debrief(model, path)]


def python_values(model, path):
    """The variables as the block keeps them along `path` (block.choose applies each choice's effects),
    and the choices offered at each step entry ("requires" conditions), as the JS gives them."""
    values, offered = content.initial_values(model), []
    for entry in path:
        item = model.node(entry.get("node")) if isinstance(entry, dict) else None
        offered.append([c.id for c in content.offered_choices(item, values)] if item and item.kind == "step" else None)
        if entry in grading.clean_path(model, [entry]) and item.kind == "step" and not entry.get("timeout"):
            choice = next(c for c in item.choices if c.id == entry["choice"])
            values = content.apply_effects(choice.effects, values, model.variables)
    return values, offered


@pytest.mark.parametrize("course,activity", DRILLS, ids=[f"{c}/{a.url_name}" for c, a in DRILLS])
def test_js_grade_equals_the_block_grade_on_generated_paths(course, activity):
    data = json.loads(json.dumps(offline.export(activity.model, activity.attrs, EN)))
    paths = offline.sample_answers(data, random.Random(f"{course}/{activity.url_name}"))
    results = run_js(data, paths)
    threshold = offline.pass_threshold(activity.attrs)
    for path, js in zip(paths, results, strict=True):
        expected = grading.grade(activity.model, path, threshold)
        assert js["grade"] == pytest.approx(offline.python_grade(activity.model, activity.attrs, path), abs=1e-9), path
        assert js["score"] == pytest.approx(expected.score, abs=1e-9), path
        assert (tuple(js["critical"]), js["ending"], js["timeouts"]) == (
            expected.critical, expected.ending, expected.timeouts), path
        assert js["debrief"] == python_better(activity.model, path), path
        assert (js["values"], js["offered"]) == python_values(activity.model, path), path
    scores = [js["grade"] for js in results]
    assert 1.0 in scores and min(scores) < 0.7, "the samples reach a full score and a failing one"
    assert len(set(scores)) >= 4, "the samples spread over the scores"


def test_generated_paths_are_paths_a_learner_can_take():
    """Random walks follow the graph: each entry leads to the next one, conditions hold, capacities fit."""
    for course, activity in DRILLS:
        data = offline.export(activity.model, activity.attrs, EN)
        model = activity.model
        for path in [offline.walk(data, random.Random(seed)) for seed in range(30)]:
            values = content.initial_values(model)
            current = model.start
            for entry in path:
                assert entry["node"] == current, (course, activity.url_name, path)
                item = model.node(current)
                if item.kind == "ending":
                    break
                if item.kind == "step" and entry.get("timeout"):
                    current = item.timeout
                elif item.kind == "step":
                    choice = next(c for c in content.offered_choices(item, values) if c.id == entry["choice"])
                    values = content.apply_effects(choice.effects, values, model.variables)
                    current = choice.goto
                else:
                    if item.kind == "checklist" and item.capacity is not None:
                        sizes = {o.id: o.size for o in item.options}
                        assert sum(sizes[i] for i in entry["picked"]) <= item.capacity
                    current = item.goto


# Hand-made paths: partial credit decides the score -------------------------------------------------

DRILL = {
    "start": "s1", "variables": [{"id": "water", "label": "Water", "initial": 2, "min": 0, "max": 5}],
    "nodes": [
        {"kind": "step", "id": "s1", "text": "<p>Storm.</p>", "choices": [
            {"id": "good", "goto": "bag", "label": "Listen to the radio", "points": 2, "effects": "water+=2"},
            {"id": "meh", "goto": "bag", "label": "Ask a neighbour", "points": 1},
            {"id": "bad", "goto": "bag", "label": "Light candles", "points": 0, "critical": True},
            {"id": "call", "goto": "bag", "label": "Call a friend", "points": 0, "requires": "water>=3"}]},
        {"kind": "checklist", "id": "bag", "goto": "do", "text": "Pack.", "capacity": 10, "options": [
            {"id": "w", "label": "Water", "size": 3, "required": True, "critical": True},
            {"id": "t", "label": "Torch", "size": 1, "required": True},
            {"id": "r", "label": "Radio", "size": 1, "required": True},
            {"id": "g", "label": "Gas heater", "size": 2, "harmful": True}]},
        {"kind": "order", "id": "do", "goto": "end", "text": "Order.", "options": [
            {"id": "a", "label": "Go inside"}, {"id": "b", "label": "Close windows"},
            {"id": "c", "label": "Turn on the radio"}, {"id": "d", "label": "Wait", "critical": True}]},
        {"kind": "ending", "id": "end", "text": "Safe.", "rating": "good"}],
}

# (path, expected score by hand) - best = 2 + 2 + 2 = 6.
CASES = [
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["w", "t", "r"]},
      {"node": "do", "order": ["a", "b", "c", "d"]}, {"node": "end"}], 1.0),
    # one adjacent swap: 5 of 6 pairs right (not "2 of 4 places right")
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["w", "t", "r"]},
      {"node": "do", "order": ["b", "a", "c", "d"]}, {"node": "end"}], round((2 + 2 + 2 * 5 / 6) / 6, 6)),
    # the first three reversed, the critical last action in its place: 3 of 6 pairs
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["w", "t", "r"]},
      {"node": "do", "order": ["c", "b", "a", "d"]}, {"node": "end"}], round((2 + 2 + 2 * 3 / 6) / 6, 6)),
    # a harmful item costs half a required share: 1 - 0.5
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["w", "t", "r", "g"]},
      {"node": "do", "order": ["a", "b", "c", "d"]}, {"node": "end"}], round((2 + 2 * 0.5 + 2) / 6, 6)),
    # two of three required: 2/3 of the node
    ([{"node": "s1", "choice": "meh"}, {"node": "bag", "picked": ["w", "t"]},
      {"node": "do", "order": ["a", "c", "b", "d"]}, {"node": "end"}], round((1 + 2 * 2 / 3 + 2 * 5 / 6) / 6, 6)),
    # the critical last action out of its place: capped below the pass mark (0.7 - 0.01)
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["w", "t", "r"]},
      {"node": "do", "order": ["a", "b", "d", "c"]}, {"node": "end"}], 0.69),
    # water left out (critical): capped below the pass mark
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["t", "r"]},
      {"node": "do", "order": ["a", "b", "c", "d"]}, {"node": "end"}], 0.69),
    # only the latest answer at a node counts
    ([{"node": "s1", "choice": "good"}, {"node": "bag", "picked": ["g"]}, {"node": "bag", "picked": ["w", "t"]},
      {"node": "do", "order": ["a", "c", "b", "d"]}, {"node": "end"}], round((2 + 2 * 2 / 3 + 2 * 5 / 6) / 6, 6)),
]


def hand_made():
    model = content.from_json(DRILL)
    return model, json.loads(json.dumps(offline.export(model, {}, EN)))


def test_hand_made_paths_get_the_documented_partial_credit_in_python_and_js():
    model, data = hand_made()
    results = run_js(data, [path for path, _ in CASES])
    for (path, by_hand), js in zip(CASES, results, strict=True):
        assert offline.python_grade(model, {}, path) == pytest.approx(by_hand, abs=1e-9), path
        assert js["grade"] == pytest.approx(by_hand, abs=1e-9), path
        assert (js["values"], js["offered"]) == python_values(model, path), path
    assert results[0]["values"] == {"water": 4} and results[4]["values"] == {"water": 2}  # +=2 (max 5), none
    assert results[0]["offered"][0] == ["good", "meh", "bad"]  # "call" needs water>=3: 2 at the start


# Wrong rules a port could have: each must change the score of at least one hand-made path.
MUTATIONS = {
    "order by places": ("return good / pairs;",
                        "return right.filter(function (id, k) { return order[k] === id; }).length / right.length;"),
    "harmful costs a full share": ("share - 0.5 * harmful", "share - 1.0 * harmful"),
    "checklist ignores harm": ("share - 0.5 * harmful", "share"),
    "every answer at a node counts": ('if (!has.call(values, "#" + key)) { keys.push(key); }', "keys.push(key);"),
    "critical order ignored": ("o.critical && (i >= order.length || order[i] !== o.id)", "false"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_wrong_partial_credit_rule_in_js_is_caught(name, tmp_path):
    original, wrong = MUTATIONS[name]
    source = GRADE_JS.read_text(encoding="utf-8")
    assert original in source, "the rule moved: update MUTATIONS"
    mutant = tmp_path / "crisisdrill_grade.js"
    mutant.write_text(source.replace(original, wrong), encoding="utf-8")
    model, data = hand_made()
    paths = [path for path, _ in CASES]
    scores = [js["grade"] for js in run_js(data, paths, script=mutant)]
    expected = [offline.python_grade(model, {}, path) for path in paths]
    assert any(abs(a - b) > 1e-9 for a, b in zip(scores, expected, strict=True)), name


def test_round6_rounds_halves_to_even_like_python():
    values = [1 / 128, 3 / 128, 65 / 128, 0.1234565, 2 / 3, 0.69, 1.0, 0.0, 5 / 6]
    script = f"const r = require({json.dumps(str(GRADE_JS))}).round6; " \
             f"process.stdout.write(JSON.stringify({json.dumps(values)}.map(r)));"
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=30, check=True)
    assert json.loads(done.stdout) == [round(v, 6) for v in values]
