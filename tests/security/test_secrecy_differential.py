"""Nothing of the answers reaches a new learner's browser, by any name: the differential test.

test_secrecy.py looks for known secret strings and answer keys; a leak under a new key, or in
the order or shape of what is sent, passes it. Here every scenario and every course block gets an
answer twin (twins.py: other verdicts, right options, orders, matches, flag places and notes,
useful leads, points, critical marks, feedback, explanations; the same ids and texts), and a new
learner must get the same bytes of both: page HTML, fragment resources, init args, JSON islands,
student_view_data and the public view. Then the test is checked against itself: a payload that
carries one answer field under a new name must make it fail.
"""

import pytest

from mediacheck import content as mediacheck_content
from mediacheck import views as mediacheck_views

from .secrets import every_block
from .twins import differences, drill_paths, twin, walk_differences

BLOCKS = every_block()


@pytest.mark.parametrize(("label", "block_type", "xml"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_answer_twins_look_the_same_to_a_new_learner(db, label, block_type, xml):
    other = twin(block_type, xml)
    assert differences(xml, other) == [], f"{label}: the learner's bytes depend on the answers"


DRILLS = [block for block in BLOCKS if block[1] == "crisisdrill"]


@pytest.mark.parametrize(("label", "block_type", "xml"), DRILLS, ids=[b[0] for b in DRILLS])
def test_every_situation_a_drill_learner_reaches_looks_the_same_in_both_twins(db, label, block_type, xml):
    """Not only the start: every situation reached by playing, page and answers (choice and option order)."""
    assert walk_differences(xml, twin(block_type, xml)) == [], f"{label}: a situation depends on the answers"


def test_every_twin_has_other_answers():
    """The twins are real: each block with something to answer gets other answers."""
    changed = [label for label, block_type, xml in BLOCKS if twin(block_type, xml) != xml]
    assert len(changed) >= len(BLOCKS) - 5, "most blocks have answers to change"


MEDIACHECK = next(xml for label, kind, xml in BLOCKS if kind == "mediacheck" and "<lead" in xml and "<flag" in xml)
CIVICQUIZ = next(xml for label, kind, xml in BLOCKS if label.endswith("02-civic-assessment.xml"))


def test_a_lead_usefulness_under_a_new_key_is_caught(db, monkeypatch):
    original = mediacheck_views.ordered_leads

    def leaky(item, learner=None):
        leads = original(item, learner)
        return [lead.__class__(lead.id, lead.useful, lead.title + (" ." if lead.useful else ""), lead.body)
                for lead in leads]
    monkeypatch.setattr(mediacheck_views, "ordered_leads", leaky)
    assert differences(MEDIACHECK, twin("mediacheck", MEDIACHECK)), "a lead's usefulness in its title"


def test_an_item_verdict_in_the_payload_is_caught(db, monkeypatch):
    original = mediacheck_content.public_item

    def leaky(item, leads=None):
        return {**original(item, leads), "kind_hint": item.verdict}
    monkeypatch.setattr(mediacheck_content, "public_item", leaky)
    found = differences(MEDIACHECK, twin("mediacheck", MEDIACHECK))
    assert any("student_view_data" in entry for entry in found), found


def test_a_correct_flag_in_the_page_is_caught(db, monkeypatch):
    from civicquiz import views as civic_views
    original = civic_views.question_view

    def leaky(q, layout, *args, **kwargs):
        view = original(q, layout, *args, **kwargs)
        for option, real in zip(view.get("options", ()), layout.options.get(q.id, {}).values(), strict=False):
            option["label"] += "\u200b" if q.options and next(o for o in q.options if o.id == real).correct else ""
        return view
    monkeypatch.setattr(civic_views, "question_view", leaky)
    found = differences(CIVICQUIZ, twin("civicquiz", CIVICQUIZ))
    assert any("student_view HTML" in entry for entry in found), found


DRILL = next(xml for label, kind, xml in DRILLS if label.endswith("05-library-centre-assessment.xml"))


def test_choices_in_the_authoring_order_are_caught(db, monkeypatch):
    """The walk sees past the start: a drill that shows choices and options as written is caught."""
    from crisisdrill import shuffle
    monkeypatch.setattr(shuffle, "learner_order", lambda entries, node_id, learner=None, round_=0: list(entries))
    found = walk_differences(DRILL, twin("crisisdrill", DRILL))
    assert any(": page" in entry for entry in found) and any("answer" in entry for entry in found), found


def test_the_walk_reaches_every_kind_of_situation(db):
    from ..blocks.conftest import Harness
    model = Harness("walk").load(DRILL).model
    kinds = {model.node(node_id).kind for node_id in drill_paths(model)}
    assert kinds == {"step", "checklist", "order"} and len(drill_paths(model)) >= 6
