"""Hardened OLX parsing: bad input is refused with a located message, quickly, expanding nothing."""

import time

import pytest
from lxml import etree

from noturiba import olx
from noturiba.olx import OlxError, parse_string
from noturiba.sources import read_sources


def refused(text):
    started = time.perf_counter()
    with pytest.raises(OlxError) as caught:
        parse_string(text)
    assert time.perf_counter() - started < 1.0, "refusing bad OLX must be quick"
    return caught.value


def test_internal_entity_is_refused_and_not_expanded():
    error = refused('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret "EXPANDED">]>\n'
                    '<mediacheck><item id="a">&secret;</item></mediacheck>')
    assert error.line == 2
    assert "DTD" in str(error)
    assert "EXPANDED" not in str(error)


def test_billion_laughs_is_refused_quickly():
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    error = refused(f'<!DOCTYPE l [<!ENTITY l0 "lol">{lol}]><civicquiz>&l9;</civicquiz>')
    assert "DTD" in str(error)


def test_external_entity_and_dtd_are_refused():
    error = refused('<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd"><crisisdrill/>')
    assert error.line == 1
    error = refused('<!DOCTYPE x [<!ENTITY f SYSTEM "file:///etc/passwd">]>\n<crisisdrill>&f;</crisisdrill>')
    assert "root:" not in str(error)


def test_entity_reference_left_in_a_parsed_tree_is_refused():
    parser = etree.XMLParser(resolve_entities=False)
    root = etree.fromstring(b'<!DOCTYPE x [<!ENTITY e "v">]><a><b id="q">&e;</b></a>', parser)
    with pytest.raises(OlxError, match="DTD"):
        olx.check_tree(root)


def test_a_10_mb_attribute_is_refused_with_its_line():
    error = refused('<mediacheck>\n<item id="big" title="' + "x" * 10_000_000 + '"/></mediacheck>')
    assert error.line == 1
    assert "limit" in str(error)


def test_a_long_attribute_under_the_byte_limit_names_element_id_and_line():
    error = refused('<mediacheck>\n\n<item id="big" note="' + "x" * 30_000 + '"/></mediacheck>')
    assert (error.element, error.element_id, error.line) == ("item", "big", 3)
    assert 'Line 3, <item id="big">' in str(error)
    assert "note" in str(error)


def test_deep_nesting_is_refused():
    error = refused("<a>" + "<b>" * 200 + "</b>" * 200 + "</a>")
    assert "nested deeper" in str(error)


def test_xinclude_is_refused_not_resolved():
    error = refused('<mediacheck xmlns:xi="http://www.w3.org/2001/XInclude">\n'
                    '<xi:include href="/etc/passwd" parse="text"/></mediacheck>')
    assert error.line == 2
    assert "XInclude" in str(error)


def test_malformed_xml_names_the_line():
    error = refused("<civicquiz>\n<question id='a'>\n</civicquiz>")
    assert error.line == 3
    assert str(error) == "Line 3: The <question> element opened on line 2 is not closed before </civicquiz>."


@pytest.mark.parametrize(("text", "line", "explanation"), [
    ('<crisisdrill>\n<step id="a">\n', 3, "The <step> element opened on line 2 is not closed: the OLX ends before "
                                          "its </step>."),
    ("<a>\n<step></a>", 2, "The <step> element opened on line 2 is not closed before </a>."),
    ("<a>\nR&D</a>", 2, "The character & must be written as &amp; in OLX text and attributes."),
    ("<a>Tom & Jerry</a>", 1, "The character & must be written as &amp; in OLX text and attributes."),
    ("<a>\n<b id=x/></a>", 2, 'An attribute value must be in quotes, for example id="step1".'),
    ('<a>\n\n<b id="1" id="2"/></a>', 3, "The attribute id is given twice in one element."),
    ("<a>\x01</a>", 1, "The text holds a character XML does not allow (an invisible control character); "
                       "delete it."),
    ("<a>1 < 2</a>", 1, "A < starts a tag, but no element name follows it; in text write < as &lt;."),
    ("", 1, "The OLX is empty or does not start with an element."),
    ("<a/><b/>", 1, "There is more after the closing tag of the root element; everything must be inside one "
                    "root element."),
])
def test_parser_errors_are_explained_with_their_line(text, line, explanation):
    error = refused(text)
    assert (error.line, error.message.render()) == (line, explanation)
    assert str(error) == f"Line {line}: {explanation}"


def test_parser_errors_are_translated_and_never_libxml2_english():
    catalog = {"Line {line}:": "Rinda {line}:",
               "The <{tag}> element opened on line {opened} is not closed: the OLX ends before its </{tag}>.":
               "Elements <{tag}> ({opened}. rinda) nav aizvērts: OLX beidzas pirms </{tag}>."}
    error = refused('<crisisdrill>\n<step id="a">')
    assert error.render(lambda msgid: catalog.get(msgid, msgid)) == \
        "Rinda 2: Elements <step> (2. rinda) nav aizvērts: OLX beidzas pirms </step>."
    for text in ('<a b="x></a>', "<a><!-- x</a>", "<a><b</a>", "<?xml version='2'?><a/>", "<a></b>"):
        rendered = str(refused(text))
        assert rendered.startswith("Line 1: ")
        for raw in ("Premature", "mismatch", "AttValue", "EntityRef", "StartTag", "expected", "column"):
            assert raw not in rendered, (text, rendered)


def test_readers_report_unknown_elements_and_duplicate_ids_with_location():
    root = parse_string('<drill>\n<step id="a"/>\n<step id="a"/>\n<bogus/></drill>')
    with pytest.raises(OlxError) as caught:
        olx.children(root, {"step"})
    assert (caught.value.element, caught.value.line) == ("bogus", 4)
    assert "<bogus>" in str(caught.value) and "step" in str(caught.value)
    seen = set()
    steps = olx.children(root[:2][0].getparent(), {"step", "bogus"})
    olx.required_id(steps[0], seen)
    with pytest.raises(OlxError, match="used twice") as caught:
        olx.required_id(steps[1], seen)
    assert caught.value.line == 3


@pytest.mark.parametrize(("reader", "raw", "fragment"), [
    (olx.int_attr, "ten", "whole number"),
    (olx.float_attr, "nan", "must be a number"),
    (olx.bool_attr, "yes", "true or false"),
])
def test_typed_attributes_refuse_bad_values(reader, raw, fragment):
    node = parse_string(f'<item id="i" value="{raw}"/>')
    with pytest.raises(OlxError, match=fragment):
        reader(node, "value")


def test_markup_round_trips_through_inner_xml_and_append_markup():
    node = parse_string('<body>Šodien <flag id="f" note="n">PLŪDI</flag> — <em>dalies</em>!</body>')
    markup = olx.inner_xml(node)
    copy = etree.Element("body")
    olx.append_markup(copy, markup)
    assert olx.inner_xml(copy) == markup
    assert olx.inner_xml(node, skip={"flag"}) == "Šodien  — <em>dalies</em>!"


def test_sources_must_be_http_links():
    node = parse_string('<explanation>x <source href="https://likumi.lv/ta/id/57980" title="Satversme"/></explanation>')
    assert read_sources(node) == [("https://likumi.lv/ta/id/57980", "Satversme")]
    bad = parse_string('<explanation><source href="javascript:alert(1)"/></explanation>')
    with pytest.raises(OlxError, match="http"):
        read_sources(bad)
