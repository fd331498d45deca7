"""civicquiz in the real workbench runtime: learner flows, grades, survey aggregates, Studio saves."""

import json
import re

import pytest
from lxml import etree

from civicquiz import content

from .conftest import Harness, package_scenarios

SCENARIOS = dict(package_scenarios("civicquiz"))
PRACTICE = SCENARIOS["04-practice-every-type.xml"]
ASSESSMENT = SCENARIOS["02-civic-assessment.xml"]
SURVEY = SCENARIOS["03-trust-survey.xml"]

# Every right answer of the practice scenario (the match in pair ids, mapped to opaque ids per learner).
PRACTICE_RIGHT = {"saeima-size": "b", "direct-numbers": ["n110", "n113", "n114"], "surrender": True, "hours": 72,
                  "siren": ["hear", "tune", "act"], "numbers": {"p110": "p110", "p113": "p113", "p114": "p114"}}


def init_args(fragment):
    """The state the learner script starts from (the page's JSON island)."""
    found = re.search(r'<script id="[^"]*-state" type="application/json">(.*?)</script>', fragment.content, re.S)
    return json.loads(found.group(1))


def opaque(block, question_id, pair_answer):
    layout = block.layout()
    return {left: layout.pair_to_opaque(question_id, right) for left, right in pair_answer.items()}


def learner_answer(block, question_id, answer):
    """An answer in option and pair ids as the learner's page sends it (the ids the page shows)."""
    return block.layout().to_learner(block.model.question(question_id), answer)


@pytest.fixture
def events(monkeypatch):
    def capture(block):
        published = []
        monkeypatch.setattr(block.runtime, "publish", lambda _block, name, data: published.append((name, data)))
        return published
    return capture


def test_practice_check_gives_feedback_at_once_and_publishes_progress(harness, events):
    block = harness.load(PRACTICE)
    published = events(block)
    status, body = harness.call(block, "check", {"question": "saeima-size",
                                                 "answer": learner_answer(block, "saeima-size", "a")})
    assert status == 200
    feedback = body["feedback"]
    assert feedback["verdict"] == "wrong" and feedback["solution"] == learner_answer(block, "saeima-size", "b")
    assert "Satversmes 5. pants" in feedback["explanation"] and feedback["sources"][0]["href"].startswith("https://")
    status, body = harness.call(block, "check", {"question": "saeima-size",
                                                 "answer": learner_answer(block, "saeima-size", "b")})
    assert body["feedback"]["verdict"] == "right" and body["checked"] == 1 and body["total"] == 6
    grades = [data for name, data in published if name == "grade"]
    assert [g["value"] for g in grades] == [0.0], "only the first check counts (issue 18.4)"
    assert ("completion", {"completion": pytest.approx(1 / 6)}) in published
    assert any(name == "noturiba.civicquiz.question.answered" for name, _ in published)


def test_practice_every_type_right_scores_one_and_survives_reload(harness):
    block = harness.load(PRACTICE)
    for question_id, answer in PRACTICE_RIGHT.items():
        status, body = harness.call(block, "check", {"question": question_id,
                                                     "answer": learner_answer(block, question_id, answer)})
        assert status == 200, body
        assert body["feedback"]["verdict"] == "right", question_id
    assert body["score"] == pytest.approx(1.0)
    again = harness.reload(block)
    assert again.raw_earned == pytest.approx(1.0)
    args = init_args(again.render("student_view", {}))
    assert {fb["question"] for fb in args["feedback"]} == set(PRACTICE_RIGHT)
    assert again.calculate_score().raw_earned == pytest.approx(1.0)


def test_partial_credit_for_multiple_order_and_match(harness):
    block = harness.load(PRACTICE)
    _, body = harness.call(block, "check", {"question": "direct-numbers",
                                            "answer": learner_answer(block, "direct-numbers", ["n110", "n911"])})
    assert body["feedback"]["verdict"] == "wrong" and body["feedback"]["score"] == 0
    _, body = harness.call(block, "check", {"question": "direct-numbers",
                                            "answer": learner_answer(block, "direct-numbers", ["n110", "n113"])})
    assert body["feedback"]["verdict"] == "partial" and body["feedback"]["score"] == pytest.approx(2 / 3, abs=1e-3)
    _, body = harness.call(block, "check", {"question": "siren", "answer": ["tune", "hear", "act"]})
    assert body["feedback"]["score"] == pytest.approx(0.5)
    answer = opaque(block, "numbers", {"p110": "p113", "p113": "p110", "p114": "p114"})
    _, body = harness.call(block, "check", {"question": "numbers", "answer": answer})
    assert body["feedback"]["score"] == pytest.approx(1 / 3, abs=1e-3)


