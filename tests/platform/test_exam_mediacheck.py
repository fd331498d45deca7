"""mediacheck as an exam in the LMS: `show_correctness` is honoured and nothing is taken past the due date.

Platform code paths emulated here (read in openedx/openedx-platform and XBlock; none of their code is
copied), through tests/platform/lms.py ProductionRuntime and its PlatformInheritance mixin:

- xmodule/modulestore/inheritance.py InheritanceMixin (in the LMS's XBLOCK_MIXINS): every block gets
  the settings `due`, `graceperiod` and `show_correctness` (default "always"; "past_due", "never")
  and `is_past_due()`, true once now is after due + graceperiod. A course author sets them on the
  subsection; here they are OLX attributes of the block, which is what inheritance gives the block.
- xblock/scorable.py ShowCorrectness.correctness_available(policy, due, has_staff_access): "never"
  hides scores and right/wrong from everyone, "past_due" until the due date, "always" never hides.
  Grades are still published to the LMS (it hides them from the learner itself); only what the
  block shows changes.
- "Past the due date": lms/djangoapps/courseware/block_render.py `handle_xblock_callback` ->
  `_invoke_xblock_handler` calls `block.handle(name, request, suffix)` whatever the date (the LMS
  does not close handlers itself), and saves the learner's fields afterwards; so the block must
  refuse a graded answer itself, with a 400 and its state as it was.

Hiding is proved differentially: under show_correctness="never" a learner who answers everything
right and one who answers everything wrong receive the same bytes (student_view after answering,
and every check/submit response) once their own echoed choices are taken out, and the same
comparison under "always" shows that the bytes do differ when correctness is shown.
"""

import json
from datetime import UTC, datetime
from importlib import resources

import lxml.html
import pytest
from django.utils import translation
from webob import Request

from mediacheck import content

from .lms import ProductionRuntime

PAST = "2020-01-01T00:00:00+00:00"
FUTURE = "2999-01-01T00:00:00+00:00"
PAST_DUE_LV = "Termiņš ir pagājis: atbildes vairs netiek pieņemtas."
NOT_SHOWN_LV = "Atbildes ir saglabātas. Šim uzdevumam rezultāti netiek rādīti."
AFTER_DUE_LV = "Atbildes ir saglabātas. Rezultāti būs redzami pēc termiņa beigām."
SCORE_LV = "Jūsu rezultāts"
STATE = ("answers", "opened", "checked", "submitted", "retrying", "attempts", "raw_earned")


def scenario(name, **settings):
    """A packaged scenario (from the installed wheel) with settings added to its root element."""
    xml = resources.files("mediacheck").joinpath("scenarios", name).read_text(encoding="utf-8")
    attrs = " ".join(f'{key}="{value}"' for key, value in settings.items())
    return xml.replace("<mediacheck ", f"<mediacheck {attrs} ", 1)


def practice(**settings):
    return scenario("01-minimal.xml", **settings)


def assessment(**settings):
    # showanswer="always": the answers showanswer would allow must stay hidden with correctness too.
    return scenario("02-assessment.xml", **{"showanswer": "always", **settings}).replace(
        'showanswer="finished"', "", 1)


class Learner:
    """One learner's requests to one block (a new runtime per request, as in the LMS)."""

    def __init__(self, block, user_id, atlas_root):
        self.usage_id = block.scope_ids.usage_id
        self.user_id = user_id
        self.atlas_root = atlas_root
        self.grades = []

    def block(self):
        block = ProductionRuntime(self.user_id, self.atlas_root).get_block(self.usage_id)
        original = block.runtime.publish

        def publish(target, name, data):
            if name == "grade":
                self.grades.append(data)
            return original(target, name, data)
        block.runtime.publish = publish
        return block

    def call(self, handler, payload):
        request = Request.blank("/", method="POST", body=json.dumps(payload).encode(),
                                content_type="application/json")
        block = self.block()
        response = block.runtime.handle(block, handler, request)
        return response.status_code, json.loads(response.body)

    def view(self):
        block = self.block()
        return block.render("student_view", {}).content, block.student_view({}).json_init_args

    def state(self):
        block = self.block()
        return {name: getattr(block, name) for name in STATE}


def flag_segments(item, flagged=True):
    owners = content.segment_flags(item.body)
    return [segment for segment, flag in owners.items() if bool(flag) == flagged]


def right_answer(model, item):
    return {"verdict": item.verdict, "flags": flag_segments(item),
            "leads": [lead.id for lead in item.leads if lead.useful], "confidence": 100}


def wrong_answer(model, item):
    verdict = next(v.id for v in model.scale if v.id != item.verdict and v.id != "misleading"
                   and {v.id, item.verdict} != {"false", "misleading"})
    return {"verdict": verdict, "flags": flag_segments(item, flagged=False)[:1],
            "leads": [lead.id for lead in item.leads if not lead.useful], "confidence": 100}


