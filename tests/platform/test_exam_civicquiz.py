"""civicquiz as an exam, on the installed wheel: the course author's `show_correctness` and the due date.

Platform code paths emulated here (read in openedx/openedx-platform and XBlock; none of its code is copied):

- xmodule/modulestore/inheritance.py `InheritanceMixin` (in the LMS's XBLOCK_MIXINS): every block gets the
  settings `due`, `graceperiod` and `show_correctness` (always / past_due / never, default always) and
  `is_past_due()` (now after due + graceperiod). tests/platform/lms.py `PlatformInheritance` is that mixin;
  OLX attributes set the fields as a course import does.
- xblock/scorable.py `ShowCorrectness.correctness_available(policy, due, has_staff_access)`: never hides from
  everyone, past_due until the due date has passed (course staff at once), always shows.
- lms/djangoapps/courseware/block_render.py `handle_xblock_callback` -> `_invoke_xblock_handler`: the learner's
  handler call reaches `block.handle(name, request, suffix)` on a block bound with the course's inherited
  settings (the LMS does not rewrite `due` on each call, unlike the workbench) and its response goes back as
  it is; a "grade" the block publishes goes through block_render's publish handler to the grades app.
  Grades are still published when correctness is hidden: the platform hides them from the learner itself.

Hiding is proved differentially: under show_correctness="never", a learner who answers everything right and
one who answers everything wrong get the same bytes (student_view after submitting and reloading, and each
check/submit response) once their own echoed choices are taken out of the page. Both learners get the same
draw and shuffles (`same_draw`), so any difference left is something the block tells about correctness.
"""

import json
import re
from datetime import UTC, datetime, timedelta

import lxml.html
import pytest
from django.utils import translation
from lxml import etree
from webob import Request

from civicquiz import views
from tests.blocks.conftest import package_scenarios

from .lms import ProductionRuntime

SCENARIOS = dict(package_scenarios("civicquiz"))
PAST = "2020-01-01T00:00:00+00:00"
PAST_DUE_LV = "Termiņš ir pagājis: atbildes vairs netiek pieņemtas."
NOT_SHOWN = "Your answers are recorded. Results are not shown for this exercise."
AFTER_DUE = "Your answers are recorded. Results are shown after the due date."
USER_STATE = ("answers", "certainties", "checked", "results", "submitted", "draw_round", "attempts", "raw_earned")


def future():
    return (datetime.now(UTC) + timedelta(days=7)).isoformat()


def olx(name, **attributes):
    root = etree.fromstring(SCENARIOS[name].encode())
    for key, value in attributes.items():
        root.set(key, value)
    return etree.tostring(root, encoding="unicode")


PRACTICE = "04-practice-every-type.xml"      # every graded question type, shuffled
ASSESSMENT = "02-civic-assessment.xml"       # 6 drawn of 9, shuffled, certainty-based marking, 2 attempts
SURVEY = "03-trust-survey.xml"


