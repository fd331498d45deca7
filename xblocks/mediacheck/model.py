"""The mediacheck content model: frozen dataclasses, the verdict scale, and the body's flags and segments.

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
from noturiba.messages import (
    N_,
    ContentError,  # noqa: F401 - re-exported: part of the content contract
)

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
    return tuple(Flag(node.get("id") or "", node.get("note") or "", text_of(node))
                 for node in root.iter("flag"))


def text_of(node):
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
