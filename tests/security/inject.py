"""Put the XSS corpus into every author text of a block's OLX, as markup where XML allows, else as text."""

import json

from lxml import etree

from .payloads import ALLOWED_MARKUP, PAYLOADS

# Elements docs/OLX.md calls rich text: they take markup. Everything else with text takes the payloads as text.
RICH_TEXT = {"body", "text", "prompt", "explanation", "feedback", "intro", "label", "debrief", "lead", "option",
             "item", "left", "right", "verdict", "card"}
TEXT_ATTRIBUTES = {"title", "note", "name", "handle", "alt", "low", "high", "display_name", "label", "text"}


def xml_safe(text):
    """XML 1.0 cannot carry NUL or other C0 control characters (OLX never holds them)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def well_formed(payload):
    try:
        etree.fromstring(f"<w>{payload}</w>")
        return True
    except etree.XMLSyntaxError:
        return False


MARKUP = [xml_safe(p) for p in PAYLOADS if well_formed(xml_safe(p))]
TEXT = " ".join(xml_safe(p) for p in PAYLOADS if not well_formed(xml_safe(p)))
ATTRIBUTE_TEXT = " ".join(xml_safe(p) for p in PAYLOADS[:40])


def _append_markup(node, markup):
    wrapper = etree.fromstring(f"<w>{markup}</w>")
    if len(node):
        node[-1].tail = (node[-1].tail or "") + (wrapper.text or "")
    else:
        node.text = (node.text or "") + (wrapper.text or "")
    for child in list(wrapper):
        node.append(child)


def inject_olx(xml):
    """The scenario with payloads added to every text, rich text and text attribute (ids untouched)."""
    root = etree.fromstring(xml.encode())
    root.set("display_name", (root.get("display_name") or "") + " " + ATTRIBUTE_TEXT)
    for node in list(root.iter()):
        if node is root or not isinstance(node.tag, str):
            continue
        for name in list(node.attrib):
            if name in TEXT_ATTRIBUTES:
                node.set(name, node.get(name) + " " + ATTRIBUTE_TEXT)
        has_text = bool((node.text or "").strip()) or any((child.tail or "").strip() for child in node)
        if not has_text:
            continue
        if etree.QName(node).localname in RICH_TEXT:
            _append_markup(node, " " + ALLOWED_MARKUP + " " + "".join(MARKUP))
        node.text = (node.text or "") + " " + TEXT + " "
    return etree.tostring(root, encoding="unicode")


COMBINED = " " + ALLOWED_MARKUP + " " + " ".join(xml_safe(p) for p in PAYLOADS)


def string_paths(value, path=()):
    """Paths (tuples of keys and indexes) of every non-empty string in an editor JSON model."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from string_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from string_paths(item, (*path, index))
    elif isinstance(value, str) and value:
        yield path


def with_payload(model, path):
    """A deep copy of `model` with the corpus appended to the string at `path`."""
    copy = json.loads(json.dumps(model))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = target[path[-1]] + COMBINED
    return copy
