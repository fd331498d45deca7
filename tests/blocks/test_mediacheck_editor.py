"""mediacheck's Studio form in the SDK runtime: sources in the kit's one shape, pasted HTML repaired (flags kept)."""

import json

import pytest

from mediacheck import content

from .test_mediacheck import PRACTICE, form_item, island

OLD_SOURCES = [["https://www.vugd.gov.lv/", "VUGD"], ["https://www.lsm.lv/", "LSM"]]
NEW_SOURCES = [{"href": "https://www.vugd.gov.lv/", "title": "VUGD"}, {"href": "https://www.lsm.lv/", "title": "LSM"}]


def stored_field(block):
    """The name of the field that holds the block's editor JSON (whatever it is called)."""
    stored = content.to_json(block.model)
    return next(name for name in block.fields if name != "display_name" and getattr(block, name) == stored)


def save_form(harness, block, data):
    return harness.call(block, "save_content", {"display_name": "X", "content": data})


def test_the_editor_and_the_stored_content_use_href_title_objects_for_sources(harness):
    block = harness.load(PRACTICE)
    data = content.to_json(block.model)
    assert all(isinstance(source, dict) and set(source) == {"href", "title"}
               for item in data["items"] for source in item["sources"])
    assert any(item["sources"] for item in data["items"])
    data["items"][0]["sources"] = NEW_SOURCES
    assert save_form(harness, block, data)[0] == 200
    stored = harness.reload(block)
    assert getattr(stored, stored_field(stored))["items"][0]["sources"] == NEW_SOURCES
    assert island(stored.render("studio_view", {}), "studio-model")["content"]["items"][0]["sources"] == NEW_SOURCES


def test_a_block_stored_with_href_title_pairs_still_loads_and_is_saved_in_the_new_shape(harness):
    block = harness.load(PRACTICE)
    name = stored_field(block)
    old = json.loads(json.dumps(getattr(block, name)))
    old["items"][0]["sources"] = OLD_SOURCES  # what an existing block saved by the old editor holds
    setattr(block, name, old)
    block.save()
    stored = harness.reload(block)
    assert stored.model.items[0].sources == tuple(tuple(pair) for pair in OLD_SOURCES)
    editor = island(stored.render("studio_view", {}), "studio-model")["content"]
    assert editor["items"][0]["sources"] == NEW_SOURCES  # the editor is given the new shape
    old_form = content.to_json(stored.model)
    old_form["items"][0]["sources"] = OLD_SOURCES  # a Studio tab opened before the update still posts pairs
    assert save_form(harness, stored, old_form)[0] == 200
    assert getattr(harness.reload(block), name)["items"][0]["sources"] == NEW_SOURCES


PASTED = ('<p>Steidzami!<br><FLAG id="chat-flag" note="Steidzina &amp; biedē." onclick="alert(1)">Dalies ar '
          '<b>visiem</b></flag> & pirms <span style="color:red">izdzēsīs<script>alert(2)</script>')


def test_html_pasted_into_an_item_body_is_repaired_and_its_flags_are_kept(harness):
    block = harness.load(PRACTICE)
    data = content.to_json(block.model)
    data["items"] = [form_item()]
    data["items"][0]["body"] = PASTED
    data["items"][0]["leads"][0]["body"] = "<b>nav aizvērts"
    status, body = save_form(harness, block, data)
    assert status == 200, body
    item = harness.reload(block).model.items[0]
    assert [(flag.id, flag.note, flag.text) for flag in item.flags] == [
        ("chat-flag", "Steidzina & biedē.", "Dalies ar visiem")]
    assert "onclick" not in item.body and "<script" not in item.body and "alert(2)" not in item.body
    assert "&amp; pirms" in item.body and item.leads[0].body == "nav aizvērts"
    html = harness.reload(block).render("student_view", {}).content
    assert "Steidzina" not in html and "biedē" not in html  # the note is an answer: never before answering


def test_an_unclosed_flag_is_closed_where_the_paragraph_ends():
    data = {"items": [{**form_item(), "body": "<p>Bez <flag id='x' note='Kliedz.'>beigām</p><p>Tālāk."}]}
    item = content.from_json(data).items[0]
    assert [(flag.id, flag.text) for flag in item.flags] == [("x", "beigām")]
    assert [[s.text for s in p] for p in item.paragraphs] == [["Bez", "beigām"], ["Tālāk."]]


@pytest.mark.parametrize(("body", "expected"), [
    ('<p>Ak <flag id="a b" note="n">tā<br>', "a b"),  # repaired, and the flag's id is still checked
    ('<p><flag id="a" note="n">x <flag id="b" note="n">y</p>', "<flag>"),  # nested once repaired
    ('<p>Ak <flag id="chat-lead" note="n">tā<br>', "chat-lead"),  # an id used twice in the block
])
def test_a_repaired_body_with_a_bad_flag_is_refused_and_nothing_saved_is_lost(harness, body, expected):
    block = harness.load(PRACTICE)
    before = content.to_json(block.model)
    data = json.loads(json.dumps(before))
    data["items"][0] = {**form_item(), "body": body}
    status, answer = save_form(harness, block, data)
    assert status == 400 and expected in answer["error"]
    stored = harness.reload(block)
    assert content.to_json(stored.model) == before and stored.display_name != "X"
