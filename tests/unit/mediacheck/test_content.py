"""mediacheck content model: OLX round trip, JSON round trip, validation, segments, public projection."""

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mediacheck import content
from noturiba.olx import OlxError, parse_string

SCENARIOS = sorted((entry.name, entry.read_text(encoding="utf-8"))
                   for entry in resources.files("mediacheck").joinpath("scenarios").iterdir()
                   if entry.name.endswith(".xml"))


def load(xml):
    return content.parse(parse_string(xml))


def export(model):
    return etree.tostring(content.to_node(model, etree.Element("mediacheck")), encoding="unicode")


@pytest.mark.parametrize(("name", "xml"), SCENARIOS)
def test_scenarios_round_trip_through_olx_and_json(name, xml):
    model = load(xml)
    assert load(export(model)) == model
    assert content.from_json(json.loads(json.dumps(content.to_json(model)))) == model
    assert [p for p in content.validate(model) if p.is_error] == []


def test_default_scale_is_not_written_and_custom_scale_is():
    minimal = load(dict(SCENARIOS)["01-minimal.xml"])
    assert minimal.verdicts is None and "<verdicts" not in export(minimal)
    assert [v.id for v in minimal.scale][:3] == ["accurate", "misleading", "false"]
    survey = load(dict(SCENARIOS)["03-survey.xml"])
    assert [v.label for v in survey.scale] == ["Patiess", "Viltots"]
    assert "<verdicts>" in export(survey)


ITEM = ('<item id="i1" kind="{kind}" verdict="{verdict}"><body>Teksts <flag id="f1" note="n">SKAĻI!</flag> '
        'beigas.</body>{extra}</item>')


def olx(kind="post", verdict="false", extra="", head=""):
    return f"<mediacheck>{head}{ITEM.format(kind=kind, verdict=verdict, extra=extra)}</mediacheck>"


@pytest.mark.parametrize(("xml", "named"), [
    (olx(verdict="bogus"), "bogus"),
    (olx(kind="tweet"), "tweet"),
    ("<mediacheck></mediacheck>", "at least one item"),
    (olx(extra='<lead id="f1" title="x">t</lead>'), "f1"),
    (olx(extra='<lead id="l1">t</lead>'), "title"),
    (olx(extra="<body>x</body>"), "body"),
    (olx(extra="<video/>"), "video"),
    ('<mediacheck><item id="i" verdict="false"><body><flag id="a"><flag id="b">x</flag></flag></body></item>'
     "</mediacheck>", "flag"),
    ('<mediacheck><item id="i" verdict="false"/></mediacheck>', "body"),
    ('<mediacheck><item id="i"><body>x</body></item></mediacheck>', "verdict"),
    (olx(extra='<explanation>x <source href="javascript:alert(1)"/></explanation>'), "http"),
])
def test_wrong_olx_is_refused_with_element_and_line(xml, named):
    with pytest.raises(OlxError) as caught:
        load(xml)
    assert named in str(caught.value)
    assert "Line" in str(caught.value)


def test_validation_reports_studio_problems_from_json():
    model = load(olx(extra='<media src="https://x.example/a.jpg"/>'))
    warnings = [p for p in content.validate(model) if not p.is_error]
    assert len(warnings) == 1 and "alt" in str(warnings[0].message)
    data = content.to_json(model)
    data["items"][0]["verdict"] = ""
    errors = [p for p in content.validate(content.from_json(data)) if p.is_error]
    assert errors and "no verdict" in str(errors[0].message)
    data["items"] = []
    assert any("at least one item" in str(p.message) for p in content.validate(content.from_json(data)))


@pytest.mark.parametrize("bad", [None, [], {"items": 5}, {"items": [{"id": "x"}]}, {"items": [{"body": 3}]},
                                 {"items": [], "shuffle": "yes"},
                                 {"items": [{"id": "a", "body": "x", "leads": [{"id": "l"}]}]}])
def test_malformed_json_raises_content_error(bad):
    with pytest.raises(content.ContentError):
        content.from_json(bad)


def test_an_unclosed_flag_without_id_is_repaired_and_refused_by_validation():
    """Pasted markup is repaired (noturiba.editor_markup), never refused; the flag it leaves still needs an id."""
    model = content.from_json({"items": [{"id": "a", "verdict": "false", "body": "<p>Ak <flag>tā"}]})
    assert model.items[0].body == "<p>Ak <flag>tā</flag></p>"
    assert any(p.is_error and 'The id ""' in str(p.message) for p in content.validate(model))


