"""Hardened OLX parsing: bad input is refused with a located message, quickly, expanding nothing."""

import time

import pytest
from lxml import etree

from noturiba import olx
from noturiba.olx import OlxError, parse_string


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
    assert "not well-formed" in str(error)


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
    assert olx.read_sources(node) == [("https://likumi.lv/ta/id/57980", "Satversme")]
    bad = parse_string('<explanation><source href="javascript:alert(1)"/></explanation>')
    with pytest.raises(OlxError, match="http"):
        olx.read_sources(bad)
