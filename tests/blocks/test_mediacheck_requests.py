"""What one mediacheck request costs, counted (not timed): each item's body is parsed once per
request and an answer graded once per action, however many items the block has."""

import pytest

from mediacheck import content, grading, model

ITEMS = 12


def olx(mode):
    items = "".join(f"""<item id="i{n}" kind="post" verdict="false"><body><p><flag id="f{n}" note="n">Aizdomīgs
        teikums {n}</flag> un vēl vārdi.</p></body><lead id="l{n}" useful="true" title="t">x</lead>
        <explanation><p>E.</p></explanation></item>""" for n in range(ITEMS))
    return f'<mediacheck mode="{mode}">{items}</mediacheck>'


@pytest.fixture
def parses(monkeypatch):
    counted = []
    original = model._body_root

    def counting(markup):
        counted.append(markup)
        return original(markup)
    monkeypatch.setattr(model, "_body_root", counting)
    return counted


@pytest.fixture
def graded(monkeypatch):
    counted = []
    original = grading.grade_item

    def counting(m, item, answer):
        counted.append(item.id)
        return original(m, item, answer)
    monkeypatch.setattr(grading, "grade_item", counting)
    return counted


def answer(item):
    return {"verdict": "false", "flags": list(content.segment_flags(item.body))[:2], "leads": [item.leads[0].id],
            "confidence": 90}


def test_a_practice_page_and_a_check_parse_each_body_once(harness, parses, graded):
    block = harness.load(olx("practice"))
    for item in block.model.items[:3]:
        learner = harness.reload(block)
        assert harness.call(learner, "check_item", {"item": item.id, **answer(item)})[0] == 200
    parses.clear()
    learner = harness.reload(block)
    learner.runtime.render(learner, "student_view")
    assert len(parses) == ITEMS  # was 7 per item and more per card: quadratic in items
    first = harness.reload(block).model.items[5]
    payload = {"item": first.id, **answer(first)}
    learner = harness.reload(block)
    parses.clear()
    graded.clear()
    status, body = harness.call(learner, "check_item", payload)
    assert status == 200 and body["feedback"]["item"] == first.id
    assert len(parses) <= ITEMS
    assert graded.count(first.id) == 1  # was twice: once for the grade, once for the feedback


def test_an_assessment_submission_grades_each_answer_once(harness, parses, graded):
    block = harness.load(olx("assessment").replace('mode="assessment"', 'mode="assessment" showanswer="always"'))
    items = harness.reload(block).model.items
    payload = {"answers": {item.id: answer(item) for item in items}}
    learner = harness.reload(block)
    parses.clear()
    status, body = harness.call(learner, "submit", payload)
    assert status == 200 and set(body["feedback"]) == {item.id for item in items}
    assert len(parses) == ITEMS
    assert sorted(graded) == sorted(item.id for item in items)
