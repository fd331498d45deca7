"""Hardened OLX parsing and small readers/writers for the blocks' content models.

Pure: imports lxml, no XBlock and no Django. Every error is an OlxError that
names the problem, the element, its id and the line, as a translatable Message.

Two entries:
- `parse_string` parses text we are given (tests, Studio's OLX editor) with a
  parser that expands no entity, loads no DTD and touches no network;
- `check_tree` inspects a node the platform already parsed (course import, the
  workbench) and refuses DTDs, entities, XInclude and oversized input there too.
"""

import re
from copy import deepcopy
from xml.sax.saxutils import escape

from lxml import etree

from .messages import Message

MAX_OLX_BYTES = 2_000_000
MAX_ATTRIBUTE_CHARS = 20_000
MAX_TEXT_CHARS = 200_000
MAX_DEPTH = 32
MAX_ELEMENTS = 20_000
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)


class OlxError(ValueError):
    """Bad OLX: `message` says what, `element`, `element_id` and `line` say where."""

    def __init__(self, message, *, element=None, element_id=None, line=None):
        self.message = message
        self.element = element
        self.element_id = element_id
        self.line = line
        super().__init__(self.render())

    def render(self, gettext=None, ngettext=None):
        text = self.message.render(gettext, ngettext)
        where = self.where()
        if where is None:
            return text
        return where.render(gettext, ngettext) + " " + text

    def where(self):
        if self.line and self.element_id:
            return Message("Line {line}, <{element} id=\"{id}\">:",
                           line=self.line, element=self.element, id=self.element_id)
        if self.line and self.element:
            return Message("Line {line}, <{element}>:", line=self.line, element=self.element)
        if self.line:
            return Message("Line {line}:", line=self.line)
        return None


def error_at(node, message):
    """An OlxError located at `node`."""
    tag = node.tag if isinstance(node.tag, str) else None
    return OlxError(message, element=local_name(tag) if tag else None,
                    element_id=node.get("id") if tag else None, line=node.sourceline)


def local_name(tag):
    return etree.QName(tag).localname if tag.startswith("{") else tag


def _safe_parser():
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True, collect_ids=False,
    )


def parse_string(text):
    """Parse OLX text we were handed, refusing what could expand or reach out."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if len(data) > MAX_OLX_BYTES:
        raise OlxError(Message("The OLX is {size} bytes long; the limit is {limit} bytes.",
                               size=len(data), limit=MAX_OLX_BYTES), line=1)
    declaration = _DECLARATION.search(data)
    if declaration:
        line = data.count(b"\n", 0, declaration.start()) + 1
        raise OlxError(Message("A DTD or entity declaration is not allowed in OLX."), line=line)
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as error:
        message, line = syntax_message(error)
        raise OlxError(message, line=line) from None
    check_tree(root)
    return root


# libxml2's error texts are English and name its own terms; trainers read these instead.
_MISMATCH = re.compile(r"mismatch: (?P<tag>\S+) line (?P<opened>\d+) and (?P<closing>[^\s,]+)")
_NOT_FINISHED = re.compile(r"in tag (?P<tag>\S+) line (?P<opened>\d+)")
_REDEFINED = re.compile(r"Attribute (?P<name>\S+) redefined")
_END_TAG = re.compile(r"end of Start Tag (?P<tag>\S+)")
CODES = etree.ErrorTypes
SYNTAX_MESSAGES = {
    CODES.ERR_ENTITYREF_SEMICOL_MISSING: Message("The character & must be written as &amp; in OLX text and "
                                                 "attributes."),
    CODES.ERR_ATTRIBUTE_NOT_STARTED: Message("An attribute value must be in quotes, for example id=\"step1\"."),
    CODES.ERR_ATTRIBUTE_NOT_FINISHED: Message("An attribute value is not closed by its quote."),
    CODES.ERR_LT_IN_ATTRIBUTE: Message("An attribute value is not closed by its quote (or holds a <, which "
                                       "must be written as &lt;)."),
    CODES.ERR_INVALID_CHAR: Message("The text holds a character XML does not allow (an invisible control "
                                    "character); delete it."),
    CODES.ERR_DOCUMENT_END: Message("There is more after the closing tag of the root element; everything must be "
                                    "inside one root element."),
    CODES.ERR_COMMENT_NOT_FINISHED: Message("A comment that starts with <!-- is not closed with -->."),
}
NOT_WELL_FORMED = Message("The OLX is not well-formed XML here: check the tags, the quotes of the attributes and "
                          "any & or < on this line.")


def syntax_message(error):
    """A trainer's explanation (Message) of a libxml2 syntax error and the line it is on."""
    code, text, line = error.code, str(error.msg or ""), error.lineno or 1
    found = _MISMATCH.search(text)
    if code == CODES.ERR_TAG_NAME_MISMATCH and found:
        return Message("The <{tag}> element opened on line {opened} is not closed before </{closing}>.",
                       **found.groupdict()), line
    found = _NOT_FINISHED.search(text)
    if code == CODES.ERR_TAG_NOT_FINISHED and found:
        return Message("The <{tag}> element opened on line {opened} is not closed: the OLX ends before its "
                       "</{tag}>.", **found.groupdict()), line
    found = _REDEFINED.search(text)
    if code == CODES.ERR_ATTRIBUTE_REDEFINED and found:
        return Message("The attribute {name} is given twice in one element.", name=found["name"]), line
    if code == CODES.ERR_NAME_REQUIRED:
        if "EntityRef" in text:
            return SYNTAX_MESSAGES[CODES.ERR_ENTITYREF_SEMICOL_MISSING], line
        return Message("A < starts a tag, but no element name follows it; in text write < as &lt;."), line
    found = _END_TAG.search(text)
    if code == CODES.ERR_GT_REQUIRED and found:
        return Message("The start tag <{tag}> is not closed with >.", tag=found["tag"]), line
    if code == CODES.ERR_DOCUMENT_EMPTY:
        return Message("The OLX is empty or does not start with an element."), line
    return SYNTAX_MESSAGES.get(code, NOT_WELL_FORMED), line