def test_no_answer_reaches_the_learner_before_it_is_due(harness):
    for xml in (ASSESSMENT, PRACTICE):
        block = harness.load(xml)
        fragment = block.render("student_view", {})
        page = fragment.content + json.dumps(block.student_view_data())
        assert init_args(fragment)["feedback"] == [] and init_args(fragment)["result"] is None
        for secret in ("correct", "Satversmes 5. pants", "tolerance", "\"explanation", "likumi.lv", "solution"):
            assert secret not in page, secret
        model = block.model
        # The order question's start order is no answer yet (test_secrecy_differential.py: the same for
        # any right order), the match's right column is opaque.
        for q in model.questions:
            if q.type == "order" and q.id in block.layout().ids():
                assert "data-order>" in fragment.content and "data-arranged" not in fragment.content
            if q.type == "match" and q.id in block.layout().ids():
                values = re.findall(r'<option value="(r\d+)"', fragment.content)
                assert values and not any(p.id in values for p in q.pairs)
    data = harness.load(ASSESSMENT).student_view_data()
    text = json.dumps(data)
    assert '"answer"' not in text and "correct" not in text and "Satversmes 5. pants" not in text


def test_match_answers_with_real_pair_ids_are_refused(harness):
    block = harness.load(PRACTICE)
    status, body = harness.call(block, "check", {"question": "numbers", "answer": PRACTICE_RIGHT["numbers"]})
    assert status == 400 and "numbers" in body["error"]


def answer_all_right(block):
    model = block.model
    answers, certainty = {}, {}
    for q in block.layout().questions:
        solution = {"single": lambda q: learner_answer(block, q.id, next(o.id for o in q.options if o.correct)),
                    "multiple": lambda q: learner_answer(block, q.id, [o.id for o in q.options if o.correct]),
                    "truefalse": lambda q: q.answer, "numeric": lambda q: q.answer,
                    "order": lambda q: [i.id for i in q.items],
                    "match": lambda q: opaque(block, q.id, {p.id: p.id for p in q.pairs})}[q.type](q)
        answers[q.id] = solution
        certainty[q.id] = 3
    assert model.certainty
    return answers, certainty


def test_assessment_draws_six_stable_questions_and_grades_with_cbm(harness, events):
    block = harness.load(ASSESSMENT)
    drawn = block.layout().ids()
    assert len(drawn) == 6 and harness.reload(block).layout().ids() == drawn
    topics = [block.model.question(qid).topic for qid in drawn]
    assert {topics.count(t) for t in set(topics)} == {2}  # 3 topics, 2 each
    published = events(block)
    answers, certainty = answer_all_right(block)
    first = next(iter(answers))
    certainty[first] = 1  # right but unsure: 1 mark instead of 3
    status, body = harness.call(block, "submit", {"answers": answers, "certainty": certainty})
    assert status == 200, body
    kept = 1 - 0.1 * (1 - 16 / 18)  # accuracy 1 + Moodle's CBM bonus (average mark 16/18 of the best)
    assert body["result"]["score"] == pytest.approx(kept, abs=1e-3)
    assert body["result"]["passed"] and body["result"]["feedback"]  # all right: "finished" shows answers
    assert [d for n, d in published if n == "grade"][-1]["value"] == pytest.approx(kept)
    stored = harness.reload(block)
    assert stored.attempts == 1 and stored.submitted
    assert init_args(stored.render("student_view", {}))["result"]["score"] == pytest.approx(kept, abs=1e-3)


def test_sure_and_wrong_costs_more_and_feedback_waits_for_showanswer(harness):
    block = harness.load(ASSESSMENT)
    answers, certainty = answer_all_right(block)
    wrong = next(qid for qid in answers if block.model.question(qid).type in ("truefalse", "numeric"))
    answers[wrong] = (not answers[wrong]) if isinstance(answers[wrong], bool) else answers[wrong] + 1
    status, body = harness.call(block, "submit", {"answers": answers, "certainty": certainty})
    assert status == 200
    # accuracy 5/6; at that accuracy "very sure" is the best single certainty, so no bonus either way
    assert body["result"]["score"] == pytest.approx(5 / 6, abs=1e-3)
    assert body["result"]["feedback"] == []  # not right, attempts left: showanswer=finished hides answers
    assert "solution" not in json.dumps(body)
    status, _ = harness.call(block, "submit", {"answers": answers, "certainty": certainty})
    assert status == 400  # already submitted
    status, _ = harness.call(block, "new_attempt", {})
    assert status == 200
    again = harness.reload(block)
    assert again.draw_round == 1 and again.answers == {} and not again.submitted
    answers, certainty = answer_all_right(again)
    answers = {k: v for k, v in list(answers.items())[:1]}
    status, body = harness.call(again, "submit", {"answers": answers, "certainty": {k: 2 for k in answers},
                                                  "confirm_unanswered": True})
    assert status == 200 and body["can_submit"] is False
    assert body["result"]["feedback"]  # all attempts used: answers now due
    status, body = harness.call(harness.reload(block), "new_attempt", {})
    assert status == 400


