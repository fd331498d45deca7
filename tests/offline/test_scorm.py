"""The SCORM 1.2 path against a real runtime: scorm-again 3.4.3 (node_modules) as the LMS's window.API.

The SCO page runs in a frame of an LMS page that holds the API, as Moodle, Kolibri and the Open edX
SCORM block do. The activity's answers go through the pack's own JS grader (NoturibaOffline.grade.<kind>)
by a test player that stands in for the real one, so the score the LMS receives is compared with the
block's Python grade for the same answers.
"""

import json
import math
import random
import zipfile

import pytest

from noturiba.offline.activities import course_activities, exporter
from noturiba.offline.catalog import translator

from .conftest import COURSES, ROOT, pack_activities

pytestmark = pytest.mark.browser

SCORM12 = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
KINDS = ("mediacheck", "crisisdrill", "civicquiz")

# The LMS side, only in the top window: the SCO's frame must find the API by walking up to its parent.
LMS = """
if (window === window.top) {
  window.scormLog = [];
  window.API = new window.Scorm12API({autocommit: false, lmsCommitUrl: false, logLevel: 5});
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    window.API.on(name, function () { window.scormLog.push(name); });
  });
  var learner = new URLSearchParams(window.location.search).get("learner");  // the LMS's logged-in learner
  if (learner) { window.API.loadFromJSON({core: {student_id: learner}}); }
}
"""

# A player standing in for the real one: it grades the answers it is given with the pack's JS grader
# and finishes. The real <kind>_play.js, loaded later, cannot replace it.
TEST_PLAYER = """
(function (kind) {
  var shell = window.NoturibaOffline = window.NoturibaOffline || {players: {}, grade: {}};
  function player(root, data, ui) {
    window.testUi = ui;
    window.testPlay = function (answers) {
      var fraction = shell.grade[kind].grade(data, answers);
      ui.finish(fraction);
      return fraction;
    };
  }
  Object.defineProperty(shell.players, kind, {get: function () { return player; }, set: function () {},
                                              enumerable: true});
}(%s));
"""


LMS_ORIGIN = "http://lms.example"


def open_in_lms(file_page, pack, course, activity, tmp_path, scripts=(), learner=None):
    """The LMS page (holding the API) with the SCO of `activity` in its frame, both served from one
    made-up origin by the test itself (Chromium gives every file:// page an origin of its own, so a
    file:// frame could not reach its parent's API; an LMS serves both from one site).
    Returns (page, the SCO frame's URL)."""
    folder = tmp_path / "lms"
    with zipfile.ZipFile(pack / "scorm" / f"{course}.zip") as archive:
        archive.extractall(folder / "package")
    sco = f"{LMS_ORIGIN}/package/{activity['activity_pages']['lv']}"
    (folder / "lms.html").write_text(f'<!DOCTYPE html><html lang="en"><title>LMS</title>'
                                     f'<iframe id="sco" title="SCO" src="{sco}" width="900" height="700"></iframe>',
                                     encoding="utf-8")
    page = file_page(None, goto=False, init_script=SCORM12)
    for script in (LMS, *scripts):
        page.context.add_init_script(script)

    def serve(route):
        path = folder / route.request.url[len(LMS_ORIGIN) + 1:].split("?")[0]
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, body="")

    page.context.route(f"{LMS_ORIGIN}/**", serve)  # registered last, so asked first
    page.goto(f"{LMS_ORIGIN}/lms.html" + (f"?learner={learner}" if learner else ""))
    return page, sco


def graded_answers(kind, course, url_name):
    """(answers, Python grade) of a generated answer set, a partly right one where there is one."""
    activity = next(a for a in course_activities(COURSES / course) if a.url_name == url_name)
    module = exporter(kind)
    data = module.export(activity.model, activity.attrs, translator("lv"))
    graded = [(answers, module.python_grade(activity.model, activity.attrs, answers))
              for answers in module.sample_answers(data, random.Random(16))]
    return max(graded, key=lambda pair: (0 < pair[1] < 1, pair[1]))


def scorm_value(frame_page, element):
    return frame_page.evaluate(f"window.API.cmi.core.{element}")


