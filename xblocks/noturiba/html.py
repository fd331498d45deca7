"""Allow-list sanitiser for author rich text (docs/OLX.md: the small HTML subset).

Everything not listed is removed at render time; the stored OLX keeps what the
author wrote, so a later, wider allow-list needs no content migration.
"""

import functools
import html
import re

import lxml.html
import nh3
from lxml import etree

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote",
    "figure", "figcaption", "img", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "span": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_IMG = re.compile(r"<img", re.IGNORECASE)


def sanitize(markup, extra=None):
    """Author markup reduced to the allowed subset; safe to put into a page.

    `extra` ({tag: {attribute, ...}}) adds a block's own elements, for repairing editor text
    (mediacheck's <flag id note>); a page is never given them unsanitised by a block."""
    tags, attributes = ALLOWED_TAGS, ALLOWED_ATTRIBUTES
    if extra:
        tags = tags | set(extra)
        attributes = {**attributes, **{tag: set(names) for tag, names in extra.items()}}
    return _restore(nh3.clean(
        _protect(markup),
        tags=tags,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ))


def plain_text(markup):
    """The text of author markup with every tag removed, HTML-escaped."""
    return _restore(nh3.clean(_protect(markup), tags=set())).strip()


# The sanitiser's HTML5 parser (html5ever) takes super-linear time on long runs of character
# references in one text ("&amp;" 40,000 times: 0.6 s; 4 times as many: 11 times as long).
# References are decoded before it reads the text: < > & " become private-use placeholders that
# come back as the same escapes afterwards, never as markup; anything else becomes its character.
_PLACEHOLDERS = {"&": "\U000F0000", "<": "\U000F0001", ">": "\U000F0002", '"': "\U000F0003"}
_ESCAPED = {"\U000F0000": "&amp;", "\U000F0001": "&lt;", "\U000F0002": "&gt;", "\U000F0003": "&quot;"}
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});")
_OURS = re.compile("[\U000F0000-\U000F0003]")
_COMMON = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"))


def _decoded(match):
    return _decode(match[0])


@functools.lru_cache(maxsize=4096)
def _decode(reference):
    text = html.unescape(reference)
    if text == reference or len(text) != 1:
        return text
    if text in _PLACEHOLDERS:
        return _PLACEHOLDERS[text]
    return "" if ord(text) < 32 and text not in "\t\n\r" else text


def _protect(markup):
    markup = _OURS.sub("", markup or "")
    for character, escape in _COMMON:
        markup = markup.replace(escape, _PLACEHOLDERS[character])
    return _REFERENCE.sub(_decoded, markup) if "&" in markup else markup


def _restore(markup):
    for placeholder, escape in _ESCAPED.items():
        markup = markup.replace(placeholder, escape)
    return markup


def images_without_alt(markup):
    """The <img> elements of `markup` that have no (or an empty) alt text, as markup.

    Parsed, not matched with a regular expression (one that backtracked made a crafted text take
    quadratic time): XML first, as the blocks store rich text; HTML (libxml2) for anything else.
    Both parsers take linear time; an <img> inside a comment or an attribute value is no image.
    """
    markup = markup or ""
    if not _IMG.search(markup):
        return []
    try:
        root = etree.fromstring(f"<wrapper>{markup}</wrapper>", _XML_PARSER)
    except etree.XMLSyntaxError:
        root = _html_fragment(markup)
    if root is None:
        return []
    return [etree.tostring(node, encoding="unicode", with_tail=False) for node in root.iter()
            if isinstance(node.tag, str) and node.tag.lower() == "img" and not (node.get("alt") or "").strip()]


_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                              remove_comments=True, remove_pis=True)


def _html_fragment(text):
    """`text` parsed by libxml2's HTML parser under a <div>, or None (empty, or characters it refuses)."""
    try:
        return lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def bounded_html(text):
    """HTML that is no XML (pasted, typed), re-serialised by libxml2's parser for the sanitiser.

    The sanitiser's HTML5 parser takes quadratic time on some hostile text (bare "&" by the
    thousand, unclosed <ul>, <div> or <pre>, "<b></p>" repeated); libxml2 reads any text in linear
    time, escapes bare ampersands and stops nesting at its depth limit (256), so what it writes
    back is cheap to sanitise. Repairs of editor text call this before sanitize().
    """
    fragment = _html_fragment(text or "")
    if fragment is None:
        return ""
    html = etree.tostring(fragment, encoding="unicode", method="html")
    return html[len("<div>"):-len("</div>")]
