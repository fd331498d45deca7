"""Reading the fields of the Studio editor's JSON (pure): texts, markup, numbers, lists and ids.

Each reader raises ContentError (never KeyError/TypeError) naming the field as the form labels it.
"""

import math
import re

from noturiba.editor_markup import editor_markup, well_formed  # noqa: F401 - well_formed: content.py
from noturiba.messages import Message

from .labels import field_label
from .model import MAX_CHOICES, ContentError

# Characters XML 1.0 cannot hold (the content must export as OLX).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(data, key, default="", limit=200_000):
    value = data.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, str) or len(value) > limit:
        raise ContentError(Message("“{name}” must be a text.", name=field_label(key)))
    return NOT_XML.sub("", value)  # pasted text may carry them; they are invisible and OLX cannot store them


def markup(data, key):
    """Rich text from the editor: kept as written when it is well-formed markup; HTML that is no
    XML (typed "A & B", pasted <br> or unclosed <p>) is repaired into markup, as crisisdrill does."""
    return editor_markup(text(data, key))


def whole(data, key, default=None, minimum=None, maximum=None):
    value = data.get(key, default)
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ContentError(Message("“{name}” must be a whole number.", name=field_label(key)))
    try:
        number = int(str(value).strip()) if isinstance(value, str) else value
    except ValueError:
        raise ContentError(Message("“{name}” must be a whole number.", name=field_label(key))) from None
    if isinstance(number, float):
        if not number.is_integer():
            raise ContentError(Message("“{name}” must be a whole number.", name=field_label(key)))
        number = int(number)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ContentError(Message("“{name}” must be between {minimum} and {maximum}.",
                                   name=field_label(key), minimum=minimum, maximum=maximum))
    return number


def number(data, key, qid):
    value = data.get(key)
    if value is None or value == "":
        return None
    not_a_number = Message("Question {id}: “{name}” must be a number.", id=qid, name=field_label(key))
    if isinstance(value, bool):
        raise ContentError(not_a_number)
    try:
        result = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ContentError(not_a_number) from None
    if not math.isfinite(result):
        raise ContentError(not_a_number)
    return result


def entries(data, key):
    value = data.get(key) or []
    if not isinstance(value, list) or len(value) > MAX_CHOICES:
        raise ContentError(Message("The field {name} must be a list of at most {limit} entries.",
                                   name=key, limit=MAX_CHOICES))
    if not all(isinstance(entry, dict) for entry in value):
        raise ContentError(Message("The field {name} must be a list of at most {limit} entries.",
                                   name=key, limit=MAX_CHOICES))
    return value


def unique_id(data, seen):
    value = data.get("id")
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_.:-]{1,100}", value.strip()):
        raise ContentError(Message(
            "Every question, option, item and pair needs an id of letters, digits and _ . : - ."))
    value = value.strip()
    if value in seen:
        raise ContentError(Message("The id \"{id}\" is used twice.", id=value))
    seen.add(value)
    return value
