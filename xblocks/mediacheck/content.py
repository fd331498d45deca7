"""The mediacheck content model: OLX <-> frozen dataclasses <-> JSON, validation, public projection.

Pure: no XBlock, no Django. The OLX is specified in OLX.md (mediacheck).

Ids: items, flags and leads share ONE id space per block (an id is unique in the
whole block), so learner state can name any of them without ambiguity; verdict
ids are a separate, small vocabulary (the scale).

Flags stay inside the body markup (`<flag id note>text</flag>`) so export writes
them back where the author put them; `Item.flags` is derived from the body.

Segments: the body a learner sees is a sequence of toggle buttons ("segments")
computed here. Text is split at flag boundaries AND at sentence/phrase
boundaries of all text, so a flagged span looks like any other phrase. Segment
ids are opaque ("s0", "s1", ... in document order); only the server knows which
flag (if any) holds a segment.
"""

import re
from dataclasses import dataclass

from noturiba import olx
from noturiba.html import images_without_alt, plain_text
from noturiba.messages import N_, Message, Problem

TAG = "mediacheck"
ATTRIBUTES = ("mode", "shuffle", "confidence")
MODES = ("practice", "assessment", "survey")
KINDS = ("post", "headline", "message", "image", "article", "video")
ID_PATTERN = re.compile(r"[A-Za-z0-9_.:-]{1,100}")

# The default scale when <verdicts> is absent; labels are msgids translated at render time.
DEFAULT_VERDICTS = (
    ("accurate", N_("Accurate")),
    ("misleading", N_("Misleading")),
    ("false", N_("False")),
    ("satire", N_("Satire")),
    ("unverifiable", N_("Cannot be verified")),
)
TRUE_VERDICT = "accurate"
FALSE_VERDICTS = ("false", "misleading")


