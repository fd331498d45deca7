"""The mediacheck module contract for noturiba.base.ContentBlock: TAG, ATTRIBUTES, parse, to_node,
to_json, from_json, validate, public, ContentError, and empty, is_empty, EMPTY_HINT for a block
Studio has just created (no content yet). Pure: no XBlock, no Django.

The model (dataclasses, flags and segments of a body) lives in model.py, the OLX reader and
writer in olx_io.py, validation in checks.py; their names are importable from here.
"""

import dataclasses
import re

from noturiba import editor_markup, olx
from noturiba import sources as kit_sources
from noturiba.messages import Message

from .checks import validate
from .model import (
    ATTRIBUTES,
    DEFAULT_VERDICTS,
    FALSE_VERDICTS,
    ID_PATTERN,
    KINDS,
    MADE_UP,
    MODES,
    ORIGINS,
    REAL,
    TAG,
    TRUE_VERDICT,
    ContentError,
    Flag,
    Item,
    Lead,
    Media,
    MediaCheck,
    Origin,
    Published,
    Segment,
    Verdict,
    body_flags,
    segment_flags,
    segments,
)
from .olx_io import parse, to_node

__all__ = ["TAG", "ATTRIBUTES", "parse", "to_node", "to_json", "from_json", "validate", "public",
           "ContentError", "DEFAULT_VERDICTS", "FALSE_VERDICTS", "ID_PATTERN", "KINDS", "MODES",
           "MADE_UP", "ORIGINS", "REAL", "Published", "TRUE_VERDICT", "Flag", "Item", "Lead", "Media", "MediaCheck",
           "Origin", "Segment", "Verdict",
           "body_flags", "segment_flags", "segments", "public_item", "display_domain", "verdict_label", "olx",
           "empty", "is_empty", "EMPTY_HINT"]

# What the author of a new block (Studio creates it from field defaults) must add first.
EMPTY_HINT = Message("Add at least one item in the editor.")


def empty():
    """The model of a block that has no content yet."""
    return MediaCheck()


def is_empty(model):
    return not model.items


# JSON --------------------------------------------------------------------------

def to_json(model):
    return {
        "mode": model.mode, "shuffle": model.shuffle, "confidence": model.confidence,
        "verdicts": None if model.verdicts is None else [[v.id, v.label] for v in model.verdicts],
        "items": [_item_json(item) for item in model.items],
    }


def _item_json(item):
    origin = item.origin
    return {
        "id": item.id, "kind": item.kind, "verdict": item.verdict, "body": item.body,
        "origin": None if origin is None else {
            "name": origin.name, "handle": origin.handle, "platform": origin.platform,
            "date": origin.date, "url": origin.url},
        "media": None if item.media is None else {
            "src": item.media.src, "alt": item.media.alt, "caption": item.media.caption},
        "leads": [{"id": lead.id, "useful": lead.useful, "title": lead.title, "body": lead.body}
                  for lead in item.leads],
        "explanation": item.explanation,
        "sources": kit_sources.to_json(item.sources),
        "provenance": item.provenance,
        "published": None if item.published is None else {
            "outlet": item.published.outlet, "date": item.published.date, "href": item.published.href},
    }


def _malformed():
    return ContentError(Message("The content is not a valid fact-check exercise."))


# What XML 1.0 cannot carry (an export would fail): C0 controls but tab, LF and CR, lone surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _string(value, optional=False):
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _malformed()
    return _NOT_XML.sub("", value)  # pasted text may carry them; they are invisible and OLX cannot store them


# An item's body holds the block's own element, the red flag; the sanitiser keeps it when it repairs a body.
BODY_ELEMENTS = {"flag": ("id", "note")}


def _markup(value):
    """Rich text from the editor: kept as written when it is well-formed markup, else repaired (noturiba.editor_markup).

    Pasted HTML (an unclosed <p>, <br>, a bare "&") is repaired, never refused. An item's body is
    repaired the same way, keeping its flags (BODY_ELEMENTS), which are validated like any others."""
    return editor_markup.editor_markup(_string(value))