def test_segments_are_words_with_opaque_ids_and_flags_known_only_to_the_server():
    body = ('<p>Šodien <flag id="caps">PLŪDI, VISUR!!!</flag> Skaties pats, kas notiek – tūlīt.</p>'
            '<p>Otrā rindkopa.</p>')
    paragraphs = content.segments(body)
    texts = [[s.text for s in p] for p in paragraphs]
    assert texts == [["Šodien", "PLŪDI,", "VISUR!!!", "Skaties", "pats,", "kas", "notiek –", "tūlīt."],
                     ["Otrā", "rindkopa."]]
    ids = [s.id for p in paragraphs for s in p]
    assert ids == [f"s{i}" for i in range(10)]
    assert {k for k, v in content.segment_flags(body).items() if v} == {"s1", "s2"}


def test_segments_do_not_show_where_the_flags_are():
    """Issue 18 (8): segments were cut at flag boundaries, so the buttons showed where flags were."""
    text = "Šodien PLŪDI APPLUDINĀJA VISU VECRĪGU!!! Skaties pats, kas notiek pilsētas centrā."
    words = text.split()
    bodies = [f"<p>{text}</p>"]
    for start, end in ((1, 5), (2, 3), (5, 9), (0, 1), (7, 10)):
        marked = " ".join(words[:start] + [f'<flag id="f" note="n">{" ".join(words[start:end])}</flag>']
                          + words[end:])
        bodies.append(f"<p>{marked}</p>")
    shown = {repr([[(s.id, s.text, s.gap) for s in p] for p in content.segments(body)]) for body in bodies}
    assert len(shown) == 1


def test_a_latvian_date_and_a_grouped_number_are_one_button_wherever_the_flags_are():
    """Issue 14 (4): "1997." and "gada" were two markable chips; the rule reads the text, never the flags."""
    text = "Kopš 1997. gada 4. marts savāca 10 000 parakstu. Notika 2020. Tad viss."
    words = text.split()
    bodies = [f"<p>{text}</p>"] + [
        "<p>" + " ".join(words[:start] + [f'<flag id="f" note="n">{" ".join(words[start:end])}</flag>']
                         + words[end:]) + "</p>"
        for start, end in ((1, 2), (2, 3), (3, 5), (6, 7), (7, 8), (9, 11))]
    shown = {repr([[(s.id, s.text, s.gap) for s in p] for p in content.segments(body)]) for body in bodies}
    assert len(shown) == 1
    texts = [s.text for p in content.segments(bodies[0]) for s in p]
    assert texts == ["Kopš", "1997.\u00a0gada", "4.\u00a0marts", "savāca", "10\u00a0000", "parakstu.",
                     "Notika", "2020.", "Tad", "viss."]
    grouped = [s.text for p in content.segments("<p>Cena 5\u00a0000 eiro</p>") for s in p]
    assert grouped == ["Cena", "5\u00a0000", "eiro"]


def test_public_projection_holds_no_answers():
    model = load(dict(SCENARIOS)["01-minimal.xml"])
    text = json.dumps(content.public(model), ensure_ascii=False)
    for item in model.items:
        for flag in item.flags:
            assert flag.note not in text and f'"{flag.id}"' not in text
        for lead in item.leads:
            assert lead.body not in text
    assert "useful" not in text and "explanation" not in text and '"verdict"' not in text
    assert content.public(model)["items"][0]["origin"]["domain"] == "rigas-zinas24.example"


WORD = st.text(alphabet="abcdēšūžAB ", min_size=1, max_size=12).map(lambda s: " ".join(s.split())).filter(bool)


@st.composite
def models(draw):
    items = []
    counter = 0
    for index in range(draw(st.integers(1, 4))):
        parts = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(WORD).strip()
            if draw(st.booleans()):
                counter += 1
                parts.append(f'<flag id="f{counter}" note="{draw(WORD)}">{words}</flag>')
            else:
                parts.append(words + draw(st.sampled_from([".", ",", "!", ""])))
        leads = tuple(content.Lead(f"l{index}-{n}", draw(st.booleans()), "Virsraksts", draw(WORD))
                      for n in range(draw(st.integers(0, 3))))
        items.append(content.Item(f"i{index}", draw(st.sampled_from(content.KINDS)),
                                  draw(st.sampled_from(["accurate", "false", "misleading"])),
                                  " ".join(parts), None, None, leads))
    return content.MediaCheck(draw(st.sampled_from(content.MODES)), draw(st.booleans()), draw(st.booleans()),
                              None, tuple(items))


@settings(max_examples=60, deadline=None)
@given(models())
def test_property_round_trips_and_segments_cover_every_flag(model):
    assert load(export(model)) == model
    assert content.from_json(json.loads(json.dumps(content.to_json(model)))) == model
    for item in model.items:
        owners = content.segment_flags(item.body)
        assert {flag.id for flag in item.flags} == {flag for flag in owners.values() if flag}
        assert list(owners) == [f"s{i}" for i in range(len(owners))]
