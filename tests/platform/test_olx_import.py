"""Courses and scenarios survive the platform's course import, and so does our own export.

Emulates xmodule/modulestore/xml.py: the course import parses every file with
`etree.XMLParser(dtd_validation=False, load_dtd=False, remove_blank_text=True)` (also set as
lxml's default parser there), then hands each in-line block element to the block class's
parse_xml (XMLParsingModuleStoreRuntime.xblock_from_node). remove_blank_text drops whitespace-only
text between elements ("...ņem!</flag> <flag>Pilsētas" became "...ņem!Pilsētas") unless
xml:space="preserve" is in scope.
"""

import io
import json
import re

import pytest
from lxml import etree
from workbench.runtime import WorkbenchRuntime

from noturiba.olx import import_parser
from tests.security.secrets import every_block

BLOCKS = every_block()
BLOCK_LEVEL = r"p|ul|ol|li|div|h[1-6]|blockquote|table|thead|tbody|tr|td|th|figure|figcaption|dl|dt|dd"


def imported(xml):
    """The block as the course import builds it from `xml`."""
    runtime = WorkbenchRuntime("importer")
    node = etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, import_parser())
    return runtime.get_block(runtime._usage_id_from_node(node, None))


def written(xml):
    """The block as an author wrote it: every character of the file kept."""
    runtime = WorkbenchRuntime("author")
    node = etree.fromstring(xml.encode("utf-8"), etree.XMLParser())
    return runtime.get_block(runtime._usage_id_from_node(node, None))


def text_of(content):
    """The content as readers get it: whitespace next to block-level tags does not show."""
    dumped = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return re.sub(rf"\s*(</?(?:{BLOCK_LEVEL})\b[^>]*>)\s*", r"\1", dumped.replace("\\n", "\n"))


@pytest.mark.parametrize(("label", "block_type", "xml"), BLOCKS, ids=[label for label, _t, _x in BLOCKS])
def test_import_keeps_every_word_apart(db, label, block_type, xml):
    assert text_of(imported(xml).model_json) == text_of(written(xml).model_json)


@pytest.mark.parametrize(("label", "block_type", "xml"), BLOCKS, ids=[label for label, _t, _x in BLOCKS])
def test_an_exported_block_imports_with_the_same_content(db, label, block_type, xml):
    block = written(xml)
    out = io.BytesIO()
    block.runtime.export_to_xml(block, out)
    assert text_of(imported(out.getvalue()).model_json) == text_of(block.model_json)


def test_a_block_saved_in_studio_without_xml_space_still_exports_its_spaces(db):
    """Studio keeps the space (its OLX editor parses every character); the export must carry it."""
    label, _type, xml = next(entry for entry in BLOCKS if entry[0].endswith("pil-mc-elect"))
    bare = xml.replace(' xml:space="preserve"', "")
    assert bare != xml
    assert text_of(imported(bare).model_json) != text_of(written(bare).model_json)  # the loss, reproduced
    block = written(bare)
    out = io.BytesIO()
    block.runtime.export_to_xml(block, out)
    assert b'xml:space="preserve"' in out.getvalue()
    assert text_of(imported(out.getvalue()).model_json) == text_of(block.model_json)


@pytest.mark.parametrize("block_type", ["mediacheck", "crisisdrill", "civicquiz"])
def test_a_course_exported_with_a_block_not_configured_yet_imports_again(db, block_type):
    """Studio makes new blocks from field defaults; a course export then holds one with no content."""
    runtime = WorkbenchRuntime("author")
    new = runtime.get_block(runtime._usage_id_from_node(etree.Element(block_type), None))
    assert not new.is_configured()
    out = io.BytesIO()
    new.runtime.export_to_xml(new, out)
    again = imported(out.getvalue())
    assert not again.is_configured() and again.model_json == {}
    assert again.validate().to_json()["summary"]["type"] == "not-configured"