@pytest.mark.parametrize("kind", KINDS)
def test_score_reaches_the_lms_as_the_python_grade(offline_pack, file_page, tmp_path, kind):
    found = pack_activities(offline_pack, kind)
    if not found:
        pytest.skip(f"no {kind} activity is in the pack")
    course, activity = found[0]
    if not (offline_pack / course / "assets" / "offline" / f"{kind}_grade.js").is_file():
        pytest.skip(f"{kind}_grade.js is not written yet")
    answers, grade = graded_answers(kind, course, activity["url_name"])
    page, sco = open_in_lms(file_page, offline_pack, course, activity, tmp_path, [TEST_PLAYER % json.dumps(kind)])
    frame = page.frame_locator("#sco")
    page.wait_for_function("document.getElementById('sco').contentWindow.document.readyState === 'complete'")
    sco_frame = next(f for f in page.frames if f.url == sco)
    sco_frame.wait_for_function("typeof window.testPlay === 'function'")
    assert page.evaluate("window.API.isInitialized()")
    assert scorm_value(page, "lesson_status") == "incomplete"
    fraction = sco_frame.evaluate("(answers) => window.testPlay(answers)", answers)
    assert fraction == pytest.approx(grade, abs=1e-9)
    expected = math.floor(100 * grade + 0.5)  # JS Math.round: halves go up
    assert scorm_value(page, "score.raw") == str(expected)
    assert scorm_value(page, "score.min") == "0" and scorm_value(page, "score.max") == "100"
    assert scorm_value(page, "lesson_status") == "completed"
    assert page.evaluate("window.scormLog") == ["LMSInitialize", "LMSCommit", "LMSCommit"]
    assert frame.locator(".noturiba-offline-activity").count() == 1
    sco_frame.goto("about:blank")  # the learner leaves the SCO: the page finishes the session
    page.wait_for_function("window.scormLog.indexOf('LMSFinish') >= 0")
    assert page.evaluate("window.API.isTerminated()")
    assert page.blocked == [] and page.js_errors == []


def test_without_an_api_nothing_breaks(offline_pack, file_page, tmp_path):
    course, activity = pack_activities(offline_pack)[0]
    page = file_page(offline_pack / course / activity["activity_pages"]["lv"],
                     init_script=TEST_PLAYER % json.dumps(activity["kind"]))
    page.wait_for_function("typeof window.testPlay === 'function'")
    if activity["kind"] + "_grade.js" not in {p.name for p in (offline_pack / course / "assets" / "offline").iterdir()}:
        pytest.skip("no grader yet")
    page.evaluate("window.testPlay({})")
    assert page.evaluate("window.NoturibaOffline.scorm.api") is None
    page.goto("about:blank")
    assert page.blocked == [] and page.js_errors == []


def test_a_language_switch_inside_the_sco_keeps_the_session(offline_pack, file_page, tmp_path):
    course, activity = pack_activities(offline_pack)[0]
    page, _sco = open_in_lms(file_page, offline_pack, course, activity, tmp_path)
    frame = page.frame_locator("#sco")
    frame.locator('.nt-offline-languages a[hreflang="ru"]').click()
    frame.locator("html[lang=ru]").wait_for(state="attached")
    page.wait_for_function("window.scormLog.filter(n => n === 'LMSInitialize').length >= 1")
    assert "LMSFinish" not in page.evaluate("window.scormLog")
    assert not page.evaluate("window.API.isTerminated()")
    assert page.blocked == []


def walk_drill(frame, limit=60):
    """Play a drill with its real player to an ending: the first choice, the first item of a checklist,
    the order as shown; returns when the debrief shows a score."""
    situation = ".noturiba-offline-activity .nt-cd-situation"
    for _ in range(limit):
        if frame.locator(".noturiba-offline-activity .nt-cd-debrief .nt-cd-score").count():
            return
        choices = frame.locator(f"{situation} .nt-cd-choice")
        checklist = frame.locator(f"{situation} .nt-cd-checklist")
        if choices.count():
            choices.first.click()
        elif checklist.count():
            boxes = checklist.locator("input[type=checkbox]")
            if boxes.count():
                boxes.first.check()
            checklist.locator("button[type=submit]").click()
        else:
            frame.locator(f"{situation} button:not(.nt-cd-order button)").last.click()
    raise AssertionError("the drill did not reach an ending")


