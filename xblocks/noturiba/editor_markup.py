"""Rich text typed or pasted into a Studio form: one rule for every block (pure).

Repair, never refuse: markup that is well-formed XML is kept as the author wrote it; HTML that is
not (pasted from a web page or a word processor: <br>, an unclosed <p>, a bare "&") goes through
the allow-list sanitiser, which keeps what a page would show anyway, and lxml's HTML parser closes
what was left open. The result is well-formed mixed content, storable as OLX. The OLX view of an
editor stays strict: OLX is XML, and its errors name the line.
"""

import lxml.html

from . import olx
from .html import bounded_html, sanitize


def well_formed(markup):
    try:
        olx.parse_string(f"<wrapper>{markup}</wrapper>")
    except olx.OlxError:
        return False
    return True


def repaired(text, allow=None):
    """`text` read as HTML and written back as well-formed, sanitised markup ("" when nothing is left).

    `allow` ({tag: {attribute, ...}}) keeps a block's own elements as well (mediacheck's <flag id note>
    in an item's body); the block validates them as it validates any markup."""
    cleaned = sanitize(bounded_html(text), allow).strip()
    if not cleaned:
        return ""
    return olx.inner_xml(lxml.html.fragment_fromstring(cleaned, create_parent="div"))


def editor_markup(text, allow=None):
    """The markup to store for what the author typed: as written when well-formed, else repaired."""
    return text if well_formed(text) else repaired(text, allow)
