"""The mediacheck content model: frozen dataclasses, the verdict scale, and the body's flags and segments.

Pure: no XBlock, no Django. The OLX is specified in docs/OLX.md (mediacheck).

Ids: items, flags and leads share ONE id space per block (an id is unique in the
whole block), so learner state can name any of them without ambiguity; verdict
ids are a separate, small vocabulary (the scale).

Flags stay inside the body markup (`<flag id note>text</flag>`) so export writes
them back where the author put them; `Item.flags` is derived from the body.

Segments: the body a learner sees is a sequence of toggle buttons ("segments")
computed here: one per word (a run of text between spaces, punctuation kept with
its word; a Latvian ordinal such as a date's "1997." stays with the lower-case word
after it, "1997. gada", a digit group with its number, "10 000", and a no-break
space never cuts), cut without looking at the flags, so the buttons of two texts that
differ only in where the flags are are the same. Segment ids are opaque ("s0",
"s1", ... in document order); only the server knows which flag (if any) holds a
segment: the flag of the first flagged character of the word.
"""

import re
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from noturiba import olx
from noturiba.messages import (
    N_,
    ContentError,  # noqa: F401 - re-exported: part of the content contract
)

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
# The `origin` attribute of an item: made up for the exercise (the default) or a real headline or case.
MADE_UP, REAL = "made-up", "real"
ORIGINS = (MADE_UP, REAL)


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
class Published:
    """Where a real item was published (<published outlet date href/>): shown only after answering."""
    outlet: str = ""
    date: str | None = None  # YYYY-MM-DD
    href: str = ""


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
    provenance: str = MADE_UP  # the OLX attribute `origin` (the element <origin> is the byline)
    published: Published | None = None

    # The body is parsed once per Item (a model lives for one request): cached_property writes the
    # instance __dict__, which a frozen dataclass allows; fields, equality and hash are unchanged.
    @cached_property
    def _root(self):
        return _body_root(self.body)

    @cached_property
    def flags(self):
        return _flags_of(self._root)

    @cached_property
    def nests_flags(self):
        """Whether a flag is inside another (the OLX reader refuses it, validation too)."""
        return any(any(True for _ in node.iterancestors("flag")) for node in self._root.iter("flag"))

    @cached_property
    def paragraphs(self):
        """segments(body): the body as paragraphs of Segments (tuples)."""
        return tuple(tuple(paragraph) for paragraph in _segments_of(self._root))

    @cached_property
    def segment_owners(self):
        """segment_flags(body): {segment id: flag id or None} (read-only)."""
        return MappingProxyType({segment.id: segment.flag for paragraph in self.paragraphs for segment in paragraph})

    @cached_property
    def lead_ids(self):
        return frozenset(lead.id for lead in self.leads)


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
        return self._items_by_id.get(item_id)

    @cached_property
    def _items_by_id(self):
        by_id = {}
        for item in self.items:
            by_id.setdefault(item.id, item)
        return MappingProxyType(by_id)

    @property
    def material(self):
        """"made-up", "real" or "mixed": what the block as a whole is, the same for every item (secrecy)."""
        kinds = {item.provenance for item in self.items}
        if kinds <= {MADE_UP}:
            return MADE_UP
        return REAL if kinds == {REAL} else "mixed"


# Body markup: flags and segments -----------------------------------------------

_BLOCK_TAGS = {"p", "li", "blockquote", "figure", "figcaption", "ul", "ol"}
_WORD = re.compile(r"(?:[^\s]|[\u00a0\u202f\u2007])+")
_ORDINAL = re.compile(r"\d+\.")  # "1997." "4." before "gada", "marts", "pants"
_GROUPED = re.compile(r"\d{1,3}(?:\u00a0\d{3})*")  # "10" before "000"
_GROUP = re.compile(r"\d{3}(?!\w)")
_NBSP = "\u00a0"


def _joins(before, word):
    """Whether `word` belongs to the button before it: text only, never the flags."""
    if not any(char.isalnum() for char in word):
        return " "  # bare punctuation ("–", "!!!") joins the word before it, so every button holds a word
    if _ORDINAL.fullmatch(before) and word[0].islower():
        return _NBSP
    if _GROUPED.fullmatch(before) and _GROUP.match(word):
        return _NBSP
    return None
_BREAK = object()


def _body_root(markup):
    return olx.parse_string(f"<body>{markup}</body>")


def body_flags(markup):
    """The flags of a body, in document order."""
    return _flags_of(_body_root(markup))


def _flags_of(root):
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
    """The body as paragraphs of Segments: [[Segment, ...], ...] (words, see the module doc)."""
    return _segments_of(_body_root(markup))


def _segments_of(root):
    runs = []
    _runs(root, None, runs)
    paragraphs, text, owners, counter = [], [], [], 0

    def close():
        nonlocal counter
        joined = "".join(text)
        words = []
        for match in _WORD.finditer(joined):
            flag = next((owner for owner in owners[match.start():match.end()] if owner), None)
            glue = _joins(words[-1].text, match.group()) if words else None
            if glue:
                last = words[-1]
                words[-1] = Segment(last.id, f"{last.text}{glue}{match.group()}", last.flag or flag, last.gap)
                continue
            words.append(Segment(f"s{counter}", match.group(), flag, bool(words)))
            counter += 1
        if words:
            paragraphs.append(words)
        text.clear()
        owners.clear()

    for run in runs:
        if run is _BREAK:
            close()
            continue
        piece, flag = run
        text.append(piece)
        owners.extend([flag] * len(piece))
    close()
    return paragraphs


def segment_flags(markup):
    """{segment id: flag id or None} for a body."""
    return {segment.id: segment.flag for paragraph in segments(markup) for segment in paragraph}