def test_new_attempt_usually_draws_other_questions(db):
    changed = 0
    for n in range(8):
        harness = Harness(f"learner-{n}")
        block = harness.load(ASSESSMENT)
        first = block.layout().ids()
        block.draw_round = 1
        changed += block.layout().ids() != first
    assert changed >= 5


def test_bad_payloads_are_refused_and_change_nothing(harness):
    block = harness.load(ASSESSMENT)
    drawn = block.layout().ids()
    harness.call(block, "save_answer", {"question": drawn[0], "answer": "zzz"})
    before = harness.reload(block).answers
    bad = [
        ("save_answer", {"question": "nope", "answer": "a"}),
        ("save_answer", {"question": drawn[0], "answer": {"x": 1}}),
        ("save_answer", {"question": drawn[0], "answer": "a", "extra": 1}),
        ("submit", {"answers": {"nope": "a"}}),
        ("submit", {"answers": {drawn[0]: [1, 2]}}),
        ("submit", {"answers": "all"}),
        ("submit", {"answers": {}, "certainty": {drawn[0]: 7}}),
        ("check", {"question": drawn[0], "answer": "a"}),  # practice only
        ("new_attempt", {}),  # nothing submitted yet
    ]
    for handler, payload in bad:
        status, body = harness.call(block, handler, payload)
        assert status == 400 and body["error"], (handler, payload)
    stored = harness.reload(block)
    assert stored.answers == before and stored.attempts == 0 and not stored.submitted


def test_cbm_needs_a_certainty_for_each_answer(harness):
    block = harness.load(ASSESSMENT)
    answers, _certainty = answer_all_right(block)
    status, body = harness.call(block, "submit", {"answers": answers, "certainty": {}})
    assert status == 400 and harness.reload(block).attempts == 0
    # The learner is told the question's number as the page shows it, never an internal id.
    first = block.layout().ids().index(next(iter(answers))) + 1
    assert f"uz {first}. jautājumu" in body["error"]  # Latvian: "... par atbildi uz 2. jautājumu."
    assert not any(qid in body["error"] for qid in answers)


def test_a_too_long_answer_is_refused_without_naming_an_internal_id(harness):
    block = harness.load(SURVEY)
    status, body = harness.call(block, "save_answer", {"question": "wish", "answer": "x" * 5000})
    assert status == 400 and "wish" not in body["error"] and "2000 rakstzīmes" in body["error"]


def test_drafts_survive_a_reload(harness):
    block = harness.load(PRACTICE)
    shown = learner_answer(block, "saeima-size", "c")
    status, _ = harness.call(block, "save_answer", {"question": "saeima-size", "answer": shown})
    assert status == 200 and harness.reload(block).answers["saeima-size"] == "c"
    html = harness.reload(block).render("student_view", {}).content
    assert re.search(rf'value="{shown}" checked', html)


def survey_answers(n):
    return {"trust": 1 + n % 5, "visits": "weekly", "crisis-info": ["radio", "library"],
            "wish": "=HYPERLINK(\"http://evil.example\") secret idea"}