def check_tree(root):
    """Refuse DTDs, entities, XInclude, deep nesting and oversized values in a parsed tree."""
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype or docinfo.system_url:
        raise OlxError(Message("A DTD or entity declaration is not allowed in OLX."), line=1)
    count = 0
    for node in root.iter():
        count += 1
        if count > MAX_ELEMENTS:
            raise error_at(node, Message("The OLX has more than {limit} elements.", limit=MAX_ELEMENTS))
        if isinstance(node, etree._Entity):
            raise OlxError(Message("Entity references such as &{name}; are not allowed in OLX.",
                                   name=node.name), line=node.sourceline)
        if not isinstance(node.tag, str):
            continue
        if node.tag.startswith("{" + XINCLUDE_NS + "}"):
            raise error_at(node, Message("XInclude is not allowed in OLX."))
        for name, value in node.attrib.items():
            if len(value) > MAX_ATTRIBUTE_CHARS:
                raise error_at(node, Message(
                    "The attribute {name} is {size} characters long; the limit is {limit}.",
                    name=local_name(name), size=len(value), limit=MAX_ATTRIBUTE_CHARS))
        for text in (node.text, node.tail):
            if text and len(text) > MAX_TEXT_CHARS:
                raise error_at(node, Message("A text is {size} characters long; the limit is {limit}.",
                                             size=len(text), limit=MAX_TEXT_CHARS))
    _check_depth(root, 0)


def _check_depth(node, depth):
    if depth > MAX_DEPTH:
        raise error_at(node, Message("The OLX is nested deeper than {limit} levels.", limit=MAX_DEPTH))
    for child in node:
        _check_depth(child, depth + 1)


# Readers ---------------------------------------------------------------------

def children(node, allowed):
    """The element children of `node`, refusing any tag not in `allowed`."""
    found = []
    for child in node:
        if not isinstance(child.tag, str):
            continue
        tag = local_name(child.tag)
        if tag not in allowed:
            raise error_at(child, Message("Unknown element <{tag}> inside <{parent}>; expected one of: {allowed}.",
                                          tag=tag, parent=local_name(node.tag), allowed=", ".join(sorted(allowed))))
        found.append(child)
    return found


def text_attr(node, name, *, required=False, default=None):
    value = node.get(name)
    if value is None or (required and not value.strip()):
        if required:
            raise error_at(node, Message("The attribute {name} is required.", name=name))
        return default
    return value


def required_id(node, seen):
    """The node's `id`, which must be present and unique in `seen` (a set, updated)."""
    value = (node.get("id") or "").strip()
    if not value:
        raise error_at(node, Message("The attribute id is required."))
    if not re.fullmatch(r"[A-Za-z0-9_.:-]{1,100}", value):
        raise error_at(node, Message(
            "The id \"{id}\" may hold only letters, digits and _ . : - (at most 100).", id=value[:100]))
    if value in seen:
        raise error_at(node, Message("The id \"{id}\" is used twice in this block.", id=value))
    seen.add(value)
    return value