def from_json(data):
    try:
        if not isinstance(data, dict):
            raise _malformed()
        verdicts = data.get("verdicts")
        if verdicts is not None:
            verdicts = tuple(Verdict(_string(v[0]), _string(v[1])) for v in verdicts)
        mode, shuffle, confidence = data.get("mode", "practice"), data.get("shuffle", False), data.get("confidence",
                                                                                                         False)
        if not isinstance(shuffle, bool) or not isinstance(confidence, bool) or not isinstance(mode, str):
            raise _malformed()
        items = tuple(_item_from_json(entry) for entry in data["items"])
        return MediaCheck(mode, shuffle, confidence, verdicts, items)
    except ContentError:
        raise
    except olx.OlxError as error:
        raise ContentError(error.message) from None
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        raise _malformed() from None


def _item_from_json(entry):
    origin = entry.get("origin")
    if origin is not None:
        origin = Origin(*(_string(origin.get(name), True) for name in ("name", "handle", "platform", "date", "url")))
    media = entry.get("media")
    if media is not None:
        media = Media(_string(media["src"]), _string(media.get("alt"), True), _string(media.get("caption"), True))
    leads = tuple(Lead(_string(lead["id"]), _bool(lead.get("useful", False)), _string(lead["title"]),
                       _markup(lead.get("body", ""))) for lead in entry.get("leads", ()))
    sources = tuple((_string(href), _string(title)) for href, title in kit_sources.from_json(entry.get("sources")))
    body = _string(entry["body"])
    published = entry.get("published")
    if published is not None:
        published = Published(_string(published.get("outlet") or ""), _string(published.get("date"), True),
                              _string(published.get("href") or ""))
    item = Item(_string(entry["id"]), _string(entry.get("kind", "post")), _string(entry.get("verdict", "")), body,
                origin, media, leads, _markup(entry.get("explanation", "")), sources,
                _string(entry.get("provenance", MADE_UP)), published)
    try:
        item.flags  # noqa: B018 - the parse is kept for the request
    except olx.OlxError:  # pasted HTML: repaired (stored bodies are well-formed: one parse, as before)
        item = dataclasses.replace(item, body=editor_markup.repaired(body, BODY_ELEMENTS))
        item.flags  # noqa: B018 - well-formed now, or an error
    return item


def _bool(value):
    if not isinstance(value, bool):
        raise _malformed()
    return value


# Public projection ------------------------------------------------------------

def public(model, translate=None, lead_order=None):
    """What a learner may see before answering: no verdicts, flags, usefulness, notes, explanations.

    `lead_order(item) -> leads` gives the learner's order of an item's leads (views.ordered_leads);
    without it they are sorted by id, never in the authoring order."""
    translate = translate or (lambda text: text)
    return {
        "mode": model.mode,
        "confidence": model.confidence,
        "material": model.material,  # the block's, never an item's: an item's origin is an answer
        "verdicts": [{"id": v.id, "label": translate(v.label) if model.verdicts is None else v.label}
                     for v in model.scale],
        "items": [public_item(item, lead_order(item) if lead_order else None) for item in model.items],
    }


def public_item(item, leads=None):
    origin = item.origin
    leads = sorted(item.leads, key=lambda lead: lead.id) if leads is None else leads
    return {
        "id": item.id,
        "kind": item.kind,
        "origin": None if origin is None else {
            "name": origin.name, "handle": origin.handle, "platform": origin.platform, "date": origin.date,
            "url": origin.url, "domain": display_domain(origin.url)},
        "segments": [[{"id": s.id, "text": s.text, "gap": s.gap} for s in paragraph]
                     for paragraph in item.paragraphs],
        "media": None if item.media is None else {
            "src": item.media.src, "alt": item.media.alt or "", "caption": item.media.caption},
        "leads": [{"id": lead.id, "title": lead.title} for lead in leads],
    }


def display_domain(url):
    """The host a link preview shows ("rigas-zinas24.example"), or None."""
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:@]+)", url or "", re.IGNORECASE)
    if not match:
        return None
    host = match.group(1).lower()
    return host[4:] if host.startswith("www.") else host


def verdict_label(model, verdict_id, translate=None):
    translate = translate or (lambda text: text)
    verdict = next((v for v in model.scale if v.id == verdict_id), None)
    if verdict is None:
        return verdict_id
    return translate(verdict.label) if model.verdicts is None else verdict.label
