"""Issue 18 (points 4-7): grades that mean what they say, in the workbench runtime.

Practice cannot be farmed, a retake never lowers the kept grade, a blank submit
needs a confirmation, certainty cannot fail an all-right quiz, a 72-hour bag
without water cannot pass, and a claimed attempt is never graded twice.
"""

import pytest
from django.utils import translation

from civicquiz import grading as quiz_grading
from noturiba.survey.models import AttemptClaim
from noturiba.survey.store import block_key

from .conftest import package_scenarios

QUIZ = dict(package_scenarios("civicquiz"))
DRILL = dict(package_scenarios("crisisdrill"))
CHECK = dict(package_scenarios("mediacheck"))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def grades(monkeypatch):
    from workbench.runtime import WorkbenchRuntime
    published = []
    original = WorkbenchRuntime.publish

    def publish(self, block, event_type, event_data):
        if event_type == "grade":
            published.append(event_data["value"] / event_data["max_value"])
        return original(self, block, event_type, event_data)

    monkeypatch.setattr(WorkbenchRuntime, "publish", publish)
    return published


def shown(block, question, answer):
    """An answer as the learner's page sends it (the page's option and pair ids)."""
    return block.layout().to_learner(question, answer)


def right_answers(block):
    return {q.id: shown(block, q, quiz_grading.solution(q)) for q in block.layout().questions}


def wrong_answer(block, q):
    if q.type == "single":
        return shown(block, q, next(o.id for o in q.options if not o.correct))
    if q.type == "truefalse":
        return not q.answer
    if q.type == "numeric":
        return (q.answer or 0) + 1000
    if q.type == "multiple":
        return shown(block, q, [o.id for o in q.options if not o.correct][:1])
    if q.type == "order":
        return list(reversed(quiz_grading.solution(q)))
    return shown(block, q, {p.id: q.pairs[(n + 1) % len(q.pairs)].id for n, p in enumerate(q.pairs)})


# 4. Practice is not a free 100 % ------------------------------------------------------------

def test_civicquiz_practice_check_after_the_solution_earns_nothing(harness, grades):
    block = harness.load(QUIZ["04-practice-every-type.xml"])
    q = block.model.question("saeima-size")
    status, body = harness.call(block, "check", {"question": q.id, "answer": wrong_answer(block, q)})
    assert status == 200 and body["feedback"]["solution"] is not None
    status, body = harness.call(block, "check", {"question": q.id, "answer": shown(block, q, "b")})
    assert status == 200 and body["feedback"]["verdict"] == "right", "feedback still helps the learner"
    assert harness.reload(block).raw_earned == 0.0 and grades == [0.0]


def test_mediacheck_practice_reset_and_check_again_earns_nothing(harness, grades):
    block = harness.load(CHECK["01-minimal.xml"])
    item = block.model.items[0]
    wrong = next(v.id for v in block.model.scale if v.id != item.verdict)
    assert harness.call(block, "check_item", {"item": item.id, "verdict": wrong})[0] == 200
    first = harness.reload(block).raw_earned
    assert harness.call(block, "reset", {"item": item.id})[0] == 200
    assert harness.call(block, "check_item", {"item": item.id, "verdict": item.verdict})[0] == 200
    assert harness.reload(block).raw_earned == first and grades == [first]


def test_studio_warns_about_a_practice_block_in_a_graded_subsection(harness):
    block = harness.load(QUIZ["04-practice-every-type.xml"])
    assert not any("graded subsection" in m.text for m in block.validate().messages)
    block.graded = True  # inherited from the subsection in Studio and the LMS
    messages = [m for m in block.validate().messages if "graded subsection" in m.text]
    assert messages and messages[0].type == "warning"


# 6. Retakes keep the best; blank submits ask first ---------------------------------------------

def submit(harness, block, answers, **extra):
    certainty = {qid: 3 for qid in answers} if block.model.certainty else {}
    return harness.call(block, "submit", {"answers": answers, "certainty": certainty, **extra})


def test_civicquiz_retake_never_lowers_the_kept_grade(harness, grades):
    block = harness.load(QUIZ["02-civic-assessment.xml"])
    status, body = submit(harness, block, right_answers(block))
    assert status == 200 and body["result"]["passed"]
    assert harness.call(harness.reload(block), "new_attempt", {})[0] == 200
    again = harness.reload(block)
    wrong = {q.id: wrong_answer(again, q) for q in again.layout().questions}
    assert submit(harness, again, wrong)[0] == 200
    stored = harness.reload(block)
    assert stored.attempts == 2 and stored.raw_earned == pytest.approx(1.0)
    assert grades == [pytest.approx(1.0), pytest.approx(1.0)]
    assert stored.calculate_score().raw_earned == pytest.approx(stored.max_score()), "rescore keeps the best"


def test_mediacheck_retake_never_lowers_the_kept_grade(harness, grades):
    block = harness.load(CHECK["02-assessment.xml"])
    model = block.model
    right = {i.id: {"verdict": i.verdict, "confidence": 100} for i in model.items}
    wrong = {i.id: {"verdict": next(v.id for v in model.scale if v.id != i.verdict), "confidence": 100}
             for i in model.items}
    assert harness.call(block, "submit", {"answers": right})[0] == 200
    best = harness.reload(block).raw_earned
    assert harness.call(harness.reload(block), "new_attempt", {})[0] == 200
    assert harness.call(harness.reload(block), "submit", {"answers": wrong})[0] == 200
    stored = harness.reload(block)
    assert stored.attempts == 2 and stored.raw_earned == pytest.approx(best) and best > 0.5
    assert stored.calculate_score().raw_earned == pytest.approx(best * stored.max_score())