def open_leads(learner, item, answer):
    for lead in answer["leads"]:
        assert learner.call("open_lead", {"item": item.id, "lead": lead})[0] == 200


def without_echo(html, init):
    """The learner's page with their own choices taken out: marked parts, chosen verdict, opened leads."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for node in root.xpath("//*[@aria-pressed]"):
        node.attrib.pop("aria-pressed")
    for node in root.xpath("//input[@type='radio']"):
        node.attrib.pop("checked", None)
    for node in root.xpath("//*[contains(@class, 'nt-mc-lead')][@aria-expanded]"):
        node.attrib.pop("aria-expanded")
    for node in root.xpath("//*[contains(@class, 'nt-mc-lead-text')]"):
        node.attrib.pop("hidden", None)
        for child in list(node):
            node.remove(child)
        node.text = None
    for script in root.xpath("//script[contains(@class, 'xblock_json_init_args')]"):
        script.text = json.dumps({k: v for k, v in json.loads(script.text).items() if k != "answers"})
    init = {key: value for key, value in init.items() if key != "answers"}
    return lxml.html.tostring(root, encoding="unicode") + json.dumps(init, sort_keys=True, ensure_ascii=False)


def play_practice(production, atlas_root, olx):
    """Two learners check every item of a practice block, one all right, one all wrong."""
    block = production(olx)
    model = block.model
    seen = {}
    for user, answer_of in (("right", right_answer), ("wrong", wrong_answer)):
        learner = Learner(block, user, atlas_root)
        responses = []
        for item in model.items:
            answer = answer_of(model, item)
            open_leads(learner, item, answer)
            status, body = learner.call("check_item", {"item": item.id, **answer})
            assert status == 200, body
            responses.append(json.dumps(body, sort_keys=True, ensure_ascii=False))
        seen[user] = {"responses": responses, "page": without_echo(*learner.view()), "learner": learner}
    return seen


def play_assessment(production, atlas_root, olx):
    block = production(olx)
    model = block.model
    seen = {}
    for user, answer_of in (("right", right_answer), ("wrong", wrong_answer)):
        learner = Learner(block, user, atlas_root)
        answers = {}
        for item in model.items:
            answers[item.id] = answer_of(model, item)
            open_leads(learner, item, answers[item.id])
        status, body = learner.call("submit", {"answers": answers})
        assert status == 200, body
        seen[user] = {"responses": [json.dumps(body, sort_keys=True, ensure_ascii=False)],
                      "page": without_echo(*learner.view()), "learner": learner}
    return seen


PLAYS = {"practice": (play_practice, practice), "assessment": (play_assessment, assessment)}


@pytest.fixture
def latvian():
    with translation.override("lv"):
        yield


@pytest.fixture(autouse=True)
def same_lead_order(monkeypatch):
    """Each learner sees an item's leads in their own order (seeded by the learner key); here the right
    and the wrong learner get the same one, so their bytes can be compared."""
    from mediacheck import views
    original = views.ordered_leads
    monkeypatch.setattr(views, "ordered_leads",
                        lambda item, learner=None: original(item, None if learner is None else "same"))


@pytest.mark.parametrize("mode", sorted(PLAYS))
def test_never_gives_a_right_and_a_wrong_learner_the_same_bytes(production, atlas_root, latvian, mode):
    play, olx = PLAYS[mode]
    seen = play(production, atlas_root, olx(show_correctness="never"))
    right, wrong = seen["right"], seen["wrong"]
    assert right["responses"] == wrong["responses"]
    assert right["page"] == wrong["page"]
    assert NOT_SHOWN_LV in right["page"] and SCORE_LV not in right["page"]
    assert all(NOT_SHOWN_LV in response for response in right["responses"])
    # The grade still reaches the LMS, which hides it from the learner itself.
    assert right["learner"].grades[-1]["value"] == pytest.approx(right["learner"].grades[-1]["max_value"])
    assert wrong["learner"].grades[-1]["value"] < wrong["learner"].grades[-1]["max_value"]


@pytest.mark.parametrize("mode", sorted(PLAYS))
def test_always_shows_correctness_as_before_so_the_comparison_can_tell(production, atlas_root, latvian, mode):
    play, olx = PLAYS[mode]
    seen = play(production, atlas_root, olx(show_correctness="always"))
    right, wrong = seen["right"], seen["wrong"]
    assert right["responses"] != wrong["responses"] and right["page"] != wrong["page"]
    assert f"{SCORE_LV}: 100\u00a0%." in right["page"] and NOT_SHOWN_LV not in right["page"]
    body = json.loads(right["responses"][-1])
    feedback = body["feedback"] if mode == "assessment" else {"last": body["feedback"]}
    assert all(fb["correct"] is True and fb["score"] == 1.0 for fb in feedback.values())


@pytest.mark.parametrize("mode", sorted(PLAYS))
def test_past_due_hides_before_the_due_date_and_shows_after_it(production, atlas_root, latvian, mode):
    play, olx = PLAYS[mode]
    seen = play(production, atlas_root, olx(show_correctness="past_due", due=FUTURE))
    right, wrong = seen["right"], seen["wrong"]
    assert right["responses"] == wrong["responses"] and right["page"] == wrong["page"]
    assert AFTER_DUE_LV in right["page"] and SCORE_LV not in right["page"]
    learner = right["learner"]
    block = learner.block()
    block.due = datetime(2020, 1, 1, tzinfo=UTC)  # the due date has passed
    block.save()
    html, _init = learner.view()
    assert f"{SCORE_LV}: 100\u00a0%." in html and AFTER_DUE_LV not in html
    island = lxml.html.fragment_fromstring(html, create_parent="div").xpath(
        "//script[@type='application/json']")[0].text
    feedback = json.loads(island)
    assert feedback and all(fb["correct"] is True for fb in feedback.values())


def graded_calls(model):
    first = model.items[0]
    answer = {"item": first.id, **right_answer(model, first)}
    answer.pop("leads")
    submit = {"answers": {item.id: {k: v for k, v in right_answer(model, item).items() if k != "leads"}
                          for item in model.items}}
    return {"practice": [("check_item", answer), ("save_answer", answer), ("reset", {"item": first.id})],
            "assessment": [("submit", submit), ("save_answer", answer)]}


@pytest.mark.parametrize("policy", ["always", "never"])
@pytest.mark.parametrize("mode", sorted(PLAYS))
def test_past_the_due_date_every_graded_handler_answers_400_in_latvian_and_changes_nothing(
        production, atlas_root, latvian, mode, policy):
    _play, olx = PLAYS[mode]
    block = production(olx(show_correctness=policy, due=PAST, graceperiod="1 day"))
    learner = Learner(block, "late", atlas_root)
    before = learner.state()
    for handler, payload in graded_calls(block.model)[mode]:
        status, body = learner.call(handler, payload)
        assert (status, body) == (400, {"error": PAST_DUE_LV}), handler
    assert learner.state() == before
    assert learner.grades == []
    html, init = learner.view()
    page = lxml.html.fragment_fromstring(html, create_parent="div")
    footer_or_actions = " ".join(node.text_content() for node in page.xpath(
        "//*[contains(@class, 'nt-mc-footer') or contains(@class, 'nt-mc-actions')]"))
    assert PAST_DUE_LV in footer_or_actions
    controls = page.xpath("//button[contains(@class, 'nt-mc-check') or contains(@class, 'nt-mc-submit')"
                          " or contains(@class, 'nt-mc-retry') or contains(@class, 'nt-mc-new-attempt')]")
    assert all(button.get("disabled") is not None or button.get("hidden") is not None for button in controls)
    assert init["can_submit"] is False and init["can_retry"] is False


def test_a_grace_period_keeps_the_exercise_open(production, atlas_root, latvian):
    block = production(practice(due=datetime.now(UTC).replace(microsecond=0).isoformat(), graceperiod="2 days"))
    learner = Learner(block, "grace", atlas_root)
    item = block.model.items[0]
    status, body = learner.call("check_item", {"item": item.id, "verdict": item.verdict})
    assert status == 200, body
    assert len(learner.grades) == 1


def test_past_the_due_date_a_new_attempt_is_refused_with_the_past_due_message(production, atlas_root, latvian):
    block = production(assessment(due=FUTURE))
    learner = Learner(block, "slow", atlas_root)
    model = block.model
    answers = {item.id: wrong_answer(model, item) for item in model.items}
    assert learner.call("submit", {"answers": answers})[0] == 200
    late = learner.block()
    late.due = datetime(2020, 1, 1, tzinfo=UTC)
    late.save()
    before = learner.state()
    assert learner.call("new_attempt", {}) == (400, {"error": PAST_DUE_LV})
    assert learner.call("submit", {"answers": answers}) == (400, {"error": PAST_DUE_LV})
    assert learner.state() == before and len(learner.grades) == 1
    html, _init = learner.view()
    assert PAST_DUE_LV in html and "Jums atli" not in html


def test_a_survey_is_still_answered_past_the_due_date(production, atlas_root, latvian):
    block = production(scenario("03-survey.xml", due=PAST, show_correctness="never"))
    learner = Learner(block, "respondent", atlas_root)
    answers = {item.id: {"verdict": "accurate"} for item in block.model.items}
    status, body = learner.call("submit", {"answers": answers})
    assert status == 200, body
    assert learner.grades == []
