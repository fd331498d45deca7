"""civicquiz for course staff and authors in the real runtime: the results view (distributions, pass rate,
min_group, CSV link), min_group from XBLOCK_SETTINGS, and the Studio bank editor's saves."""

import re

import pytest
from django.utils import translation
from lxml import etree

from civicquiz import content

from .conftest import Harness
from .test_civicquiz import ASSESSMENT, PRACTICE, SURVEY, answer_all_right, learner_answer, survey_answers


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def staff(monkeypatch, block, is_staff=True):
    monkeypatch.setattr(type(block), "is_staff", lambda self: is_staff)
    return block


def test_staff_see_distributions_in_the_lms_and_learners_see_nothing(db, monkeypatch, english):
    block = Harness("voter-0").load(SURVEY)
    for n in range(5):
        voter = Harness(f"voter-{n}")
        assert voter.call(voter.reload(block), "submit", {"answers": survey_answers(n)})[0] == 200
    learner_html = Harness("voter-0").reload(block).render("student_view", {}).content
    assert "data-staff-results" not in learner_html and "export_csv" not in learner_html
    assert "Only course staff" in block.render("staff_view", {}).content
    html = staff(monkeypatch, Harness("teacher").reload(block)).render("student_view", {}).content
    section = html[html.index("data-staff-results"):]
    assert "5 learners have answered" in section
    assert re.search(r"Vismaz reizi nedēļā</th>\s*<td>5</td>", section)  # "weekly": all five
    assert 'style="width: 100%"' in section and "100&nbsp;%</td>" in section  # bar width and its text value
    assert "5 written answers" in section and "secret idea" not in section  # text never shown, only counted
    assert "export_csv" in section
    for view in ("author_view", "staff_view"):
        assert "Vismaz reizi nedēļā</th>" in block.render(view, {}).content


def test_staff_view_respects_min_group(db, monkeypatch, english):
    block = Harness("voter-0").load(SURVEY)
    for n in range(4):
        voter = Harness(f"voter-{n}")
        voter.call(voter.reload(block), "submit", {"answers": survey_answers(n)})
    html = staff(monkeypatch, block).render("student_view", {}).content
    assert "4 learners have answered" in html and "at least 5 learners" in html
    assert "<table" not in html.split("data-staff-results")[1]
    status, body = Harness().call(block, "staff_results", {})
    assert status == 200 and body["answered"] == 4 and body["shown"] is False and body["questions"] == []


def test_min_group_from_xblock_settings_and_pass_rate(db, monkeypatch, settings, english):
    settings.XBLOCK_SETTINGS = {"civicquiz": {"min_group": 2}}
    block = Harness("a").load(ASSESSMENT)
    assert block.model.min_group is None and block.min_group() == 2
    assert "min_group" not in etree.fromstring(Harness().export(block)).attrib  # the OLX stays as written
    for n, user in enumerate(("a", "b")):
        learner = Harness(user).reload(block, user)
        answers, certainty = answer_all_right(learner)
        if n:  # b: every answer wrong and very sure
            answers = {k: (not v) if isinstance(v, bool) else v for k, v in answers.items()}
            answers = {k: v + 1 if isinstance(v, int) and not isinstance(v, bool) else v for k, v in answers.items()}
            answers = {k: v for k, v in answers.items() if block.model.question(k).type in ("truefalse", "numeric")}
            certainty = {k: 3 for k in answers}
        payload = {"answers": answers, "certainty": certainty}
        if n:  # b leaves questions blank: refused until b confirms, as the page asks first
            refused = Harness(user).call(learner, "submit", payload)
            assert refused[0] == 400 and "not answered" in refused[1]["error"], refused
            payload["confirm_unanswered"] = True
        reply = Harness(user).call(learner, "submit", payload)
        assert reply[0] == 200, reply
    html = staff(monkeypatch, block).render("author_view", {}).content
    assert "2 learners have answered" in html and "Pass rate: 50\u00a0% (1 of 2)." in html
    assert "Right</th>" in html and "Wrong or not answered</th>" in html
    olx_set = Harness().load(SURVEY)  # the OLX's min_group="5" wins over the platform's 2
    assert olx_set.min_group() == 5
    settings.XBLOCK_SETTINGS = {}
    assert Harness().reload(block).min_group() == content.DEFAULT_MIN_GROUP


def test_studio_editor_saves_settings_and_refuses_bad_content_keeping_everything(harness):
    block = harness.load(PRACTICE)
    harness.call(block, "check", {"question": "saeima-size", "answer": learner_answer(block, "saeima-size", "b")})
    before = harness.reload(block).model_json
    data = content.to_json(block.model)
    hours = next(q for q in data["questions"] if q["id"] == "hours")
    hours["answer"] = "seventy-two"
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": data})
    assert status == 400 and "hours" in body["error"]
    status, body = harness.call(block, "check_content", {"content": data})
    assert body["problems"][0]["severity"] == "error" and "hours" in body["problems"][0]["message"]
    stored = harness.reload(block)
    assert stored.model_json == before and stored.display_name != "X" and stored.answers == {"saeima-size": "b"}
    # A valid save: a question added, one moved, the settings changed; the learner's answer stays.
    data = content.to_json(block.model)
    data["questions"].reverse()
    data["questions"].append({"id": "q1", "type": "truefalse", "prompt": "Saeimu ievēl uz četriem gadiem.",
                              "answer": True, "sources": [{"href": "https://likumi.lv/ta/id/57980", "title": ""}]})
    data["min_group"] = 7
    status, body = harness.call(block, "save_content", {
        "display_name": "Jauns", "content": data,
        "settings": {"weight": 2, "max_attempts": 3, "showanswer": "always", "pass_threshold": 0.5}})
    assert status == 200, body
    stored = harness.reload(block)
    assert stored.model.ids()[0] == "numbers" and stored.model.question("q1").answer is True
    assert (stored.weight, stored.max_attempts, stored.showanswer, stored.pass_threshold) == (2, 3, "always", 0.5)
    assert stored.min_group() == 7 and stored.display_name == "Jauns"
    assert stored.answers["saeima-size"] == "b"
    html = stored.render("student_view", {}).content
    shown = learner_answer(stored, "saeima-size", "b")
    assert 'data-question="q1"' in html and f'value="{shown}" checked' in html.replace("\n", " ").replace("  ", " ")