def test_a_drill_played_by_its_player_reports_the_python_grade(offline_pack, file_page, tmp_path):
    found = pack_activities(offline_pack, "crisisdrill")
    course, activity = found[0]
    if not (offline_pack / course / "assets" / "offline" / "crisisdrill_play.js").is_file():
        pytest.skip("crisisdrill_play.js is not written yet")
    page, sco = open_in_lms(file_page, offline_pack, course, activity, tmp_path)
    page.wait_for_function("document.getElementById('sco').contentWindow.document.readyState === 'complete'")
    frame = page.frame_locator("#sco")
    frame.locator(".noturiba-offline-activity .nt-cd-situation").wait_for()
    walk_drill(frame)
    sco_frame = next(f for f in page.frames if f.url == sco)
    key = f"noturiba-offline:{course}:{activity['url_name']}:state"
    # An LMS that names no learner: the state is kept for this session only.
    path = sco_frame.evaluate("(key) => JSON.parse(sessionStorage.getItem(key)).path", key)
    model = next(a for a in course_activities(COURSES / course) if a.url_name == activity["url_name"])
    grade = exporter("crisisdrill").python_grade(model.model, model.attrs, path)
    assert scorm_value(page, "score.raw") == str(math.floor(100 * grade + 0.5))
    assert scorm_value(page, "lesson_status") == "completed"
    assert page.blocked == [] and page.js_errors == []


def sco_of(page, sco):
    page.wait_for_function("document.getElementById('sco').contentWindow.document.readyState === 'complete'")
    frame = next(f for f in page.frames if f.url == sco)
    frame.wait_for_function("typeof window.testPlay === 'function'")
    return frame


def test_two_learners_on_one_computer_each_have_their_own_answers_and_score(offline_pack, file_page, tmp_path):
    """A shared library computer: the LMS's next learner in the same browser starts afresh and gets their
    own score, not the last learner's answers or best score; the first learner's progress is still theirs."""
    kind = "civicquiz"
    course, activity = pack_activities(offline_pack, kind)[0]
    activity_model = next(a for a in course_activities(COURSES / course) if a.url_name == activity["url_name"])
    module = exporter(kind)
    data = module.export(activity_model.model, activity_model.attrs, translator("lv"))
    graded = sorted(((module.python_grade(activity_model.model, activity_model.attrs, answers), answers)
                     for answers in module.sample_answers(data, random.Random(16))), key=lambda pair: pair[0])
    (low, low_answers), (high, high_answers) = graded[0], graded[-1]
    assert high > low
    player = TEST_PLAYER % json.dumps(kind)
    page, sco = open_in_lms(file_page, offline_pack, course, activity, tmp_path, [player], learner="reader-a")
    frame = sco_of(page, sco)
    frame.evaluate("window.testUi.save({mine: 'reader-a'})")
    frame.evaluate("(answers) => window.testPlay(answers)", high_answers)
    assert scorm_value(page, "score.raw") == str(math.floor(100 * high + 0.5))

    page.goto(f"{LMS_ORIGIN}/lms.html?learner=reader-b")  # the next learner logs in, same browser
    frame = sco_of(page, sco)
    assert page.evaluate("window.API.cmi.core.student_id") == "reader-b"
    assert frame.evaluate("window.testUi.load()") is None
    assert not frame.locator(".nt-offline-status").first.is_visible()
    frame.evaluate("(answers) => window.testPlay(answers)", low_answers)
    assert scorm_value(page, "score.raw") == str(math.floor(100 * low + 0.5))

    page.goto(f"{LMS_ORIGIN}/lms.html?learner=reader-a")
    frame = sco_of(page, sco)
    assert frame.evaluate("window.testUi.load()") == {"mine": "reader-a"}
    assert frame.locator(".nt-offline-status").first.is_visible()
    assert page.blocked == [] and page.js_errors == []


def test_an_lms_that_names_no_learner_keeps_nothing_after_the_session(offline_pack, file_page, tmp_path):
    course, activity = pack_activities(offline_pack, "civicquiz")[0]
    player = TEST_PLAYER % json.dumps("civicquiz")
    page, sco = open_in_lms(file_page, offline_pack, course, activity, tmp_path, [player])
    frame = sco_of(page, sco)
    frame.evaluate("window.testUi.save({mine: 'nobody'})")
    frame.evaluate("window.testPlay({})")
    assert frame.evaluate("window.testUi.load()") == {"mine": "nobody"}
    stored = "() => Object.keys(localStorage).filter(k => k.startsWith('noturiba-offline:') && !k.endsWith('probe'))"
    assert frame.evaluate(stored) == []
    page.goto(f"{LMS_ORIGIN}/lms.html")  # the session ends (LMSFinish); the next one starts afresh
    frame = sco_of(page, sco)
    assert frame.evaluate("window.testUi.load()") is None
    assert page.blocked == [] and page.js_errors == []
