"""What counts as a revealed answer, found from a block's own OLX (no block code involved)."""

import html
import json
import re
from pathlib import Path

from lxml import etree

from ..blocks.conftest import ALL_SCENARIOS, BLOCK_TYPES

ROOT = Path(__file__).resolve().parents[2]
# Keys that would carry an answer if the learner payload held them with a value.
ANSWER_KEYS = {"correct", "useful", "points", "critical", "goto", "feedback", "explanation", "note", "notes",
               "answer", "tolerance", "best", "best_path", "harmful", "required", "rating", "sources"}
# Elements whose text is shown only after an answer: explanations, feedback, flag notes.
SECRET_ELEMENTS = {"explanation", "feedback"}


def _plain(node_or_text):
    text = node_or_text if isinstance(node_or_text, str) else "".join(node_or_text.itertext())
    return re.sub(r"\s+", " ", text).strip()


def secret_texts(xml):
    """Sentences of explanations, feedback and flag notes (long enough to be unambiguous)."""
    root = etree.fromstring(xml.encode())
    texts = set()
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname
        if name in SECRET_ELEMENTS:
            texts.add(_plain(node))
        if name == "flag" and node.get("note"):
            texts.add(_plain(node.get("note")))
    return sorted(text[:60] for text in texts if len(text) >= 25)


def answer_keys(value, path="$"):
    """Paths in a JSON value where an answer key holds something other than null/false/empty."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ANSWER_KEYS and item not in (None, False, "", [], {}):
                found.append(f"{path}.{key}")
            found += answer_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += answer_keys(item, f"{path}[{index}]")
    return found


def visible_text(markup):
    """Page text as a learner (or a view-source reader) gets it: tags kept, entities decoded."""
    return re.sub(r"\s+", " ", html.unescape(markup))


def course_blocks():
    """(label, block_type, xml) for every block written in-line in a course vertical."""
    found = []
    for vertical in sorted(ROOT.glob("courses/*/vertical/*.xml")):
        root = etree.parse(str(vertical)).getroot()
        for child in root:
            if isinstance(child.tag, str) and child.tag in BLOCK_TYPES:
                label = f"{vertical.parts[-3]}/{child.get('url_name') or vertical.stem}"
                found.append((label, child.tag, etree.tostring(child, encoding="unicode")))
    return found


def every_block():
    return [(f"{block_type}/{name}", block_type, xml) for block_type, name, xml in ALL_SCENARIOS] + course_blocks()


def dumps(value):
    return json.dumps(value, ensure_ascii=False)