class ContentError(ValueError):
    """Malformed content JSON (Studio) with a translatable message."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message

    def render(self, gettext=None, ngettext=None):
        return self.message.render(gettext, ngettext)


@dataclass(frozen=True)
class Verdict:
    id: str
    label: str


@dataclass(frozen=True)
class Origin:
    name: str | None = None
    handle: str | None = None
    platform: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Flag:
    id: str
    note: str
    text: str


@dataclass(frozen=True)
class Lead:
    id: str
    useful: bool
    title: str
    body: str


@dataclass(frozen=True)
class Media:
    src: str
    alt: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    verdict: str
    body: str
    origin: Origin | None = None
    media: Media | None = None
    leads: tuple = ()
    explanation: str = ""
    sources: tuple = ()

    @property
    def flags(self):
        return body_flags(self.body)


@dataclass(frozen=True)
class MediaCheck:
    mode: str = "practice"
    shuffle: bool = False
    confidence: bool = False
    verdicts: tuple | None = None  # None: the default scale (not written to OLX)
    items: tuple = ()

    @property
    def scale(self):
        if self.verdicts is not None:
            return self.verdicts
        return tuple(Verdict(vid, label) for vid, label in DEFAULT_VERDICTS)

    def item(self, item_id):
        return next((item for item in self.items if item.id == item_id), None)


# Body markup: flags and segments -----------------------------------------------

_BLOCK_TAGS = {"p", "li", "blockquote", "figure", "figcaption", "ul", "ol"}
_PHRASE_END = re.compile(r"(?<=[.!?…,;:])\s+")
_BREAK = object()


def _body_root(markup):
    return olx.parse_string(f"<body>{markup}</body>")


def body_flags(markup):
    """The flags of a body, in document order."""
    root = _body_root(markup)
    return tuple(Flag(node.get("id") or "", node.get("note") or "", _text_of(node))
                 for node in root.iter("flag"))


def _text_of(node):
    return " ".join("".join(node.itertext()).split())


def _runs(node, flag, out):
    if node.text:
        out.append((node.text, flag))
    for child in node:
        if isinstance(child.tag, str):
            tag = olx.local_name(child.tag)
            if tag == "flag":
                _runs(child, child.get("id"), out)
            elif tag == "br":
                out.append(_BREAK)
            elif tag == "img":
                pass
            elif tag in _BLOCK_TAGS:
                out.append(_BREAK)
                _runs(child, flag, out)
                out.append(_BREAK)
            else:
                _runs(child, flag, out)
        if child.tail:
            out.append((child.tail, flag))


@dataclass(frozen=True)
class Segment:
    id: str
    text: str
    flag: str | None
    gap: bool  # whitespace before it (within the paragraph)


def segments(markup):
    """The body as paragraphs of Segments: [[Segment, ...], ...]."""
    runs = []
    _runs(_body_root(markup), None, runs)
    paragraphs, current, counter = [], [], 0
    pending_gap = False
    for run in runs:
        if run is _BREAK:
            if current:
                paragraphs.append(current)
            current, pending_gap = [], False
            continue
        text, flag = run
        if not text.strip():
            pending_gap = pending_gap or bool(text)
            continue
        leading = text[0].isspace()
        for index, piece in enumerate(_PHRASE_END.split(text.strip())):
            piece = " ".join(piece.split())
            if not piece:
                continue
            gap = bool(current) and (index > 0 or leading or pending_gap)
            if current and not gap and not any(char.isalnum() for char in piece):
                # Bare punctuation right after a span ("deputātu" + ",") joins the span before it.
                last = current[-1]
                current[-1] = Segment(last.id, last.text + piece, last.flag, last.gap)
                continue
            current.append(Segment(f"s{counter}", piece, flag, gap))
            counter += 1
        pending_gap = text[-1].isspace()
    if current:
        paragraphs.append(current)
    return paragraphs


def segment_flags(markup):
    """{segment id: flag id or None} for a body."""
    return {segment.id: segment.flag for paragraph in segments(markup) for segment in paragraph}


# OLX ---------------------------------------------------------------------------

def parse(node):
    mode = olx.choice_attr(node, "mode", MODES, "practice")
    shuffle = olx.bool_attr(node, "shuffle", False)
    confidence = olx.bool_attr(node, "confidence", False)
    verdicts, items, seen, where = None, [], set(), {}
    for child in olx.children(node, {"verdicts", "item"}):
        tag = olx.local_name(child.tag)
        if tag == "verdicts":
            if verdicts is not None:
                raise olx.error_at(child, Message("Only one <verdicts> element is allowed."))
            verdicts = _parse_verdicts(child)
        else:
            items.append(_parse_item(child, seen, where))
    model = MediaCheck(mode, shuffle, confidence, verdicts, tuple(items))
    for problem in validate(model):
        if problem.is_error:
            raise olx.error_at(where.get(problem.node_id, node), problem.message)
    return model


def _parse_verdicts(node):
    seen, verdicts = set(), []
    for child in olx.children(node, {"verdict"}):
        verdicts.append(Verdict(olx.required_id(child, seen), _text_of(child)))
    if not verdicts:
        raise olx.error_at(node, Message("The element <verdicts> needs at least one <verdict>."))
    return tuple(verdicts)


def _single(node, children, tag, required=False):
    found = [child for child in children if olx.local_name(child.tag) == tag]
    if len(found) > 1:
        raise olx.error_at(found[1], Message("Only one <{tag}> element is allowed here.", tag=tag))
    if required and not found:
        raise olx.error_at(node, Message("The element <{tag}> is required here.", tag=tag))
    return found[0] if found else None


def _parse_item(node, seen, where):
    item_id = olx.required_id(node, seen)
    where[item_id] = node
    kind = olx.choice_attr(node, "kind", KINDS, "post")
    verdict = olx.text_attr(node, "verdict", required=True).strip()
    children = olx.children(node, {"origin", "body", "media", "lead", "explanation"})
    body = _single(node, children, "body", required=True)
    for flag in body.iter("flag"):
        flag_id = olx.required_id(flag, seen)
        where[flag_id] = flag
        if any(True for _ in flag.iterancestors("flag")):
            raise olx.error_at(flag, Message("A <flag> cannot be inside another <flag>."))
    origin_node = _single(node, children, "origin")
    origin = None
    if origin_node is not None:
        origin = Origin(*(origin_node.get(name) for name in ("name", "handle", "platform", "date", "url")))
    media_node = _single(node, children, "media")
    media = None
    if media_node is not None:
        media = Media(olx.text_attr(media_node, "src", required=True), media_node.get("alt"),
                      media_node.get("caption"))
    leads = []
    for child in children:
        if olx.local_name(child.tag) == "lead":
            lead_id = olx.required_id(child, seen)
            where[lead_id] = child
            leads.append(Lead(lead_id, olx.bool_attr(child, "useful", False),
                              olx.text_attr(child, "title", required=True), olx.inner_xml(child)))
    explanation_node = _single(node, children, "explanation")
    explanation, sources = "", ()
    if explanation_node is not None:
        explanation = olx.inner_xml(explanation_node, skip={"source"})
        sources = tuple(olx.read_sources(explanation_node))
    return Item(item_id, kind, verdict, olx.inner_xml(body), origin, media, tuple(leads), explanation, sources)


def to_node(model, node):
    olx.set_attrs(node, mode=model.mode, shuffle=model.shuffle, confidence=model.confidence)
    if model.verdicts is not None:
        verdicts = olx.sub_element(node, "verdicts")
        for verdict in model.verdicts:
            olx.sub_element(verdicts, "verdict", None, id=verdict.id).text = verdict.label
    for item in model.items:
        child = olx.sub_element(node, "item", id=item.id, kind=item.kind, verdict=item.verdict)
        if item.origin is not None:
            o = item.origin
            olx.sub_element(child, "origin", name=o.name, handle=o.handle, platform=o.platform, date=o.date, url=o.url)
        olx.sub_element(child, "body", item.body)
        if item.media is not None:
            olx.sub_element(child, "media", src=item.media.src, alt=item.media.alt, caption=item.media.caption)
        for lead in item.leads:
            olx.sub_element(child, "lead", lead.body, id=lead.id, useful=lead.useful, title=lead.title)
        if item.explanation or item.sources:
            explanation = olx.sub_element(child, "explanation", item.explanation)
            olx.append_sources(explanation, item.sources)
    return node


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
        "sources": [[href, title] for href, title in item.sources],
    }


def _malformed():
    return ContentError(Message("The content is not a valid fact-check exercise."))


def _string(value, optional=False):
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _malformed()
    return value


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
                       _string(lead.get("body", ""))) for lead in entry.get("leads", ()))
    sources = tuple((_string(href), _string(title)) for href, title in entry.get("sources", ()))
    body = _string(entry["body"])
    body_flags(body)  # well-formed markup, or an error now
    return Item(_string(entry["id"]), _string(entry.get("kind", "post")), _string(entry.get("verdict", "")), body,
                origin, media, leads, _string(entry.get("explanation", "")), sources)


def _bool(value):
    if not isinstance(value, bool):
        raise _malformed()
    return value


# Validation --------------------------------------------------------------------

def validate(model):
    """Problems of a model: errors refuse a save, warnings only inform."""
    problems = []

    def error(message, node_id=None):
        problems.append(Problem("error", message, node_id))

    if model.mode not in MODES:
        error(Message("The attribute {name} must be one of: {choices}; not \"{value}\".",
                      name="mode", choices=", ".join(MODES), value=model.mode[:40]))
    scale_ids = [v.id for v in model.scale]
    if len(set(scale_ids)) != len(scale_ids):
        error(Message("A verdict id is used twice on the scale."))
    if not model.items:
        error(Message("The exercise needs at least one item."))
    seen = set()
    for item in model.items:
        ids = [item.id] + [flag.id for flag in _flags_or_none(item, error)] + [lead.id for lead in item.leads]
        for node_id in ids:
            if not ID_PATTERN.fullmatch(node_id or ""):
                error(Message("The id \"{id}\" may hold only letters, digits and _ . : - (at most 100).",
                              id=(node_id or "")[:100]), item.id)
            elif node_id in seen:
                error(Message("The id \"{id}\" is used twice in this block.", id=node_id), node_id)
            seen.add(node_id)
        if item.kind not in KINDS:
            error(Message("The attribute {name} must be one of: {choices}; not \"{value}\".",
                          name="kind", choices=", ".join(KINDS), value=item.kind[:40]), item.id)
        if not item.verdict:
            error(Message("The item \"{id}\" has no verdict.", id=item.id), item.id)
        elif item.verdict not in scale_ids:
            error(Message("The verdict \"{verdict}\" of item \"{id}\" is not on the scale: {choices}.",
                          verdict=item.verdict[:40], id=item.id, choices=", ".join(scale_ids)), item.id)
        if not plain_text(item.body):
            error(Message("The item \"{id}\" has an empty body.", id=item.id), item.id)
        for flag in _flags_or_none(item, lambda *a: None):
            if not flag.text:
                error(Message("The flag \"{id}\" marks no text.", id=flag.id), flag.id)
        for lead in item.leads:
            if not lead.title.strip():
                error(Message("The lead \"{id}\" needs a title.", id=lead.id), lead.id)
        if item.media is not None and not (item.media.alt or "").strip():
            problems.append(Problem("warning", Message(
                "The image of item \"{id}\" has no alt text: describe it for learners who cannot see it.",
                id=item.id), item.id))
        markup = item.body + item.explanation + "".join(lead.body for lead in item.leads)
        if images_without_alt(markup):
            problems.append(Problem("warning", Message(
                "An image in item \"{id}\" has no alt text: describe it for learners who cannot see it.",
                id=item.id), item.id))
    return problems


def _flags_or_none(item, error):
    try:
        return item.flags
    except olx.OlxError as problem:
        error(problem.message, item.id)
        return ()


# Public projection ------------------------------------------------------------

def public(model, translate=None):
    """What a learner may see before answering: no verdicts, flags, usefulness, notes, explanations."""
    translate = translate or (lambda text: text)
    return {
        "mode": model.mode,
        "confidence": model.confidence,
        "verdicts": [{"id": v.id, "label": translate(v.label) if model.verdicts is None else v.label}
                     for v in model.scale],
        "items": [public_item(item) for item in model.items],
    }


def public_item(item):
    origin = item.origin
    return {
        "id": item.id,
        "kind": item.kind,
        "origin": None if origin is None else {
            "name": origin.name, "handle": origin.handle, "platform": origin.platform, "date": origin.date,
            "url": origin.url, "domain": display_domain(origin.url)},
        "segments": [[{"id": s.id, "text": s.text, "gap": s.gap} for s in paragraph]
                     for paragraph in segments(item.body)],
        "media": None if item.media is None else {
            "src": item.media.src, "alt": item.media.alt or "", "caption": item.media.caption},
        "leads": [{"id": lead.id, "title": lead.title} for lead in item.leads],
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
