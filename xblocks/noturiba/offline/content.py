"""The course's html units made safe and self-contained for a page that no network reaches.

Course html is wider than the blocks' rich-text subset (headings, tables, notes), so it gets its
own allow-list. Images from /static/ are copied in (assets/static/) and pointed at relatively;
an image anywhere else becomes its alt text, since it would be a request leaving the pack. Links out
stay (they are navigation the reader chooses) and are marked visibly as external. An author's class
names may not be the kit's (nt-*, noturiba*): a div could otherwise pose as an activity box or hide
its text. Headings move up so that the part's first level is h2, under the page's h1.

Activity text (the exporters' markup, put into innerHTML by the players) goes through
`offline_markup`: the blocks' sanitizer, then the same image rule; a /static/ image's src becomes
"nt-static:<file>", which offline.js turns into the pack's copy (ui.asset) before a player sees the
data, and which is no URL a browser would fetch on its own.
"""

import re
from urllib.parse import unquote

import lxml.html
import nh3
from lxml import etree

from ..html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize

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
ASSET_SCHEME = "nt-static:"
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
_KIT_CLASS = re.compile(r"(nt-|noturiba)", re.IGNORECASE)
_ASSET_SRC = re.compile(r'<img\b[^>]*?\ssrc="' + re.escape(ASSET_SCHEME) + r'([^"]+)"')
_HEADING = re.compile(r"h([1-6])")


def _author_attribute(tag, name, value):
    """nh3's attribute filter: the author's class names minus the kit's own."""
    if name != "class":
        return value
    kept = [word for word in value.split() if not _KIT_CLASS.match(word)]
    return " ".join(kept) or None


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
                      attribute_filter=_author_attribute,
                      url_schemes={"http", "https", "mailto", "tel"}, link_rel=None, strip_comments=True)
    if not clean.strip():
        return "", []
    fragment = lxml.html.fragment_fromstring(clean, create_parent="div")
    used = _local_images(fragment, f"{root}assets/static/")
    _lift_headings(fragment)
    for node in fragment.iter("a"):
        name = _mark_link(node, root, external_text, external_lang)
        if name:
            used.append(name)
    html = etree.tostring(fragment, encoding="unicode", method="html")
    return html[len("<div>"):-len("</div>")], sorted(set(used))


def offline_markup(markup):
    """Author markup of an activity, safe for the player's innerHTML and asking the network for nothing."""
    clean = sanitize(markup)
    if "<img" not in clean:
        return clean
    fragment = lxml.html.fragment_fromstring(clean, create_parent="div")
    _local_images(fragment, ASSET_SCHEME)
    html = etree.tostring(fragment, encoding="unicode", method="html")
    return html[len("<div>"):-len("</div>")]


def markup_statics(value):
    """The /static/ URLs of the images offline_markup kept in the strings of `value` (export data)."""
    found = set()
    if isinstance(value, str):
        found.update(STATIC + name for name in _ASSET_SRC.findall(value))
    elif isinstance(value, dict | list | tuple):
        for item in value.values() if isinstance(value, dict) else value:
            found.update(markup_statics(item))
    return sorted(found)


def _local_images(fragment, prefix):
    """Point /static/ images at `prefix` + file name; any other image becomes its alt text."""
    used = []
    for node in list(fragment.iter("img")):
        name = static_name(node.get("src"))
        if name is None:
            alt = (node.get("alt") or "").strip()
            if alt:
                _replace_by_text(node, alt)
            else:
                node.drop_tree()
            continue
        used.append(name)
        node.set("src", f"{prefix}{name}")
    return sorted(set(used))


def _replace_by_text(node, text):
    span = etree.Element("span")
    span.text = text
    span.tail = node.tail
    node.getparent().replace(node, span)


def _lift_headings(fragment):
    """Move the headings up so that the highest is h2 (the page's h1 is the unit's title)."""
    levels = [int(_HEADING.fullmatch(node.tag)[1]) for node in fragment.iter() if isinstance(node.tag, str)
              and _HEADING.fullmatch(node.tag)]
    shift = min(levels) - 2 if levels else 0
    if shift <= 0:
        return
    for node in fragment.iter():
        if isinstance(node.tag, str) and _HEADING.fullmatch(node.tag):
            node.tag = f"h{int(node.tag[1]) - shift}"


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
