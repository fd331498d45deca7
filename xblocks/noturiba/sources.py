"""The one shape of an explanation's sources (pure): (href, title) pairs in models, {"href", "title"} in JSON.

Models keep sources as tuples of (href, title) (noturiba.olx read_sources / append_sources write the
OLX <source href title/>). JSON sent to a page or stored as a block's content uses
{"href": ..., "title": ...} objects, and only those are written; `from_json` also reads the
[href, title] pairs that mediacheck's content and Studio editor held until session 6, so a block
stored then (or a Studio page opened before an update) loads as it was saved.
"""


def to_json(pairs):
    """[{"href", "title"}] of (href, title) pairs."""
    return [{"href": href, "title": title} for href, title in pairs]


def from_json(entries):
    """(href, title) pairs of JSON entries, {"href", "title"} objects or [href, title] pairs.

    Raises KeyError, TypeError or ValueError (a block's from_json turns them into its ContentError)
    for anything else; a missing title is empty."""
    pairs = []
    for entry in entries or ():
        if isinstance(entry, dict):
            href, title = entry["href"], entry.get("title", "")
        elif isinstance(entry, list | tuple) and len(entry) == 2:
            href, title = entry
        else:
            raise ValueError("a source is {href, title} or [href, title]")
        if not isinstance(href, str) or not isinstance(title, str):
            raise TypeError("a source's href and title are text")
        pairs.append((href, title))
    return tuple(pairs)
