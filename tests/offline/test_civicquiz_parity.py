"""One grading truth for civicquiz offline: civicquiz_grade.js in node gives the block's Python grade.

For every included (practice) civicquiz of every course, and for quizzes with draws and certainty-based
marking, each generated answer set is graded by noturiba.offline.blocks.civicquiz.python_grade (the
block's attempt_rules.practice_result) and by the JS `grade` (one node process per quiz).
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from civicquiz import content
from noturiba.offline.activities import course_activities
from noturiba.offline.blocks import civicquiz as offline
from noturiba.offline.blocks.civicquiz import export, python_grade, sample_answers

ROOT = Path(__file__).resolve().parents[2]
GRADE_JS = ROOT / "xblocks" / "noturiba" / "offline" / "public" / "civicquiz_grade.js"
SCENARIOS = ROOT / "xblocks" / "civicquiz" / "scenarios"

# Reads {"data", "sets", "patch"} on stdin; prints the JS fractions (and draws, if asked) as JSON.
RUNNER = """
const api = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  if (job.patch) { new Function("api", job.patch)(api); }
  const out = { grades: job.sets.map((answers) => api.grade(job.data, answers)) };
  if (job.draws) {
    let seed = 7;
    const random = () => { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
    out.draws = Array.from({ length: job.draws }, () => api.draw(job.data, random));
  }
  process.stdout.write(JSON.stringify(out));
});
"""

EN = type("NoTranslation", (), {"gettext": staticmethod(lambda s: s),
                                "ngettext": staticmethod(lambda s, p, n: s if n == 1 else p),
                                "render": staticmethod(lambda m: m.render())})()

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")


def run_js(data, sets, patch=None, draws=0):
    job = json.dumps({"data": data, "sets": sets, "patch": patch, "draws": draws})
    done = subprocess.run(["node", "-e", RUNNER, str(GRADE_JS)], input=job, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def course_quizzes():
    found = []
    for course in sorted(p for p in (ROOT / "courses").iterdir() if (p / "course.xml").exists()):
        found += [(course.name, a) for a in course_activities(course) if a.kind == "civicquiz" and a.included]
    return found


def quiz(xml):
    element = etree.fromstring(xml)
    return content.parse(element), dict(element.attrib)


EVERY_TYPE = (SCENARIOS / "04-practice-every-type.xml").read_text(encoding="utf-8")
# The every-type bank, drawn and with certainty-based marking (no course has that in practice mode yet).
DRAWN_CBM = EVERY_TYPE.replace('mode="practice"', 'mode="practice" draw="4" certainty="true"', 1)


def mismatches(model, attrs, sets, patch=None):
    data = export(model, attrs, EN)
    json.loads(json.dumps(data))  # JSON-serialisable, as the page's island holds it
    js = run_js(data, sets, patch)["grades"]
    return [(answers, python_grade(model, attrs, answers), got)
            for answers, got in zip(sets, js, strict=True)
            if abs(python_grade(model, attrs, answers) - got) > 1e-9]


def test_every_included_course_quiz_grades_the_same_in_node_and_python():
    quizzes = course_quizzes()
    assert len(quizzes) >= 20 and any(a.model.certainty for _, a in quizzes)
    for course, activity in quizzes:
        data = export(activity.model, activity.attrs, EN)
        sets = sample_answers(data, random.Random(f"{course}/{activity.url_name}"))
        assert len(sets) >= 10
        assert mismatches(activity.model, activity.attrs, sets) == [], f"{course}/{activity.url_name}"


@pytest.mark.parametrize("xml", [EVERY_TYPE, DRAWN_CBM], ids=["every-type", "drawn-cbm"])
def test_every_type_draws_and_cbm_grade_the_same(xml):
    model, attrs = quiz(xml)
    data = export(model, attrs, EN)
    sets = sample_answers(data, random.Random(16))
    values = {round(python_grade(model, attrs, s), 9) for s in sets}
    assert len(values) >= 6, "the samples must reach many different scores"
    assert mismatches(model, attrs, sets) == []


def hand_made():
    """Answers where a partial-credit rule, a CBM mark or the CBM bonus decides the score."""
    model, attrs = quiz(DRAWN_CBM)
    drawn = ["direct-numbers", "siren", "numbers", "hours"]
    partial = {"direct-numbers": ["n110", "n911"],            # one right, one wrong pick of three right: 0
               "siren": ["tune", "hear", "act"],              # one of two steps kept: 0.5
               "numbers": {"p110": "p110", "p113": "p114"},    # one of three pairs: 1/3
               "hours": 72}
    sets = [{"questions": drawn, "answers": partial, "certainties": dict.fromkeys(drawn, level)}
            for level in (1, 2, 3)]
    sets.append({"questions": drawn, "answers": {"direct-numbers": ["n110", "n113"], "siren": ["hear", "act", "tune"],
                                                 "numbers": {"p110": "p110", "p113": "p113"}, "hours": 71},
                 "certainties": {"direct-numbers": 3, "siren": 2, "numbers": 1, "hours": 3}})
    right = {"questions": drawn, "answers": {qid: offline._right(q) for q in export(model, attrs, EN)["questions"]
                                             for qid in [q["id"]] if qid in drawn}}
    sets += [{**right, "certainties": dict.fromkeys(drawn, level)} for level in (1, 2, 3)]
    return model, attrs, sets


def test_hand_made_partial_credit_and_cbm_answers_grade_as_python_says():
    model, attrs, sets = hand_made()
    assert mismatches(model, attrs, sets) == []
    # Known values: 1.5 / 3 ... and all right at "not sure" = 1 + 0.1 x (1/3 - 1).
    assert python_grade(model, attrs, sets[4]) == pytest.approx(1 - 0.2 / 3)
    assert python_grade(model, attrs, sets[6]) == pytest.approx(1.0)
    assert python_grade(model, attrs, {**sets[0], "certainties": {}}) == pytest.approx((0 + 0.5 + 1 / 3 + 1) / 4)


WRONG_RULES = {
    "order: items in their right place": "api.rules.order = (q, a) => q.solution.filter((id, i) => a[i] === id)"
                                         ".length / q.solution.length;",
    "order: all or nothing": "api.rules.order = (q, a) => a.join() === q.solution.join() ? 1 : 0;",
    "multiple: wrong picks not subtracted": "api.rules.multiple = (q, a) => a.filter((id) => q.right.includes(id))"
                                            ".length / q.right.length;",
    "multiple: all or nothing": "api.rules.multiple = (q, a) => a.slice().sort().join() === "
                                "q.right.slice().sort().join() ? 1 : 0;",
    "match: all or nothing": "api.rules.match = (q, a) => q.pairs.every((p) => a[p.id] === p.id) ? 1 : 0;",
    "CBM: a milder table": "const f = api.grade; api.grade = (d, a) => f(d.cbm ? {...d, cbm: {...d.cbm, "
                           "marks: [[1, 1, 0], [2, 2, -1], [3, 3, -4]]}} : d, a);",
    "CBM: no bonus": "const f = api.grade; api.grade = (d, a) => f({...d, certainty: false}, a);",
    "CBM: right from 0.5": "const f = api.grade; api.grade = (d, a) => f({...d, right: 0.5}, a);",
}


@pytest.mark.parametrize("patch", WRONG_RULES.values(), ids=WRONG_RULES.keys())
def test_the_parity_check_catches_a_wrong_rule(patch):
    model, attrs, sets = hand_made()
    assert mismatches(model, attrs, sets, patch) != []


def test_a_draw_in_the_browser_takes_n_questions_balanced_across_topics():
    model, attrs = quiz(EVERY_TYPE.replace('mode="practice"', 'mode="practice" draw="3"', 1))
    data = export(model, attrs, EN)
    topic = {q.id: q.topic for q in model.questions}
    draws = run_js(data, [], draws=40)["draws"]
    bank = [q.id for q in model.questions]
    for ids in draws:
        assert len(set(ids)) == 3 and ids == [qid for qid in bank if qid in ids]
        # Two topics (valsts: 1 question, drosiba: 5): round robin takes the lone one every time.
        assert [topic[qid] for qid in ids].count("valsts") == 1
    assert len({tuple(ids) for ids in draws}) > 3, "each try draws anew"
    # The score is over the drawn questions only: all of them right is 100 %.
    chosen = draws[0]
    right = {q["id"]: offline._right(q) for q in data["questions"] if q["id"] in chosen}
    answers = {"questions": chosen, "answers": right}
    assert python_grade(model, attrs, answers) == 1.0 == run_js(data, [answers])["grades"][0]


def test_export_holds_sanitized_markup_and_no_authoring_surprises():
    model, attrs = quiz(EVERY_TYPE.replace("<prompt>Cik deputātu ir Saeimā?</prompt>",
                                           "<prompt>Cik <script>alert(1)</script><em>deputātu</em>?</prompt>"))
    data = export(model, attrs, EN)
    first = data["questions"][0]
    assert "<script" not in first["prompt"] and "<em>deputātu</em>" in first["prompt"]
    assert data["draw"] is None and data["certainty"] is False and "cbm" not in data
    assert data["assets"] == []
