"""The drill's OLX, JSON and public projection: faithful round trips, clear refusals, nothing leaked."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from crisisdrill import content
from crisisdrill.content import ContentError
from noturiba.olx import OlxError

from .drills import graphs, parse_text

SCENARIOS = sorted((Path(content.__file__).parent / "scenarios").glob("*.xml"))
OLX_MD_EXAMPLE = """<crisisdrill url_name="x" display_name="Elektrības pārrāvums" start="dark"
             mode="assessment" max_attempts="3" pass="0.7" timer="on">
  <intro>Tu esi mājās.</intro>
  <variable id="water" label="Ūdens (l)" initial="2" min="0" max="30"/>
  <variable id="battery" label="Baterija" initial="50" min="0" max="100"/>
  <step id="dark" time_limit="45" timeout="wait">
    <text>Pulksten 19:40 pazūd elektrība visā kvartālā ...</text>
    <choice id="radio" goto="kit" points="2" effects="battery-=5">
      <label>Ieslēgt bateriju radio un klausīties LR1</label>
      <feedback>Labi. <source href="https://example.org/a" title="Avots"/></feedback>
    </choice>
    <choice id="candles" goto="fire" points="0" critical="true">Aizdegt sveces</choice>
  </step>
  <step id="wait"><text>Gaidi.</text><choice id="w" goto="kit"><label>Tālāk</label></choice></step>
  <checklist id="kit" goto="siren" capacity="12" text="Sapako 72 stundu somu &amp; dodies">
    <option id="water6l" size="6" required="true">Ūdens 6 l</option>
    <option id="gas-heater" size="3" harmful="true">Gāzes sildītājs telpām</option>
  </checklist>
  <order id="siren" goto="safe">
    <text>Dzirdi sirēnu. Sakārto darbības secībā.</text>
    <option id="inside">Dodies iekštelpās</option>
    <option id="radio-on">Ieslēdz radio</option>
  </order>
  <ending id="safe" rating="good"><text>Labi.</text></ending>
  <ending id="fire" rating="bad"><text>Ugunsgrēks.</text></ending>
  <debrief>Oficiālie ieteikumi <source href="https://example.org/b" title="B"/></debrief>