@pytest.fixture(autouse=True)
def english():
    """The tests read English unless they say otherwise (the settings' default language is Latvian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def same_draw(monkeypatch):
    """One draw and one shuffle for every learner (the draw is seeded by the learner key, which stays each
    learner's own for everything else, such as the claim of a graded attempt)."""
    layout = views.learner_layout
    monkeypatch.setattr(views, "learner_layout", lambda model, _learner, draw_round: layout(
        model, "one-draw-for-all", draw_round))


class Exam:
    """One civicquiz block in the LMS-like runtime, seen by any learner."""

    def __init__(self, production, atlas_root, xml):
        self.atlas_root = atlas_root
        self.usage_id = production(xml).scope_ids.usage_id

    def block(self, user):
        """The block as a new request of `user` sees it (state from the database)."""
        return ProductionRuntime(user, self.atlas_root).get_block(self.usage_id)

    def set(self, **settings):
        block = self.block("author")
        for name, value in settings.items():
            setattr(block, name, value)
        block.save()


def call(block, handler, payload):
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode(), content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    return response.status_code, response.body


def capture(block):
    """Every event the block publishes (grades, completion, tracking), still passed on to the runtime."""
    published, original = [], block.runtime.publish
    def publish(_block, name, data):
        published.append((name, data))
        return original(_block, name, data)
    block.runtime.publish = publish
    return published


def answers(block, right):
    """Learner-side answers to every drawn question: all right, or all wrong (each scoring 0), options by
    the ids the learner's page shows (o1, o2, ...)."""
    layout = block.layout()
    out = {}
    for q in layout.questions:
        if q.type == "single":
            good = next(o.id for o in q.options if o.correct)
            out[q.id] = good if right else next(o.id for o in q.options if not o.correct)
        elif q.type == "multiple":
            out[q.id] = [o.id for o in q.options if o.correct == right]
        elif q.type == "truefalse":
            out[q.id] = q.answer if right else not q.answer
        elif q.type == "numeric":
            out[q.id] = q.answer if right else q.answer + 1000
        elif q.type == "order":
            ids = [i.id for i in q.items]
            out[q.id] = ids if right else ids[::-1]
        elif q.type == "match":
            ids = [p.id for p in q.pairs]
            target = ids if right else ids[1:] + ids[:1]
            out[q.id] = {left: layout.pair_to_opaque(q.id, pair) for left, pair in zip(ids, target, strict=True)}
        if q.type in ("single", "multiple"):
            out[q.id] = layout.to_learner(q, out[q.id])
    return out


def args_of(html):
    found = re.search(r'<script id="[^"]*-state" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def page(block):
    return block.render("student_view", {}).content


def without_own_choices(html):
    """The page with the learner's own choices taken out: ticks, selections, typed values, the order."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for node in root.iter("input"):
        node.attrib.pop("checked", None)
        if node.get("type") == "text":
            node.attrib.pop("value", None)
    for node in root.iter("option"):
        node.attrib.pop("selected", None)
    for node in root.iter("textarea"):
        node.text = ""
    for number in root.xpath("//span[contains(@class, 'nt-order-pos')]"):
        number.text = ""  # the position an item has in the learner's own order
    for ordered in root.xpath("//ol[@data-order]"):
        items = sorted(ordered, key=lambda li: li.get("data-item"))
        for item in items:
            ordered.remove(item)
            item.tail = None
        ordered.extend(items)
    return lxml.html.tostring(root, encoding="unicode")


def practice_run(exam, user, right):
    """Check every question, then reload: the check responses and the page after the reload."""
    block = exam.block(user)
    published = capture(block)
    responses = []
    for question_id, answer in answers(block, right).items():
        status, body = call(block, "check", {"question": question_id, "answer": answer})
        assert status == 200, body
        responses.append(body)
    return responses, page(exam.block(user)), published


def assessment_run(exam, user, right):
    """Save each answer as a draft, submit, then reload: the responses and the page after the reload."""
    block = exam.block(user)
    published = capture(block)
    given = answers(block, right)
    responses = []
    for question_id, answer in given.items():
        status, body = call(block, "save_answer", {"question": question_id, "answer": answer, "certainty": 3})
        assert status == 200, body
        responses.append(body)
    status, body = call(block, "submit", {"answers": given, "certainty": dict.fromkeys(given, 3)})
    assert status == 200, body
    responses.append(body)
    return responses, page(exam.block(user)), published


RUNS = {PRACTICE: practice_run, ASSESSMENT: assessment_run}


def grades(published):
    return [data["value"] for name, data in published if name == "grade"]


@pytest.mark.parametrize("scenario", [PRACTICE, ASSESSMENT])
def test_never_right_and_wrong_learners_get_the_same_bytes(production, atlas_root, same_draw, scenario):
    # showanswer="always" would reveal answers at once: correctness hidden must hide them too.
    exam = Exam(production, atlas_root, olx(scenario, show_correctness="never", showanswer="always"))
    assert without_own_choices(page(exam.block("right"))) == without_own_choices(page(exam.block("wrong")))
    right_responses, right_page, right_published = RUNS[scenario](exam, "right", True)
    wrong_responses, wrong_page, wrong_published = RUNS[scenario](exam, "wrong", False)
    # The grades reach the LMS as before: the platform itself hides them from the learner.
    assert grades(right_published)[-1] == pytest.approx(1.0) and grades(wrong_published)[-1] == 0
    for right_body, wrong_body in zip(right_responses, wrong_responses, strict=True):
        assert right_body == wrong_body
    assert without_own_choices(right_page) == without_own_choices(wrong_page)
    # What the learner reads instead: the notice, and nothing about right, wrong, points or passing.
    last = json.loads(right_responses[-1])
    state = args_of(right_page)
    text = lxml.html.fromstring(right_page).text_content()
    assert NOT_SHOWN in text
    if scenario == PRACTICE:
        assert last["feedback"]["hidden"] == NOT_SHOWN and set(last["feedback"]) == {"question", "hidden"}
        assert "score" not in last and all(set(fb) == {"question", "hidden"} for fb in state["feedback"])
    else:
        assert set(last["result"]) == {"hidden", "attempts_text", "can_retry", "feedback"}
        assert last["result"]["hidden"] == NOT_SHOWN and last["result"]["feedback"] == []
        assert state["result"] == last["result"]
    for secret in ("solution", "explanation", "verdict", "\"score\"", "passed", "\"mark\""):
        assert secret not in right_page + json.dumps(last), secret


@pytest.mark.parametrize("scenario", [PRACTICE, ASSESSMENT])
def test_always_shows_scores_and_feedback_as_before(production, atlas_root, same_draw, scenario):
    exam = Exam(production, atlas_root, olx(scenario, show_correctness="always", showanswer="always"))
    right_responses, right_page, _ = RUNS[scenario](exam, "right", True)
    wrong_responses, wrong_page, _ = RUNS[scenario](exam, "wrong", False)
    assert right_responses[-1] != wrong_responses[-1]  # the comparison above would see a leak
    right, wrong = json.loads(right_responses[-1]), json.loads(wrong_responses[-1])
    if scenario == PRACTICE:
        assert right["feedback"]["verdict"] == "right" and wrong["feedback"]["verdict"] == "wrong"
        assert right["score"] == pytest.approx(1.0) and "solution" in wrong["feedback"]
        assert {fb["verdict"] for fb in args_of(wrong_page)["feedback"]} == {"wrong"}
    else:
        assert right["result"]["score"] == 1 and right["result"]["passed"] is True
        assert wrong["result"]["score"] == 0 and wrong["result"]["passed"] is False
        assert len(args_of(wrong_page)["result"]["feedback"]) == 6
    assert NOT_SHOWN not in right_page and AFTER_DUE not in right_page


def test_past_due_hides_until_the_due_date_then_shows(production, atlas_root, same_draw):
    practice = Exam(production, atlas_root, olx(PRACTICE, show_correctness="past_due", due=future()))
    responses, practice_page, _ = practice_run(practice, "learner", True)
    assert all(json.loads(body)["feedback"]["hidden"] == AFTER_DUE for body in responses)
    assert AFTER_DUE in practice_page and "verdict" not in practice_page
    assessment = Exam(production, atlas_root, olx(ASSESSMENT, show_correctness="past_due", due=future()))
    responses, assessment_page, _ = assessment_run(assessment, "learner", True)
    assert json.loads(responses[-1])["result"]["hidden"] == AFTER_DUE and "\"score\"" not in assessment_page
    for exam in (practice, assessment):
        exam.set(due=datetime.now(UTC) - timedelta(minutes=1))
    shown = args_of(page(practice.block("learner")))["feedback"]
    assert len(shown) == 6 and {fb["verdict"] for fb in shown} == {"right"}
    result = args_of(page(assessment.block("learner")))["result"]
    assert result["score"] == 1 and result["passed"] is True and len(result["feedback"]) == 6
    assert AFTER_DUE not in page(practice.block("learner")) + page(assessment.block("learner"))


def state_of(block):
    return {name: getattr(block, name) for name in USER_STATE}


@pytest.mark.parametrize("scenario, submitted", [(PRACTICE, False), (ASSESSMENT, False), (ASSESSMENT, True)])
def test_past_the_due_date_every_graded_handler_refuses_in_latvian(production, atlas_root, scenario, submitted):
    exam = Exam(production, atlas_root, olx(scenario, due=future()))
    block = exam.block("learner")
    given = answers(block, True)
    first = next(iter(given))
    if scenario == PRACTICE:
        assert call(block, "check", {"question": first, "answer": given[first]})[0] == 200
    else:
        assert call(block, "save_answer", {"question": first, "answer": given[first], "certainty": 2})[0] == 200
        if submitted:
            assert call(exam.block("learner"), "submit", {"answers": {first: given[first]}, "certainty": {first: 2},
                                                          "confirm_unanswered": True})[0] == 200
    exam.set(due=datetime.fromisoformat(PAST))
    before = state_of(exam.block("learner"))
    if scenario == PRACTICE:
        calls = [("check", {"question": first, "answer": given[first]})]
    else:
        calls = [("submit", {"answers": given, "certainty": dict.fromkeys(given, 3)})]
        calls += [("new_attempt", {})] if submitted else []
    # A draft would become the graded answer (practice: of a checked question, for a rescore).
    calls.append(("save_answer", {"question": first, "answer": given[first], "certainty": 3}))
    for handler, payload in calls:
        block = exam.block("learner")
        published = capture(block)
        with translation.override("lv"):
            status, body = call(block, handler, payload)
        assert (status, json.loads(body)) == (400, {"error": PAST_DUE_LV}), handler
        assert published == [], handler
        assert state_of(exam.block("learner")) == before, handler


@pytest.mark.parametrize("scenario", [PRACTICE, ASSESSMENT])
def test_past_the_due_date_the_page_says_so_and_offers_no_control_that_can_only_fail(production, atlas_root,
                                                                                    scenario):
    exam = Exam(production, atlas_root, olx(scenario, due=PAST))
    with translation.override("lv"):
        html = page(exam.block("learner"))
    root = lxml.html.fromstring(html)
    notice = root.xpath("//*[@data-closed]")
    assert [node.text_content().strip() for node in notice] == [PAST_DUE_LV]
    assert root.xpath("//fieldset[@data-question]") and not root.xpath("//fieldset[@data-question][not(@disabled)]")
    assert not root.xpath("//*[@data-check]")
    for control in root.xpath("//*[@data-submit] | //*[@data-new-attempt]"):
        assert control.get("hidden") is not None
    english = page(exam.block("learner"))
    assert "The due date has passed: answers are no longer accepted." in english
    assert "attempt left" not in english and "attempts left" not in english


def test_past_the_due_date_a_survey_still_takes_answers(production, atlas_root):
    """Surveys publish no grade: the due date does not close them."""
    exam = Exam(production, atlas_root, olx(SURVEY, due=PAST))
    block = exam.block("voter")
    status, body = call(block, "submit", {"answers": {"trust": 4}})
    assert status == 200 and "aggregates" in json.loads(body)
    assert "data-closed" not in page(exam.block("voter"))
