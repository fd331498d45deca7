"""One grading truth for mediacheck: the browser's mediacheck_grade.js gives the block's Python grade.

Every included (practice) mediacheck activity of every course, on generated answers (empty, all right,
all wrong, partly right, random, stored junk the block cleans), and hand-made answers where each
partial-credit rule decides the score.
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from noturiba.i18n import Translator
from noturiba.offline.activities import course_activities
from noturiba.offline.blocks import mediacheck as offline_mc

ROOT = Path(__file__).resolve().parents[2]
GRADE_JS = ROOT / "xblocks" / "noturiba" / "offline" / "public" / "mediacheck_grade.js"
RUNNER = """
const api = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; }).on("end", () => {
  const job = JSON.parse(input);
  process.stdout.write(JSON.stringify(job.answers.map((answers) => api.grade(job.data, answers))));
});
"""


def activities():
    found = []
    for course in sorted((ROOT / "courses").iterdir()):
        if (course / "course.xml").is_file():
            found += [(course.name, activity) for activity in course_activities(course)
                      if activity.kind == "mediacheck" and activity.included]
    return found


ACTIVITIES = activities()


def js_grades(data, answer_sets):
    node = shutil.which("node")
    assert node, "node is needed for the parity test"
    done = subprocess.run([node, "-e", RUNNER, str(GRADE_JS)], input=json.dumps({"data": data, "answers": answer_sets}),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_course_has_practice_mediachecks():
    assert len(ACTIVITIES) >= 5
    assert {course for course, _activity in ACTIVITIES} >= {"medijpratiba-ikdiena", "pilsoniska-lidzdaliba"}


@pytest.mark.parametrize("course,activity", ACTIVITIES, ids=[f"{c}/{a.url_name}" for c, a in ACTIVITIES])
def test_js_grade_equals_python_grade(course, activity):
    data = offline_mc.export(activity.model, activity.attrs, Translator())
    answer_sets = offline_mc.sample_answers(data, random.Random(activity.url_name))
    python = [offline_mc.python_grade(activity.model, activity.attrs, answers) for answers in answer_sets]
    assert 0.0 in python and 1.0 in python  # the empty and the all-right answers
    assert len({round(score, 6) for score in python}) > 10  # the random answers are really different
    js = js_grades(json.loads(json.dumps(data)), answer_sets)
    mismatches = [(index, p, j) for index, (p, j) in enumerate(zip(python, js, strict=True)) if abs(p - j) > 1e-9]
    assert not mismatches, f"{course}/{activity.url_name}: {mismatches[:5]}"


def _find(url_name):
    return next(activity for _course, activity in ACTIVITIES if activity.url_name == url_name)


def test_partial_credit_rules_decide_the_score():
    """Flags partly marked with a false mark, leads partly opened with a useless one, a near verdict,
    and a confidence that costs: each rule changes the score, and JS and Python agree on it."""
    activity = _find("med-ch1-check")
    assert activity.model.confidence
    item = activity.model.items[0]
    assert len(item.flags) >= 2 and any(not lead.useful for lead in item.leads)
    owners = item.segment_owners
    flagged = [segment for segment, flag in owners.items() if flag == item.flags[0].id]
    innocent = [segment for segment, flag in owners.items() if flag is None]
    useful = [lead.id for lead in item.leads if lead.useful]
    useless = [lead.id for lead in item.leads if not lead.useful]
    second_item = activity.model.items[1]
    assert second_item.verdict in ("misleading", "false") and second_item.flags
    near = "false" if second_item.verdict == "misleading" else "misleading"
    answers = {
        item.id: {"verdict": item.verdict, "flags": [flagged[0], innocent[0]], "leads": [useful[0], useless[0]],
                  "confidence": 90},
        second_item.id: {"verdict": near, "flags": [], "leads": [], "confidence": 100},
    }
    # By hand, from grading.py's rules: one of n flags found, precision 1/2; useful share minus a quarter.
    flags = len(item.flags)
    precision, recall = 0.5, 1 / flags
    f1 = 2 * precision * recall / (precision + recall)
    leads = max(0.0, 1 / len(useful) - 0.25 * 1 / len(useless))
    first = 0.6 + 0.25 * f1 + 0.15 * leads
    second = 0.6 * 0.5  # the near verdict earns half; no flags marked, no lead opened
    accuracy = (first + second) / len(activity.model.items)
    python = offline_mc.python_grade(activity.model, activity.attrs, answers)
    # The confident wrong verdict costs: the score is below the accuracy alone.
    assert python < accuracy - 0.01
    assert 0 < f1 < 1 and 0 < leads < 1
    data = offline_mc.export(activity.model, activity.attrs, Translator())
    without_confidence = {key: {**value, "confidence": None} for key, value in answers.items()}
    assert offline_mc.python_grade(activity.model, activity.attrs, without_confidence) == pytest.approx(accuracy)
    js = js_grades(data, [answers, without_confidence])
    assert js == pytest.approx([python, accuracy], abs=1e-12)


def test_a_changed_rule_in_the_js_is_caught(tmp_path):
    """The sample answers catch a JS grader with one rule changed (no penalty for useless leads)."""
    activity = _find("med-ch1-check")
    data = offline_mc.export(activity.model, activity.attrs, Translator())
    answer_sets = offline_mc.sample_answers(data, random.Random(1))
    python = [offline_mc.python_grade(activity.model, activity.attrs, answers) for answers in answer_sets]
    changed = tmp_path / "changed_grade.js"
    source = GRADE_JS.read_text(encoding="utf-8")
    mutant = source.replace("data.rules.useless_penalty * useless", "0 * useless")
    assert mutant != source
    changed.write_text(mutant, encoding="utf-8")
    node = shutil.which("node")
    done = subprocess.run([node, "-e", RUNNER, str(changed)], input=json.dumps({"data": data, "answers": answer_sets}),
                          capture_output=True, text=True, timeout=60, check=True)
    js = json.loads(done.stdout)
    assert any(abs(p - j) > 1e-9 for p, j in zip(python, js, strict=True))


def test_export_holds_what_the_player_shows_in_the_page_language():
    from noturiba.offline.catalog import translator
    activity = _find("med-ch3-check")
    data = offline_mc.export(activity.model, activity.attrs, translator("lv"))
    assert data["labels"]["verdict"] == "Jūsu vērtējums"
    assert [v["label"] for v in data["verdicts"]][:2] == ["Patiess", "Maldinošs"]
    assert data["assets"] == sorted({item.media.src for item in activity.model.items})
    first = data["items"][0]
    assert first["heading"] == f"1. vienums no {len(activity.model.items)}"
    assert first["explanation"].startswith("<p>") and first["sources"][0]["href"].startswith("https://")
    json.dumps(data)  # JSON all through


def test_a_real_headline_says_where_it_was_published_after_the_check():
    from mediacheck import content
    from noturiba import olx
    from noturiba.offline.catalog import translator
    scenario = ROOT / "xblocks" / "mediacheck" / "scenarios" / "05-real-or-made-up.xml"
    model = content.parse(olx.parse_string(scenario.read_text(encoding="utf-8")))
    data = offline_mc.export(model, {}, translator("lv"))
    real = data["items"][0]["provenance"]
    # the date is left for the player to write in the page's language (provenance.short_date)
    assert real == {"kind": "real", "label": "Īsts virsraksts: pilsetas.com, {date}", "date": "2025-05-23",
                    "href": "https://pilsetas.com/2025/05/23/latvija-uz-tris-minutem-iedarbinas-trauksmes-sirenas"}
    assert data["material"] != "made-up" and data["material_note"]