</crisisdrill>"""


def round_trip(model):
    node = content.to_node(model, etree.Element("crisisdrill"))
    return content.parse(etree.fromstring(etree.tostring(node)))


def test_the_olx_md_example_is_read_as_written():
    model = parse_text(OLX_MD_EXAMPLE)
    assert [n.id for n in model.nodes] == ["dark", "wait", "kit", "siren", "safe", "fire"]
    dark = model.node("dark")
    assert (dark.time_limit, dark.timeout) == (45, "wait")
    radio, candles = dark.choices
    assert radio.effects == (content.Effect("battery", "-=", 5),) and radio.points == 2
    assert radio.sources == (("https://example.org/a", "Avots"),) and "source" not in radio.feedback
    assert candles.critical and candles.label == "Aizdegt sveces"
    kit = model.node("kit")
    assert kit.capacity == 12 and kit.text == "Sapako 72 stundu somu &amp; dodies"
    assert [o.id for o in model.node("siren").options] == ["inside", "radio-on"]
    assert model.timer and model.mode == "assessment"
    assert content.validate(model) == []
    assert round_trip(model) == model


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_every_scenario_round_trips_through_olx_and_json(path):
    model = parse_text(path.read_text(encoding="utf-8"))
    assert round_trip(model) == model
    data = content.to_json(model)
    assert content.from_json(json.loads(json.dumps(data))) == model


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_random_drills_round_trip(model):
    assert round_trip(model) == model
    assert content.from_json(json.loads(json.dumps(content.to_json(model)))) == model


@pytest.mark.parametrize(("xml", "named"), [
    ('<crisisdrill><step id="a"><text>x</text><choice goto="b"><label>l</label></choice></step></crisisdrill>', "id"),
    ('<crisisdrill><step id="a"><text>x</text><choice id="c" goto="e" effects="water*=2"><label>l</label>'
     '</choice></step><ending id="e"><text>x</text></ending></crisisdrill>', "water*=2"),
    ('<crisisdrill><step id="a"><text>x</text><choice id="c" goto="e" requires="water=>2"><label>l</label>'
     '</choice></step><ending id="e"><text>x</text></ending></crisisdrill>', "water=>2"),
    ('<crisisdrill><step id="a"><choice id="c" goto="e"><label>l</label></choice></step></crisisdrill>', "text"),
    ('<crisisdrill><ending id="e" rating="great"><text>x</text></ending></crisisdrill>', "rating"),
    ('<crisisdrill><step id="a"><text>x</text><choice id="c" goto="e" points="-1"><label>l</label>'
     '</choice></step></crisisdrill>', "points"),
    ('<crisisdrill><step id="a"><text>x</text><choice id="c" goto="a"><label>l</label><bogus/></choice>'
     '</step></crisisdrill>', "bogus"),
    ('<crisisdrill mode="survey"><ending id="e"><text>x</text></ending></crisisdrill>', "mode"),
])
def test_bad_olx_is_refused_naming_the_problem_and_line(xml, named):
    with pytest.raises(OlxError) as caught:
        parse_text(xml)
    assert named in str(caught.value)
    assert caught.value.line


def test_effects_and_conditions_parse_and_clamp():
    effects = content.parse_effects("water-=1; battery = 5, helped+=2")
    assert [e.text() for e in effects] == ["water-=1", "battery=5", "helped+=2"]
    variables = (content.Variable("water", "W", 1, 0, 3), content.Variable("battery", "B", 0, 0, 4),
                 content.Variable("helped", "H", 2, 0, 3))
    assert content.apply_effects(effects, {"water": 0, "battery": 0, "helped": 2}, variables) == {
        "water": 0, "battery": 4, "helped": 3}
    condition = content.parse_condition("water>=3")
    assert condition.holds({"water": 3}) and not condition.holds({"water": 2})
    with pytest.raises(ContentError):
        content.parse_effects("water")


@pytest.mark.parametrize("bad", [
    None, [], {"nodes": []}, {"nodes": [{"kind": "step"}]}, {"nodes": [{"kind": "dance", "id": "a"}]},
    {"nodes": [{"kind": "ending", "id": "a", "text": 5}]}, {"nodes": [{"kind": "ending", "id": "a b"}]},
    {"nodes": [{"kind": "step", "id": "a", "text": "", "choices": [{"id": "c", "goto": "a", "label": "x",
                                                                 "points": "many"}]}]},
    {"nodes": [{"kind": "ending", "id": "a"}, {"kind": "ending", "id": "a"}]},
    {"mode": "survey", "nodes": [{"kind": "ending", "id": "a"}]},
])
def test_malformed_editor_json_is_a_content_error_never_a_crash(bad):
    with pytest.raises(ContentError) as caught:
        content.from_json(bad)
    assert caught.value.render()


def test_public_projection_holds_no_answers():
    model = parse_text(OLX_MD_EXAMPLE)
    text = json.dumps(content.public(model), ensure_ascii=False)
    for secret in ("goto", "points", "critical", "feedback", "harmful", "required", "Labi.", "example.org",
                   "fire", "Ugunsgrēks"):
        assert secret not in text, secret
    checklist = content.public_node(model, model.node("kit"), {}, learner="k", round_=7)
    assert set(checklist["options"][0]) == {"id", "label", "size"}


def test_choices_with_unmet_requirements_are_not_offered():
    xml = OLX_MD_EXAMPLE.replace('<choice id="w" goto="kit">', '<choice id="w" goto="kit" requires="water>=5">')
    xml = xml.replace("<text>Gaidi.</text>", '<text>Gaidi.</text><choice id="w2" goto="kit"><label>x</label></choice>')
    model = parse_text(xml)
    wait = model.node("wait")
    assert [c.id for c in content.offered_choices(wait, {"water": 2})] == ["w2"]
    assert [c.id for c in content.offered_choices(wait, {"water": 5})] == ["w2", "w"]


def test_images_without_alt_warn_but_do_not_refuse():
    model = parse_text(OLX_MD_EXAMPLE.replace("<text>Labi.</text>", '<text>Labi.<img src="/static/a.png"/></text>'))
    problems = content.validate(model)
    assert [p.severity for p in problems] == ["warning"] and problems[0].node_id == "safe"


def test_escaped_text_and_an_exported_namespace_round_trip_exactly():
    xml = ('<crisisdrill xmlns:block="http://example.org/block" display_name="x">'
           '<step id="a"><text>Tom &amp; Jerry &lt;b&gt; <strong>R&amp;D</strong> a&lt;b</text>'
           '<choice id="c" goto="e"><label>1 &lt; 2</label><feedback>A &amp; B <source href="https://example.org/a"/>'
           ' tail &gt;</feedback></choice></step><ending id="e"><text>x</text></ending></crisisdrill>')
    model = parse_text(xml)
    step = model.node("a")
    assert step.text == "Tom &amp; Jerry &lt;b&gt; <strong>R&amp;D</strong> a&lt;b"
    assert "xmlns" not in step.text
    choice = step.choices[0]
    assert choice.label == "1 &lt; 2" and choice.feedback == "A &amp; B  tail &gt;"
    assert choice.sources == (("https://example.org/a", "https://example.org/a"),)
    assert round_trip(model) == model
    assert round_trip(round_trip(model)) == model


def test_control_characters_pasted_into_the_editor_are_dropped():
    data = content.to_json(parse_text(OLX_MD_EXAMPLE))
    data["intro"] = "Tu esi\x00 mājās.\x0b\ud800"
    data["nodes"][0]["choices"][0]["label"] = '<a href="java\x00script:alert(1)">x</a>'
    model = content.from_json(data)
    assert model.intro == "Tu esi mājās."
    assert model.node("dark").choices[0].label == '<a href="javascript:alert(1)">x</a>'
    assert round_trip(model) == model, "what was saved can be exported as OLX"


def test_html_pasted_into_the_editor_is_repaired_into_markup_and_keeps_what_a_page_shows():
    data = content.to_json(parse_text(OLX_MD_EXAMPLE))
    data["intro"] = ("<p>Tu esi mājās<br>un <strong>svarīgi</strong> & <img src=x onerror=alert(1)> "
                     "<script>alert(1)</script>")
    data["nodes"][0]["text"] = "<p>Labi formēts &amp; paliek, kā rakstīts.</p>"
    model = content.from_json(data)
    assert model.intro == '<p>Tu esi mājās<br/>un <strong>svarīgi</strong> &amp; <img src="x"/> </p>'
    assert model.node("dark").text == "<p>Labi formēts &amp; paliek, kā rakstīts.</p>"
    assert round_trip(model) == model


def test_a_size_written_into_a_checklist_label_warns_so_it_does_not_show_twice():
    from dataclasses import replace

    from .drills import checklist, drill, ending, option
    twice = replace(option("water", size=3), label="Ūdens <em>(3 vienības)</em>")
    plain = replace(option("radio", size=2), label="Radio (2023. gada modelis)")
    one = replace(option("torch", size=1), label="Lukturis (12 V)")
    model = drill(checklist("pack", "end", twice, plain, one, capacity=6), ending("end"))
    warned = [p for p in content.validate(model) if "twice" in p.message.render()]
    assert len(warned) == 1 and warned[0].severity == "warning" and "water" in warned[0].message.render()
