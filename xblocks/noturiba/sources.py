"""The one shape of an explanation's sources (pure): (href, title) pairs in models, {"href", "title"} in JSON.

Models keep sources as tuples of (href, title): read_sources reads the OLX <source href title/> at
any depth of an explanation, feedback or debrief, and append_sources writes them as its direct
children. JSON sent to a page or stored as a block's content uses {"href": ..., "title": ...}
objects, and only those are written; `from_json` also reads the
[href, title] pairs that mediacheck's content and Studio editor held until session 6, so a block
stored then (or a Studio page opened before an update) loads as it was saved.
"""

import re
from copy import deepcopy

from lxml import etree

from .messages import Message
from .olx import error_at, local_name, set_attrs, text_attr


def to_json(pairs):
    """[{"href", "title"}] of (href, title) pairs."""
    return [{"href": href, "title": title} for href, title in pairs]


def from_json(entries):
    """(href, title) pairs of JSON entries, {"href", "title"} objects or [href, title] pairs.

    Raises KeyError, TypeError or ValueError (a block's from_json turns them into its ContentError)
    for anything else; a missing title is empty."""
    pairs = []
    for entry in entries or ():
        if isinstance(entry, dict):
            href, title = entry["href"], entry.get("title", "")
        elif isinstance(entry, list | tuple) and len(entry) == 2:
            href, title = entry
        else:
            raise ValueError("a source is {href, title} or [href, title]")
        if not isinstance(href, str) or not isinstance(title, str):
            raise TypeError("a source's href and title are text")
        pairs.append((href, title))
    return tuple(pairs)


SOURCE_PLACES = "explanation, feedback, debrief"


def _is_source(element):
    return isinstance(element.tag, str) and local_name(element.tag) == "source"


def read_sources(node):
    """Every `<source href title/>` inside `node`, at any depth (an author's <p> may hold it), as
    (href, title) pairs in document order; hrefs must be http(s)."""
    sources = []
    for child in node.iterdescendants():
        if _is_source(child):
            href = text_attr(child, "href", required=True).strip()
            if not re.match(r"https?://", href):
                raise error_at(child, Message("A source link must start with http:// or https://."))
            sources.append((href, child.get("title") or href))
    return sources


def refuse_sources(node, skip=()):
    for element in node:
        if isinstance(element.tag, str) and local_name(element.tag) in skip:
            continue  # read on its own (a choice's <feedback>)
        found = next((child for child in element.iter() if _is_source(child)), None)
        if found is not None:
            raise error_at(found, Message("A <source> is shown only inside {places}; here the learner would not "
                                          "see it. Move it there.", places=SOURCE_PLACES))


def without_sources(node):
    """A copy of `node` without its <source> elements (their tail text kept) and the <p> they leave empty."""
    copy = deepcopy(node)
    for source in [child for child in copy.iterdescendants() if _is_source(child)]:
        parent = source.getparent()
        ends_parent = source.getnext() is None and not (source.tail or "").strip()
        _remove_keeping_tail(source)
        if ends_parent and len(parent):
            parent[-1].tail = (parent[-1].tail or "").rstrip() or None
        elif ends_parent:
            parent.text = (parent.text or "").rstrip() or None
        if (isinstance(parent.tag, str) and local_name(parent.tag) == "p" and parent is not copy
                and not len(parent) and not (parent.text or "").strip()):
            _remove_keeping_tail(parent)
    return copy


def _remove_keeping_tail(element):
    parent, previous = element.getparent(), element.getprevious()
    tail = element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def append_sources(node, sources):
    for href, title in sources:
        source = etree.SubElement(node, "source")
        set_attrs(source, href=href, title=title if title != href else None)
