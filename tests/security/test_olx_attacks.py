"""Hostile OLX, through course import (the runtime's parser) and through Studio's OLX editor.

Nothing is resolved (no entity text, no file, no network), every refusal names a
line, and each attempt finishes in bounded time and memory.
"""

import resource
import time

import pytest
from lxml import etree

from noturiba.olx import OlxError

from ..blocks.conftest import BLOCK_TYPES, Harness, package_scenarios

SECRET_FILE = "/etc/hostname"


def minimal(block_type):
    return package_scenarios(block_type)[0][1]


def with_prologue(xml, prologue, body_entity):
    """`xml` with a DOCTYPE prologue and an entity reference inside the root's first text."""
    head, rest = xml.split(">", 1)
    return f"{prologue}\n{head}>{body_entity}{rest}"


def attacks(block_type):
    xml = minimal(block_type)
    root = etree.fromstring(xml.encode())
    laughs = '<!DOCTYPE x [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    deep = etree.fromstring(etree.tostring(root))
    node = deep
    for _ in range(200):
        node = etree.SubElement(node, "p")
    wide = etree.fromstring(etree.tostring(root))
    wide.set("data-x", "y" * 5_000_000)
    return {
        "internal entity": with_prologue(xml, '<!DOCTYPE x [<!ENTITY e "INJECTED">]>', "&e;"),
        "external entity (file)": with_prologue(
            xml, f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{SECRET_FILE}">]>', "&e;"),
        "external entity (network)": with_prologue(
            xml, '<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/evil">]>', "&e;"),
        "parameter entity": with_prologue(
            xml, '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>', ""),
        "external DTD": with_prologue(xml, '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd">', ""),
        "billion laughs": with_prologue(xml, laughs, "&j;"),
        "XInclude": xml.replace(">", ' xmlns:xi="http://www.w3.org/2001/XInclude">'
                                     f'<xi:include href="file://{SECRET_FILE}" parse="text"/>', 1),
        "deep nesting": etree.tostring(deep, encoding="unicode"),
        "5 MB attribute": etree.tostring(wide, encoding="unicode"),
    }


def secret():
    try:
        with open(SECRET_FILE, encoding="utf-8") as handle:
            return handle.read().strip() or None
    except OSError:
        return None


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_course_import_path_resolves_nothing_and_names_the_line(db, block_type):
    hostname = secret()
    for name, xml in attacks(block_type).items():
        before = peak_rss_mb()
        started = time.perf_counter()
        with pytest.raises((OlxError, etree.XMLSyntaxError)) as caught:
            Harness().load(xml)
        assert time.perf_counter() - started < 2.0, name
        assert peak_rss_mb() - before < 200, f"{name}: memory grew too much"
        message = str(caught.value)
        assert "INJECTED" not in message and "lollol" not in message, name
        assert not hostname or hostname not in message, name
        assert "line" in message.lower(), f"{name}: {message}"


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_studio_olx_editor_refuses_attacks_and_keeps_the_saved_content(harness, block_type):
    block = harness.load(minimal(block_type))
    saved = block.model_json
    hostname = secret()
    for name, xml in attacks(block_type).items():
        started = time.perf_counter()
        status, body = harness.call(block, "save_olx", {"display_name": "X", "olx": xml})
        assert time.perf_counter() - started < 2.0, name
        assert status == 400, f"{name}: {status} {body}"
        assert body["error"], name
        assert "INJECTED" not in body["error"] and (not hostname or hostname not in body["error"]), name
    assert harness.reload(block).model_json == saved