def int_attr(node, name, default=None, *, minimum=None, maximum=None):
    raw = node.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise error_at(node, Message("The attribute {name} must be a whole number, not \"{value}\".",
                                     name=name, value=raw[:40])) from None
    _check_range(node, name, value, minimum, maximum)
    return value


def float_attr(node, name, default=None, *, minimum=None, maximum=None):
    raw = node.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw.strip())
    except ValueError:
        raise error_at(node, Message("The attribute {name} must be a number, not \"{value}\".",
                                     name=name, value=raw[:40])) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise error_at(node, Message("The attribute {name} must be a number, not \"{value}\".",
                                     name=name, value=raw[:40]))
    _check_range(node, name, value, minimum, maximum)
    return value


def _check_range(node, name, value, minimum, maximum):
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise error_at(node, Message("The attribute {name} must be between {minimum} and {maximum}.",
                                     name=name, minimum=minimum, maximum=maximum))


def bool_attr(node, name, default=False):
    raw = node.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value not in ("true", "false"):
        raise error_at(node, Message("The attribute {name} must be true or false, not \"{value}\".",
                                     name=name, value=raw[:40]))
    return value == "true"


def choice_attr(node, name, choices, default):
    value = node.get(name, default)
    if value not in choices:
        raise error_at(node, Message("The attribute {name} must be one of: {choices}; not \"{value}\".",
                                     name=name, choices=", ".join(choices), value=str(value)[:40]))
    return value


def inner_xml(node, skip=()):
    """The mixed content of `node` as markup (text and children), minus tags in `skip`.

    `skip` holding "source" means the caller reads the sources (read_sources): every <source> at any
    depth is left out, and so is a <p> it leaves empty. Without it a <source> is refused: it would
    not be shown.
    """
    from .sources import refuse_sources, without_sources  # sources.py reads with this module's helpers

    if "source" in skip:
        node = without_sources(node)
    else:
        refuse_sources(node, skip)
    parts = [escape(node.text or "")]
    for child in node:
        if isinstance(child.tag, str) and local_name(child.tag) in skip:
            parts.append(escape(child.tail or ""))
            continue
        parts.append(etree.tostring(_detached(child), encoding="unicode", with_tail=True))
    return "".join(parts).strip()


def _detached(node):
    """A copy of `node` without the namespace declarations it inherits (an export adds xmlns:block ...)."""
    copy = deepcopy(node)
    etree.cleanup_namespaces(copy)
    return copy


# Writers ---------------------------------------------------------------------

def set_attrs(node, **attrs):
    """Set attributes in order, skipping None; booleans become true/false."""
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, float) and value.is_integer():
            value = str(int(value))
        node.set(name.rstrip("_"), str(value))


def append_markup(node, markup):
    """Append mixed content (as produced by inner_xml) to `node`.

    Where the platform's import parser would drop a space between two inline elements, the node
    gets xml:space="preserve", so that an exported course imports with its text intact.
    """
    if not markup:
        return
    wrapper = etree.fromstring(f"<wrapper>{markup}</wrapper>", _safe_parser())
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + (wrapper.text or "")
    else:
        node.text = (node.text or "") + (wrapper.text or "")
    for child in list(wrapper):
        node.append(child)
    if spaces_lost_on_import(node):
        node.set(XML_SPACE, "preserve")


# Open edX imports courses with remove_blank_text=True (xmodule/modulestore/xml.py edx_xml_parser):
# whitespace-only text between two elements is dropped unless xml:space="preserve" is in scope.
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
                         "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "flag"})


def import_parser():
    """A parser with the platform's course-import options."""
    return etree.XMLParser(dtd_validation=False, load_dtd=False, remove_blank_text=True, resolve_entities=False,
                           no_network=True)


def spaces_lost_on_import(node):
    """[(element, left child)]: spaces between two inline elements the import parser would drop."""
    imported = etree.fromstring(etree.tostring(node, with_tail=False), import_parser())
    lost = []
    for kept, cut in zip(node.iter(), imported.iter(), strict=False):
        if not isinstance(kept.tag, str):
            continue
        siblings = list(kept)
        for index, (left, left_cut) in enumerate(zip(siblings[:-1], list(cut), strict=False)):
            right = siblings[index + 1]
            space = left.tail or ""
            if space and not space.strip() and (left_cut.tail or "") != space and any(
                    isinstance(element.tag, str) and local_name(element.tag) in INLINE_TAGS
                    for element in (left, right)):
                lost.append((kept, left))
    return lost


def sub_element(parent, tag, markup=None, **attrs):
    child = etree.SubElement(parent, tag)
    set_attrs(child, **attrs)
    append_markup(child, markup)
    return child
