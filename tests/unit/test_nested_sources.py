"""A <source> an author nests in a paragraph of an explanation, feedback or debrief is shown, not lost.

Studio's editor and hand-written OLX wrap text in <p>; the learner must still get the source link,
and no empty paragraph may be left where the source stood.
"""

import pytest
from lxml import etree

from civicquiz import content as quiz
from crisisdrill import content as drill
from mediacheck import content as media
from noturiba import olx
from noturiba.sources import read_sources

A = ("https://a.example/lv", "Avots A")
B = ("https://b.example/lv", "Avots B")
NESTED = ('<p>Skaidrojums. <source href="https://a.example/lv" title="Avots A"/></p>'
          '<p><source href="https://b.example/lv" title="Avots B"/></p>')


def _parse(api, text):
    return api.parse(olx.parse_string(text))


def _round_trip(api, model, tag):
    written = api.to_node(model, etree.Element(tag))
    for source in written.iter("source"):
        assert olx.local_name(source.getparent().tag) in {"explanation", "feedback", "debrief"}
    return api.parse(olx.parse_string(etree.tostring(written, encoding="unicode")))


def test_civicquiz_explanation_shows_nested_sources_and_keeps_no_empty_paragraph():
    model = _parse(quiz, f"""<civicquiz><question id="q" type="single"><prompt>Jautājums?</prompt>
        <option id="a" correct="true">Jā</option><option id="b">Nē</option>
        <explanation>{NESTED}</explanation></question></civicquiz>""")
    question = model.questions[0]
    assert question.sources == (A, B)
    assert question.explanation == "<p>Skaidrojums.</p>"
    assert _round_trip(quiz, model, "civicquiz") == model


def test_mediacheck_explanation_shows_nested_sources_and_keeps_no_empty_paragraph():
    model = _parse(media, f"""<mediacheck><item id="i1" verdict="accurate"><body>Ziņa.</body>
        <explanation>{NESTED}</explanation></item></mediacheck>""")
    item = model.items[0]
    assert item.sources == (A, B)
    assert item.explanation == "<p>Skaidrojums.</p>"
    assert _round_trip(media, model, "mediacheck") == model


def test_crisisdrill_feedback_and_debrief_show_nested_sources_and_keep_no_empty_paragraph():
    model = _parse(drill, f"""<crisisdrill>
      <step id="s1"><text>Kas jādara?</text>
        <choice id="c1" goto="k1"><label>Zvanīt 112</label><feedback>{NESTED}</feedback></choice></step>
      <checklist id="k1" goto="o1"><text>Soma</text><option id="w">Ūdens</option>
        <feedback>{NESTED}</feedback></checklist>
      <order id="o1" goto="e1"><text>Secība</text><option id="x">Pirmais</option><option id="y">Otrais</option>
        <feedback>{NESTED}</feedback></order>
      <ending id="e1"><text>Beigas.</text></ending>
      <debrief>{NESTED}</debrief></crisisdrill>""")
    choice, checklist, order = model.nodes[0].choices[0], model.nodes[1], model.nodes[2]
    for markup, sources in ((choice.feedback, choice.sources), (checklist.feedback, checklist.sources),
                            (order.feedback, order.sources), (model.debrief, model.debrief_sources)):
        assert sources == (A, B)
        assert markup == "<p>Skaidrojums.</p>"
    assert _round_trip(drill, model, "crisisdrill") == model


def test_deeper_nesting_and_text_around_the_source_are_kept():
    node = olx.parse_string('<explanation><ul><li>Viens <source href="https://a.example/lv" title="Avots A"/>'
                            'un divi.</li></ul><p> <source href="https://b.example/lv"/> </p></explanation>')
    assert read_sources(node) == [A, ("https://b.example/lv", "https://b.example/lv")]
    assert olx.inner_xml(node, skip={"source"}) == "<ul><li>Viens un divi.</li></ul>"


def test_a_paragraph_the_author_left_empty_is_not_the_sources_to_remove():
    node = olx.parse_string('<feedback><p/>Teksts<p><source href="https://a.example/lv"/></p></feedback>')
    assert olx.inner_xml(node, skip={"source"}) == "<p/>Teksts"


def test_a_nested_source_with_a_bad_link_is_refused_on_its_line():
    with pytest.raises(olx.OlxError) as raised:
        read_sources(olx.parse_string('<explanation>\n<p><source href="javascript:alert(1)"/></p>'
                                          '</explanation>'))
    assert raised.value.line == 2 and raised.value.element == "source"


@pytest.mark.parametrize("api, text", [
    (quiz, '<civicquiz><question id="q" type="truefalse" answer="true"><prompt><p>Vai? '
           '<source href="https://a.example/lv"/></p></prompt></question></civicquiz>'),
    (media, '<mediacheck><item id="i1" verdict="accurate"><body><p>Ziņa '
            '<source href="https://a.example/lv"/></p></body></item></mediacheck>'),
    (drill, '<crisisdrill><step id="s1"><text><p>Kas? <source href="https://a.example/lv"/></p></text>'
            '<choice id="c1" goto="e1"><label>Zvanīt</label></choice></step>'
            '<ending id="e1"><text>Beigas.</text></ending></crisisdrill>'),
])
def test_a_source_where_no_source_is_shown_is_an_error_that_names_the_places(api, text):
    with pytest.raises(olx.OlxError) as raised:
        _parse(api, text)
    assert raised.value.element == "source"
    assert "explanation" in raised.value.render()
