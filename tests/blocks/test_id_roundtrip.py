"""Every id the Studio JSON editor accepts survives OLX export and import; the others are refused with 400.

For each id of each package scenario (questions, options, items, pairs, steps, choices, variables,
items, flags' hosts, leads ...) a set of candidate values: when from_json and validate accept the
content, its OLX must import again to the same content; when OLX import would refuse the id, the
save_content handler answers 400 with a translated message and stores nothing.
"""

import copy

import pytest
from lxml import etree
from xblock.core import XBlock

from noturiba.olx import OlxError, parse_string

from .conftest import BLOCK_TYPES, package_scenarios

CANDIDATES = ["a", " padded ", "x" * 100, "x" * 101, "ā", "a b", "a\n", "1", "-", ".", ":", "a/b", "", "A.b:c-d_e",
              "\t", "<x>", "a&b", "a\"b"]


def id_paths(value, path=()):
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "id" and isinstance(child, str):
                yield (*path, key)
            else:
                yield from id_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from id_paths(child, (*path, index))


def replaced(data, path, value):
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def accepted(api, data):
    try:
        model = api.from_json(data)
    except ValueError:
        return None
    return None if any(p.is_error for p in api.validate(model)) else model


def reimported(api, model):
    node = etree.Element(api.TAG)
    api.to_node(model, node)
    return api.to_json(api.parse(parse_string(etree.tostring(node, encoding="unicode"))))


def cases(block_type):
    api = XBlock.load_class(block_type).content_api
    for name, xml in package_scenarios(block_type):
        base = api.to_json(api.parse(parse_string(xml)))
        paths = list(id_paths(base))
        ids = {tuple(path): value for path in paths for value in [_get(base, path)]}
        for path in paths:
            others = sorted({value for other, value in ids.items() if other != tuple(path)})[:20]
            for candidate in CANDIDATES + others:  # others: an id used elsewhere in the block
                yield name, path, candidate, replaced(base, path, candidate)


def _get(data, path):
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_every_id_the_json_editor_accepts_survives_export_and_import(block_type):
    api = XBlock.load_class(block_type).content_api
    broken = []
    for name, path, candidate, data in cases(block_type):
        model = accepted(api, data)
        if model is None:
            continue
        try:
            if reimported(api, model) != api.to_json(model):
                broken.append((name, path, candidate, "changed"))
        except OlxError as error:
            broken.append((name, path, candidate, str(error)[:120]))
    assert broken == []


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_an_id_olx_import_refuses_is_refused_by_save_content_with_a_translated_400(harness, latvian, block_type):
    """In Latvian (set here: an earlier test may leave another language active), the refusal is Latvian."""
    name, xml = package_scenarios(block_type)[0]
    block = harness.load(xml)
    before = harness.export(block)
    api = block.content_api
    path = next(id_paths(api.to_json(block.model)))
    for candidate in ("a b", "ā", "x" * 101, ""):
        status, body = harness.call(block, "save_content", {
            "display_name": "Cits", "content": replaced(api.to_json(block.model), path, candidate)})
        assert status == 400, (candidate, body)
        assert body["error"] and not body["error"].startswith(("The ", "Every ")), body  # Latvian, not English
    assert harness.export(harness.reload(block)) == before