def test_survey_aggregates_appear_only_from_min_group_and_hide_text(db, monkeypatch):
    first = Harness("voter-0")
    block = first.load(SURVEY)
    assert block.has_score is False
    for n in range(5):
        voter = Harness(f"voter-{n}")
        status, body = voter.call(voter.reload(block), "submit", {"answers": survey_answers(n)})
        assert status == 200, body
        if n < 4:
            assert body["aggregates"]["shown"] is False
            assert "5" in body["aggregates"]["message"]
    aggregates = body["aggregates"]
    assert aggregates["shown"] and aggregates["respondents"] == 5
    by_question = {q["question"]: q for q in aggregates["questions"]}
    # All five said "weekly": showing that would tell each one's answer, so it is hidden (disclosure).
    assert {v["value"]: v["count"] for v in by_question["visits"]["values"]}["weekly"] is None
    assert "wish" not in by_question  # written answers are not even counted for learners
    assert "secret idea" not in json.dumps(body)
    # Voting again replaces the rows, never adds; learners see the frozen snapshot until 5 more answer.
    from noturiba.survey import store
    voter = Harness("voter-4")
    _, again = voter.call(voter.reload(block), "submit", {"answers": {"visits": "never"}})
    assert again["aggregates"] == aggregates
    assert store.counts(store.block_key(block.scope_ids.usage_id))["visits"] == {"weekly": 4, "never": 1}
    # Forgetting one learner removes only their rows.
    Harness("voter-3").reload(block, "voter-3").delete_survey_answers()
    learner_block = Harness("voter-0").reload(block, "voter-0")
    monkeypatch.setattr(type(learner_block), "is_staff", lambda self: True)
    status, body = first.call(learner_block, "staff_results", {})
    assert status == 200 and body["answered"] == 4 and body["respondents"] == 5
    response = learner_block.runtime.handle(learner_block, "export_csv", __import__("webob").Request.blank("/"))
    text = response.body.decode("utf-8")
    assert response.status_code == 200 and "'=HYPERLINK" in text and "\n=HYPERLINK" not in text
    assert "voter-" not in text  # learner keys are hashes


def test_staff_only_handlers_refuse_learners(harness):
    block = harness.load(SURVEY)
    status, _ = harness.call(block, "staff_results", {})
    assert status == 403
    response = block.runtime.handle(block, "export_csv", __import__("webob").Request.blank("/"))
    assert response.status_code == 403


def test_survey_refuses_an_empty_or_oversized_answer(harness):
    block = harness.load(SURVEY)
    assert harness.call(block, "submit", {"answers": {}})[0] == 400
    assert harness.call(block, "submit", {"answers": {"wish": "x" * 2001}})[0] == 400
    assert harness.call(block, "submit", {"answers": {"trust": 9}})[0] == 400
    assert not harness.reload(block).submitted


def test_studio_save_validates_and_keeps_answers_on_unchanged_ids(harness):
    block = harness.load(PRACTICE)
    harness.call(block, "check", {"question": "saeima-size", "answer": learner_answer(block, "saeima-size", "b")})
    data = content.to_json(block.model)
    data["questions"][0]["options"][0]["correct"] = True  # two correct options in a single question
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": data})
    assert status == 400 and "saeima-size" in body["error"]
    data = content.to_json(block.model)
    data["draw"] = 99
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": data})
    assert status == 400 and "99" in body["error"]
    data = content.to_json(block.model)
    data["questions"] = [q for q in data["questions"] if q["id"] != "hours"]
    data["questions"][0]["prompt"] = "Cik deputātu ir Latvijas Saeimā?"
    status, body = harness.call(block, "save_content", {"display_name": "Jauns", "content": data})
    assert status == 200, body
    stored = harness.reload(block)
    assert stored.model.question("hours") is None
    assert stored.answers["saeima-size"] == "b" and stored.calculate_score().raw_earned == pytest.approx(1 / 5)
    status, body = harness.call(stored, "check_content", {"content": {**data, "mode": "survey"}})
    assert any(p["id"] == "siren" and p["severity"] == "error" for p in body["problems"])


def test_export_round_trips_every_scenario(harness):
    for xml in SCENARIOS.values():
        block = harness.load(xml)
        exported = harness.export(block)
        again = harness.load(exported)
        assert again.model_json == block.model_json and again.display_name == block.display_name
        assert (again.max_attempts, again.pass_threshold) == (block.max_attempts, block.pass_threshold)
        root = etree.fromstring(exported)
        assert "content" not in root.attrib and not (root.text or "").strip()


def test_report_rows_for_the_instructor(harness):
    block = harness.load(PRACTICE)

    class State:
        username = "anna"
        state = {"answers": {"saeima-size": "b", "gone": "x", "siren": ["hear", "tune", "act"]}}

    rows = list(block.generate_report_data(iter([State()])))
    assert rows[0] == ("anna", {"Question": "Cik deputātu ir Saeimā?", "Question ID": "saeima-size",
                                "Answer": "100"})
    assert len(rows) == 2
    assert len(list(block.generate_report_data(iter([State()]), limit_responses=1))) == 1


def test_views_in_latvian(harness, latvian):
    block = harness.load(SURVEY)
    html = block.render("student_view", {}).content
    assert "Nosūtīt" in html or "Sūtīt" in html
    assert "Uzticēšanās bibliotēkām" in block.render("public_view", {}).content
    assert "Mode" not in block.render("author_view", {}).content
