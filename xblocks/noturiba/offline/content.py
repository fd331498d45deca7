"""The course's html units made safe and self-contained for a page that no network reaches.

Course html is wider than the blocks' rich-text subset (headings, tables, notes), so it gets its
own allow-list. Images from /static/ are copied in (assets/static/) and pointed at relatively;
an image anywhere else is dropped, since it would be a request leaving the pack. Links out stay
(they are navigation the reader chooses) and are marked visibly as external.
"""

import re
from urllib.parse import unquote

import lxml.html
import nh3
from lxml import etree

from ..html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

COURSE_TAGS = ALLOWED_TAGS | {
    "h2", "h3", "h4", "h5", "h6", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "sup", "sub", "code", "pre", "hr", "dl", "dt", "dd", "div", "small", "abbr", "cite", "q",
}
COURSE_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    "a": {"href", "title", "hreflang", "lang"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "*": {"lang", "class"},
}
STATIC = "/static/"
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


def static_name(src):
    """The file name of a course /static/ URL, or None (anything else, or a name with a path in it)."""
    if not src or not src.startswith(STATIC):
        return None
    name = unquote(src[len(STATIC):].split("?", 1)[0].split("#", 1)[0])
    return name if _SAFE_NAME.fullmatch(name) else None


def course_html(markup, root, external_text, external_lang=None):
    """(safe HTML, [static file names it uses]) for one html unit.

    `root` is the relative URL of the course folder from the page ("" or "../");
    `external_text` is the translated "(external link)" put after every link out, in the page's
    language `external_lang` when that differs from the course text's.
    """
    clean = nh3.clean(markup or "", tags=COURSE_TAGS, attributes=COURSE_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto", "tel"}, link_rel=None, strip_comments=True)
    if not clean.strip():
        return "", []
    fragment = lxml.html.fragment_fromstring(clean, create_parent="div")
    used = []
    for node in list(fragment.iter("img")):
        name = static_name(node.get("src"))
        if name is None:
            node.drop_tree()
            continue
        used.append(name)
        node.set("src", f"{root}assets/static/{name}")
    for node in fragment.iter("a"):
        name = _mark_link(node, root, external_text, external_lang)
        if name:
            used.append(name)
    html = etree.tostring(fragment, encoding="unicode", method="html")
    return html[len("<div>"):-len("</div>")], sorted(set(used))


def _mark_link(node, root, external_text, external_lang):
    """Mark a link out as external; point a /static/ link into the pack (its file name returned)."""
    href = node.get("href") or ""
    if href.startswith(("http://", "https://")):
        node.set("rel", "noopener noreferrer external")
        node.set("class", "nt-offline-external")
        marker = etree.SubElement(node, "span")
        marker.set("class", "nt-offline-external-mark")
        if external_lang:
            marker.set("lang", external_lang)
        marker.text = f" ({external_text})"
    elif static_name(href):
        node.set("href", f"{root}assets/static/{static_name(href)}")
        return static_name(href)
    elif not href.startswith(("mailto:", "tel:", "#")):
        node.attrib.pop("href", None)  # a course-relative link has no page in the pack
    return None
