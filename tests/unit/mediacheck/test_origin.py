"""Made up or real (issue 13), pure: the block's note, the after-answer label, the editor JSON."""

import json

from mediacheck import content, provenance

HEADLINE = '<item id="{id}" kind="{kind}" verdict="accurate"{origin}><body>Virsraksts {id}</body>{published}</item>'
PUBLISHED = '<published outlet="lsm.lv" date="2025-03-04" href="https://lsm.lv/a"/>'


def model(*items):
    xml = "".join(HEADLINE.format(id=f"i{n}", kind=kind, origin=' origin="real"' if real else "",
                                  published=PUBLISHED if real else "") for n, (kind, real) in enumerate(items))
    return content.parse(content.olx.parse_string(f"<mediacheck>{xml}</mediacheck>"))


def texts(lines):
    return [line.msgid for line in lines]


def test_the_note_depends_on_the_block_never_on_which_item_is_real():
    assert provenance.note(model(("headline", False), ("headline", False))) == []
    first, second = model(("headline", True), ("headline", False)), model(("headline", False), ("headline", True))
    assert texts(provenance.note(first)) == texts(provenance.note(second)) == [
        "Some of these are real headlines, others were made up for this exercise.",
        "After you answer, each one says which."]
    assert texts(provenance.note(model(("headline", True), ("post", False)))) == texts(
        provenance.note(model(("headline", False), ("post", True)))), "worded by all kinds, not the real ones"
    assert texts(provenance.note(model(("headline", True), ("headline", True)), promise=False)) == [
        "These are real headlines: none of them was made up for this exercise."]


def test_the_label_after_answering_names_outlet_and_date_in_the_learners_format():
    real = model(("headline", True)).items[0]
    label = provenance.after_answer(real, "lv")["label"]
    assert label.render() == "Real headline: lsm.lv, 4.03.2025"
    assert provenance.after_answer(real, "uk")["label"].render() == "Real headline: lsm.lv, 04.03.2025"
    case = model(("post", True)).items[0]
    assert provenance.after_answer(case, "en")["label"].render() == "Real case: lsm.lv, 2025-03-04"
    made_up = model(("headline", False)).items[0]
    assert provenance.after_answer(made_up, "lv")["kind"] == "made-up"


def test_origin_travels_through_the_editor_json_and_a_bad_value_is_an_error():
    mixed = model(("headline", True), ("headline", False))
    data = json.loads(json.dumps(content.to_json(mixed)))
    assert content.from_json(data) == mixed
    data["items"][0]["provenance"] = "fake"
    problems = [p.message.render() for p in content.validate(content.from_json(data)) if p.is_error]
    assert any('origin must be one of: made-up, real; not "fake"' in text for text in problems), problems
    del data["items"][1]["provenance"]
    assert content.from_json(data).items[1].provenance == "made-up", "an older editor state stays made up"
