"""mediacheck, issue 13: real headlines beside made-up ones (the item attribute `origin`).

A real item must not carry "made up", and what a learner sees before answering must not tell which
items are real (test_secrecy_differential.py checks the bytes); after the item's feedback is due it
says "Made up for this exercise" or "Real headline: <outlet>, <date>" with the link."""

import re
from importlib import resources

import pytest
from django.utils import translation
from lxml import etree

from mediacheck import content

from .conftest import Harness

SCENARIOS = {entry.name: entry.read_text(encoding="utf-8")
             for entry in resources.files("mediacheck").joinpath("scenarios").iterdir() if entry.name.endswith(".xml")}
HREF = "https://pilsetas.com/2025/05/23/latvija-uz-tris-minutem-iedarbinas-trauksmes-sirenas"
MADE_UP_LABEL = "Practice material: made up for this exercise"
MIXED_NOTE = ("Some of these are real headlines, others were made up for this exercise. "
              "After you answer, each one says which.")


@pytest.fixture(autouse=True)
def english(request):
    """English unless a test asks for Latvian (the site's default language is Latvian)."""
    if "latvian" in request.fixturenames:
        yield
        return
    with translation.override("en"):
        yield


def block_xml(mode="practice", second_kind="headline", real=True, extra=""):
    origin = ' origin="real"' if real else ""
    published = (f'<published outlet="pilsetas.com" date="2025-05-23" href="{HREF}"/>' if real else "")
    return (f'<mediacheck display_name="Īsts vai izdomāts" mode="{mode}" {extra}>'
            f'<item id="real-one" kind="headline" verdict="accurate"{origin}>'
            f'<body>Latvijā uz trīs minūtēm iedarbinās trauksmes sirēnas</body>{published}'
            '<explanation><p>Īsts virsraksts.</p></explanation></item>'
            f'<item id="made-one" kind="{second_kind}" verdict="false"><body>Sirēnas skanēs katru nakti</body>'
            '<explanation><p>Izdomāts.</p></explanation></item></mediacheck>')


def page(block):
    return block.render("student_view", {}).content


def test_a_block_with_a_real_item_shows_one_neutral_note_and_no_made_up_label(harness):
    html = page(harness.load(block_xml()))
    assert MADE_UP_LABEL not in html, "a real headline must not be called made up"
    assert html.count(MIXED_NOTE) == 1
    assert "Mark any red flags you notice" in html and "there may be none" in html
    assert "Open the leads you want to check" in html
    assert "make you suspicious" not in html


def test_a_block_of_made_up_items_keeps_the_label_on_every_card(harness):
    block = harness.load(SCENARIOS["01-minimal.xml"])
    html = page(block)
    assert html.count(MADE_UP_LABEL) == len(block.model.items)
    assert "Some of these" not in html


def test_the_note_is_worded_by_the_kinds_of_all_items_and_promises_nothing_in_a_survey(harness):
    mixed_kinds = page(harness.load(block_xml(second_kind="post")))
    assert "Some of these items are real, others were made up for this exercise." in mixed_kinds
    survey = page(harness.load(block_xml(mode="survey")))
    assert "Some of these are real headlines, others were made up for this exercise." in survey
    assert "After you answer" not in survey, "a survey never shows which is which"


def test_practice_check_says_real_or_made_up_with_outlet_date_and_link(harness):
    block = harness.load(block_xml())
    status, body = harness.call(block, "check_item", {"item": "real-one", "verdict": "accurate"})
    assert status == 200, body
    origin = body["feedback"]["origin"]
    assert origin == {"kind": "real", "label": "Real headline: pilsetas.com, 2025-05-23", "outlet": "pilsetas.com",
                      "date": "2025-05-23", "href": HREF}
    status, body = harness.call(block, "check_item", {"item": "made-one", "verdict": "accurate"})
    assert body["feedback"]["origin"] == {"kind": "made-up", "label": "Made up for this exercise", "href": None}


def test_the_label_is_translated_with_a_latvian_date(harness, latvian):
    block = harness.load(block_xml())
    _status, body = harness.call(block, "check_item", {"item": "real-one", "verdict": "accurate"})
    assert "pilsetas.com, 23.05.2025" in body["feedback"]["origin"]["label"]


def test_assessment_shows_the_origin_only_after_submitting(harness):
    block = harness.load(block_xml(mode="assessment", extra='showanswer="always"'))
    before = page(block)
    assert HREF not in before and "Real headline" not in before
    answers = {"real-one": {"verdict": "accurate"}, "made-one": {"verdict": "false"}}
    status, body = harness.call(block, "submit", {"answers": answers})
    assert status == 200, body
    assert body["feedback"]["real-one"]["origin"]["href"] == HREF
    assert body["feedback"]["made-one"]["origin"]["kind"] == "made-up"
    assert HREF in page(harness.reload(block)), "the feedback due on reload names the source"


def test_student_view_data_tells_the_block_mix_only(harness):
    data = harness.load(block_xml()).student_view_data()
    assert data["material"] == "mixed" and data["material_note"] == MIXED_NOTE
    assert "provenance" not in str(data) and HREF not in str(data) and "pilsetas" not in str(data)


def test_origin_and_published_round_trip_through_export(harness):
    block = harness.load(block_xml())
    exported = harness.export(block).decode()
    assert re.search(r'<item id="real-one" kind="headline" verdict="accurate" origin="real">', exported)
    assert f'<published outlet="pilsetas.com" date="2025-05-23" href="{HREF}"/>' in exported
    assert 'id="made-one" kind="headline" verdict="false">' in exported, "made-up (the default) is not written"
    root = etree.Element("x")
    block.add_xml_to_node(root)
    again = harness.load(etree.tostring(root, encoding="unicode"))
    assert again.model_json == block.model_json
    item = again.model.item("real-one")
    assert item.provenance == "real" and item.published == content.Published("pilsetas.com", "2025-05-23", HREF)


@pytest.mark.parametrize(("xml", "named"), [
    (block_xml().replace('origin="real"', 'origin="true"'), 'origin must be one of: made-up, real; not "true"'),
    (block_xml().replace(f'<published outlet="pilsetas.com" date="2025-05-23" href="{HREF}"/>', ""),
     'The real item "real-one" needs <published'),
    (block_xml().replace('origin="real"', ""), 'only a real item (origin="real") has <published>'),
    (block_xml().replace('date="2025-05-23"', 'date="23.05.2025"'), "must be written as YYYY-MM-DD"),
    (block_xml().replace(f'href="{HREF}"', 'href="pilsetas.com"'), "must start with http:// or https://"),
])
def test_a_bad_origin_is_refused_with_a_message_that_names_it(xml, named, db):
    with pytest.raises(Exception) as error:
        Harness("origin-author").load(xml)
    message = getattr(error.value, "message", None)
    text = message.render() if hasattr(message, "render") else str(error.value)
    assert named in text, text


def test_a_bad_origin_is_refused_in_latvian(db, latvian):
    harness = Harness("origin-author")
    with pytest.raises(Exception) as error:
        harness.load(block_xml().replace('origin="real"', 'origin="true"'))
    text = harness.load(block_xml()).t.render(error.value)
    assert "origin" in text and "made-up, real" in text and text != error.value.render(), text
