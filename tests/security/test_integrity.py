"""A learner cannot raise a grade by calling handlers out of order, replaying, going past max_attempts
or sending a score: every such call is refused, changes nothing and publishes no grade."""

import pytest

from ..blocks.conftest import Harness, package_scenarios


def scenario(block_type, name):
    return next(xml for file, xml in package_scenarios(block_type) if file.startswith(name))


@pytest.fixture
def grades(monkeypatch):
    """Grade events the blocks publish (a list of (block type, value))."""
    published = []
    from workbench.runtime import WorkbenchRuntime
    original = WorkbenchRuntime.publish

    def publish(self, block, event_type, event_data):
        if event_type == "grade":
            published.append((block.scope_ids.block_type, event_data["value"]))
        return original(self, block, event_type, event_data)

    monkeypatch.setattr(WorkbenchRuntime, "publish", publish)
    return published


def refused(harness, block, handler, payload):
    status, body = harness.call(block, handler, payload)
    assert status == 400, f"{handler} {payload}: {status} {body}"
    assert body["error"]
    return body


# mediacheck --------------------------------------------------------------------------------------------

MEDIACHECK_ITEMS = ("surrender-msg", "kvc-headline", "water-photo")


def mediacheck_answers(verdict="false"):
    return {"answers": {item: {"verdict": verdict, "flags": [], "leads": [], "confidence": 50}
                        for item in MEDIACHECK_ITEMS}}


def test_mediacheck_assessment_refuses_scores_replays_practice_checks_and_extra_attempts(db, grades):
    harness = Harness("m-learner")
    block = harness.load(scenario("mediacheck", "02"))
    refused(harness, block, "submit", {**mediacheck_answers(), "score": 1.0})
    refused(harness, block, "check_item", {"item": "surrender-msg", "verdict": "false"})
    assert grades == []
    assert harness.call(block, "submit", mediacheck_answers())[0] == 200
    first = harness.reload(block).raw_earned
    refused(harness, block, "submit", mediacheck_answers("accurate"))  # the same attempt again
    assert harness.reload(block).attempts == 1 and harness.reload(block).raw_earned == first
    assert harness.call(block, "new_attempt", {})[0] == 200
    assert harness.call(block, "submit", mediacheck_answers("accurate"))[0] == 200
    refused(harness, block, "new_attempt", {})  # max_attempts is 2
    refused(harness, block, "submit", mediacheck_answers())
    stored = harness.reload(block)
    assert stored.attempts == 2 and len(grades) == 2


# civicquiz ---------------------------------------------------------------------------------------------

def test_civicquiz_assessment_refuses_scores_replays_practice_checks_and_extra_attempts(db, grades):
    harness = Harness("c-learner")
    block = harness.load(scenario("civicquiz", "02"))
    drawn = [q["id"] for q in block.student_view_data()["questions"]]
    answers = {"answers": {qid: "x" for qid in drawn[:1]}}
    refused(harness, block, "submit", {**answers, "score": 1.0})
    refused(harness, block, "check", {"question": drawn[0], "answer": "a"})
    refused(harness, block, "new_attempt", {})  # nothing submitted yet
    blank = {"answers": {}, "certainty": {}}
    refused(harness, block, "submit", blank)  # nothing answered and not confirmed: no attempt burnt
    assert grades == [] and harness.reload(block).attempts == 0
    blank["confirm_unanswered"] = True
    status, _body = harness.call(block, "submit", blank)
    assert status == 200
    refused(harness, block, "submit", blank)  # replay
    assert harness.call(block, "new_attempt", {})[0] == 200
    assert harness.call(block, "submit", blank)[0] == 200
    refused(harness, block, "new_attempt", {})  # max_attempts is 2
    assert harness.reload(block).attempts == 2 and len(grades) == 2


# crisisdrill -------------------------------------------------------------------------------------------

def test_crisisdrill_refuses_scores_foreign_nodes_and_replayed_choices(db, grades):
    harness = Harness("d-learner")
    block = harness.load(scenario("crisisdrill", "02"))
    refused(harness, block, "choose", {"node": "dark", "choice": "radio", "points": 100})
    refused(harness, block, "choose", {"node": "info", "choice": "prepare"})  # not the current node
    refused(harness, block, "choose", {"node": "dark", "choice": "no-such-choice"})
    assert harness.call(block, "choose", {"node": "dark", "choice": "radio"})[0] == 200
    refused(harness, block, "choose", {"node": "dark", "choice": "radio"})  # the same decision again
    refused(harness, block, "pick", {"node": "kit", "items": []})  # a node further on
    assert grades == []
