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
from .twins import differences, draft_differences, drill_paths, twin, walk_differences

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


MEDIACHECKS = [block for block in BLOCKS if block[1] == "mediacheck"]


@pytest.mark.parametrize(("label", "block_type", "xml"), MEDIACHECKS, ids=[b[0] for b in MEDIACHECKS])
def test_mediacheck_handlers_and_drafts_before_answering_look_the_same_in_both_twins(db, label, block_type, xml):
    """Opening every lead and saving a draft of every item (and the page after it) tell nothing either."""
    assert draft_differences(xml, twin(block_type, xml)) == [], f"{label}: a draft depends on the answers"


# Issue 13: twins that differ only in which items are real (`origin`) and where those were published.
REAL = ('<published outlet="{outlet}" date="{date}" href="https://{outlet}/{date}"/>'
        '<explanation><p>Īsts.</p></explanation>')
ORIGIN_ITEMS = (
    ('<item id="a" kind="headline" verdict="{verdict}"{origin}><body>Pirmais virsraksts par sirēnām</body>{real}'
     '</item>'),
    ('<item id="b" kind="{kind}" verdict="{verdict}"{origin}><body>Otrais virsraksts par ūdeni</body>'
     '<lead id="b-l" useful="true" title="Ko saka avots?">Teksts.</lead>{real}</item>'),
    '<item id="c" kind="headline" verdict="{verdict}"{origin}><body>Trešais virsraksts par radio</body>{real}</item>',
)


def origin_block(mode, real_ids, kind="headline", outlet="lsm.lv", date="2025-05-23"):
    items = []
    for template, item_id in zip(ORIGIN_ITEMS, "abc", strict=True):
        real = item_id in real_ids
        items.append(template.format(
            verdict="accurate" if real else "false", kind=kind, origin=' origin="real"' if real else "",
            real=REAL.format(outlet=outlet, date=date) if real else ""))
    return f'<mediacheck display_name="Īsts vai izdomāts" mode="{mode}">{"".join(items)}</mediacheck>'


ORIGIN_TWINS = [
    ("practice, one real headline", origin_block("practice", "a"),
     origin_block("practice", "c", outlet="twin.example", date="2001-02-03")),
    ("assessment, two real", origin_block("assessment", "ab", kind="post"),
     origin_block("assessment", "bc", kind="post")),
    ("survey, mixed", origin_block("survey", "b"), origin_block("survey", "ac", outlet="other.example")),
    ("practice, a made-up block that says origin", origin_block("practice", "").replace(
        'verdict="false">', 'verdict="false" origin="made-up">', 1), origin_block("practice", "")),
]


@pytest.mark.parametrize(("label", "first", "second"), ORIGIN_TWINS, ids=[t[0] for t in ORIGIN_TWINS])
def test_which_items_are_real_does_not_reach_a_new_learner(db, label, first, second):
    """Issue 13: the made-up label was per card; a per-item label before answering tells real from made up."""
    assert differences(first, second) == [], label
    assert draft_differences(first, second) == [], label


def test_a_real_item_marked_before_answering_is_caught(db, monkeypatch):
    original = mediacheck_content.public_item

    def leaky(item, leads=None):
        return {**original(item, leads), "shown_as": item.provenance}
    monkeypatch.setattr(mediacheck_content, "public_item", leaky)
    _label, first, second = ORIGIN_TWINS[0]
    found = differences(first, second)
    assert any("student_view_data" in entry for entry in found), found


def test_a_note_that_names_the_real_items_is_caught(db, monkeypatch):
    monkeypatch.setattr(mediacheck_views, "material_note",
                        lambda model, translate, **settings: [i.id for i in model.items if i.provenance == "real"])
    _label, first, second = ORIGIN_TWINS[0]
    found = differences(first, second)
    assert any("student_view HTML" in entry for entry in found), found
