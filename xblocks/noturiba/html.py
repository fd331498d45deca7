"""Allow-list sanitiser for author rich text (OLX.md: the small HTML subset).

Everything not listed is removed at render time; the stored OLX keeps what the
author wrote, so a later, wider allow-list needs no content migration.
"""

import re

import nh3

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
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*')", re.IGNORECASE)


def sanitize(markup):
    """Author markup reduced to the allowed subset; safe to put into a page."""
    return nh3.clean(
        markup or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def plain_text(markup):
    """The text of author markup with every tag removed, HTML-escaped."""
    return nh3.clean(markup or "", tags=set()).strip()


def images_without_alt(markup):
    """The <img> tags in `markup` that have no (or an empty) alt text."""
    return [tag for tag in _IMG.findall(markup or "") if not _ALT.search(tag)]