def test_civicquiz_submit_with_unanswered_questions_needs_a_confirmation(harness):
    block = harness.load(QUIZ["02-civic-assessment.xml"])
    answers = right_answers(block)
    first = next(iter(answers))
    status, body = submit(harness, block, {first: answers[first]})
    assert status == 400 and "5 questions are not answered" in body["error"]
    assert harness.reload(block).attempts == 0 and not harness.reload(block).submitted
    status, body = submit(harness, harness.reload(block), {first: answers[first]}, confirm_unanswered=True)
    assert status == 200 and harness.reload(block).attempts == 1


# 7. Fair scores --------------------------------------------------------------------------------

def test_civicquiz_all_right_passes_at_the_lowest_certainty(harness):
    block = harness.load(QUIZ["02-civic-assessment.xml"])
    answers = right_answers(block)
    status, body = harness.call(block, "submit", {"answers": answers, "certainty": dict.fromkeys(answers, 1)})
    assert status == 200 and body["result"]["passed"] and body["result"]["score"] >= 0.93


def test_a_72_hour_bag_without_the_critical_water_cannot_pass(harness):
    xml = DRILL["02-power-outage.xml"].replace('<option id="water-supply" size="4" required="true">',
                                               '<option id="water-supply" size="4" required="true" critical="true">')
    block = harness.load(xml)
    steps = [("choose", {"node": "dark", "choice": "radio"}), ("choose", {"node": "info", "choice": "prepare"}),
             ("pick", {"node": "kit", "items": ["food", "medicine", "battery-radio", "torch", "powerbank",
                                                "documents"]}),
             ("choose", {"node": "night", "choice": "neighbour"}),
             ("arrange", {"node": "siren", "order": ["stop", "tune", "listen", "act", "tell"]}),
             ("choose", {"node": "emergency", "choice": "call-where"})]
    for handler, payload in steps:
        status, body = harness.call(block, handler, payload)
        assert status == 200, body
    stored = harness.reload(block)
    assert stored.raw_earned < stored.pass_threshold, "13 of 14 points, but no water"
    reimported = harness.load(harness.export(block))
    assert next(o for o in reimported.model.node("kit").options if o.id == "water-supply").critical


# 5. A claimed attempt is graded once -----------------------------------------------------------

def test_a_submit_whose_attempt_another_request_claimed_is_refused_and_changes_nothing(harness, grades):
    block = harness.load(QUIZ["02-civic-assessment.xml"])
    AttemptClaim.objects.create(block=block_key(block.scope_ids.usage_id), learner=block.learner_key(), attempt=1)
    status, body = submit(harness, block, right_answers(block))
    assert status == 400 and "already sent" in body["error"]
    stored = harness.reload(block)
    assert stored.attempts == 0 and not stored.submitted and stored.raw_earned is None and grades == []


def test_delete_learner_state_removes_the_claims(harness):
    block = harness.load(QUIZ["02-civic-assessment.xml"])
    assert submit(harness, block, right_answers(block))[0] == 200
    key = block_key(block.scope_ids.usage_id)
    assert AttemptClaim.objects.filter(block=key).count() == 1
    from noturiba import attempts
    attempts.forget(key, block.learner_key())
    assert AttemptClaim.objects.filter(block=key).count() == 0


def test_mediacheck_says_what_counts_before_the_first_item(harness):
    block = harness.load(CHECK["02-assessment.xml"])
    html = block.render("student_view", {}).content
    counts = html.find("data-what-counts")
    assert 0 < counts < html.find("data-item=") and "60\u00a0%" in html[counts:html.find("data-item=")]
    assert "only if you set it" in html[counts:html.find("data-item=")]


def test_mediacheck_slider_start_is_not_sent_as_a_chosen_confidence(harness):
    block = harness.load(CHECK["02-assessment.xml"])
    html = block.render("student_view", {}).content
    assert 'type="range"' in html and 'data-chosen="true"' not in html
    item = block.model.items[0]
    assert harness.call(block, "save_answer", {"item": item.id, "verdict": item.verdict, "confidence": 90})[0] == 200
    assert 'data-chosen="true"' in harness.reload(block).render("student_view", {}).content


def test_a_practice_drill_rescored_after_a_free_replay_keeps_the_first_attempt(harness):
    # Before: calculate_score (the instructor's Rescore) also graded the latest finished path, so a
    # perfect ungraded replay after reading the debrief rescored a 0 % practice drill to 100 %.
    block = harness.load(DRILL["04-power-outage-practice.xml"])
    status, body = harness.call(block, "choose", {"node": "dark", "choice": "candles"})
    assert status == 200 and body["view"]["finished"]
    first = harness.reload(block).raw_earned
    replay = [("restart", {}), ("choose", {"node": "dark", "choice": "radio"}),
              ("choose", {"node": "info", "choice": "prepare"}),
              ("pick", {"node": "kit", "items": ["water-supply", "food", "medicine", "battery-radio", "torch",
                                                 "powerbank", "documents"]}),
              ("choose", {"node": "night", "choice": "neighbour"}),
              ("arrange", {"node": "siren", "order": ["stop", "tune", "listen", "act", "tell"]}),
              ("choose", {"node": "emergency", "choice": "call-where"})]
    for handler, payload in replay:
        status, body = harness.call(block, handler, payload)
        assert status == 200, body
    stored = harness.reload(block)
    assert stored.current_state()["finished"] and stored.raw_earned == first
    assert stored.calculate_score().raw_earned == pytest.approx(first * stored.max_score())
