"""JSON handlers that answer bad input with HTTP 400 and a translated message.

    @json_handler
    def check(self, data, suffix=""):
        data = validated(data, item=Arg(str), verdict=Arg(str))
        ...
        return {"ok": True}

On a HandlerError (or bad JSON) the response is `{"error": "<translated>"}`
with its status, and every field change the handler made is discarded before
the runtime saves, so a rejected call leaves the learner's state as it was.

A block may refuse a handler before it runs: `block.handler_refusal(name)`
returns a Message (answered with 400), a HandlerError (its status) or None (see ContentBlock: a block with
no content yet refuses its learners' handlers).
"""

import functools
import json
import math

from webob import Response
from xblock.core import XBlock

from .i18n import translator
from .messages import Message

MAX_BODY_BYTES = 256_000
# Editor JSON is about 6 levels deep; the limit keeps every recursive reader of a payload far from
# Python's recursion limit (json.loads itself raises RecursionError near 1,000 levels).
MAX_JSON_DEPTH = 32
TOO_DEEP = object()


class HandlerError(Exception):
    def __init__(self, message, status=400):
        super().__init__(str(message))
        self.message = message
        self.status = status


def json_response(payload, status=200):
    return Response(json.dumps(payload, ensure_ascii=False), status=status,
                    content_type="application/json", charset="utf-8")


def discard_unsaved_changes(block):
    """Forget field values set since the last save (XBlock keeps them in these two caches)."""
    block._dirty_fields.clear()
    block._field_data_cache.clear()


def nested_within(value, limit):
    """Whether the JSON `value` nests lists and objects at most `limit` levels deep (iterative: no recursion)."""
    level = [value]
    for _ in range(limit + 1):
        level = [child for item in level if isinstance(item, (list, dict))
                 for child in (item.values() if isinstance(item, dict) else item)]
        if not level:
            return True
    return False


def json_handler(func):
    @XBlock.handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        render = translator(self).render
        if request.method != "POST":
            response = json_response({"error": render(Message("Send this request with POST."))}, 405)
            response.allow = ("POST",)
            return response
        body = request.body
        if len(body) > MAX_BODY_BYTES:
            return json_response({"error": render(Message("The request is too large."))}, 400)
        try:
            payload = json.loads(body.decode("utf-8"))
            # "\ud800" escapes decode to lone surrogates, which no UTF-8 response or database takes.
            json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except (ValueError, UnicodeError):
            return json_response({"error": render(Message("The request is not valid JSON."))}, 400)
        except RecursionError:
            payload = TOO_DEEP
        if payload is TOO_DEEP or not nested_within(payload, MAX_JSON_DEPTH):
            return json_response({"error": render(Message(
                "The request is nested deeper than {limit} levels.", limit=MAX_JSON_DEPTH))}, 400)
        try:
            refusal = getattr(self, "handler_refusal", None)
            message = refusal(func.__name__) if refusal else None
            if isinstance(message, HandlerError):
                raise message
            if message is not None:
                raise HandlerError(message)
            return json_response(func(self, payload, suffix))
        except HandlerError as error:
            discard_unsaved_changes(self)
            return json_response({"error": render(error.message)}, error.status)

    return wrapper


class Arg:
    """What one key of a handler's JSON object may hold (named apart from XBlock's fields: nothing is stored).

    kind: str, int, float, bool, list or dict; `items` is the Arg of list
    elements and dict values (dict keys are strings). `label` (a Message) is the
    name the trainer sees on the form; its errors then name it instead of the key.
    """

    def __init__(self, kind, *, required=True, max_length=2000, max_items=500,
                 minimum=None, maximum=None, choices=None, items=None, label=None):
        self.label = label
        self.kind = kind
        self.required = required
        self.max_length = max_length
        self.max_items = max_items
        self.minimum = minimum
        self.maximum = maximum
        self.choices = choices
        self.items = items

    def check(self, name, value):
        problem = self._problem(value, name)
        if problem:
            raise HandlerError(problem)
        if self.items is not None and self.kind in (list, dict):
            for index, element in enumerate(value.values() if self.kind is dict else value):
                self.items.check(f"{name}[{index}]", element)
        return value

    def _limit(self):
        return self.max_items if self.kind in (list, dict) else self.max_length

    def _problem(self, value, name):
        if self.label:
            return self._labelled_problem(value)
        kind = self.kind
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool)):
            return Message("The field {name} has the wrong type.", name=name)
        if kind is float and not math.isfinite(value):
            return Message("The field {name} has the wrong type.", name=name)
        if kind is str and len(value) > self.max_length:
            return Message("The field {name} is longer than {limit} characters.", name=name, limit=self._limit())
        if kind in (list, dict) and len(value) > self.max_items:
            return Message("The field {name} has more than {limit} entries.", name=name, limit=self._limit())
        if kind is dict and not all(isinstance(key, str) and len(key) <= 200 for key in value):
            return Message("The field {name} has the wrong type.", name=name)
        if kind in (int, float) and (
                (self.minimum is not None and value < self.minimum)
                or (self.maximum is not None and value > self.maximum)):
            return Message("The field {name} is out of range.", name=name)
        if self.choices is not None and value not in self.choices:
            return Message("The field {name} has a value that is not allowed.", name=name)
        return None


    def _labelled_problem(self, value):
        """The problem of `value` in words a trainer knows: the form's label and the allowed range."""
        kind, label = self.kind, self.label
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        wrong_type = not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool))
        if kind in (int, float) and (wrong_type or (kind is float and not math.isfinite(value))):
            if kind is int:
                return Message("“{label}” must be a whole number.", label=label)
            return Message("“{label}” must be a number.", label=label)
        if wrong_type:
            return Message("“{label}” has the wrong type.", label=label)
        if kind is str and len(value) > self.max_length:
            return Message("“{label}” is longer than {limit} characters.", label=label, limit=self.max_length)
        low, high = self.minimum, self.maximum
        if kind in (int, float) and ((low is not None and value < low) or (high is not None and value > high)):
            if high is None:
                return Message("“{label}” must be at least {minimum}.", label=label, minimum=low)
            return Message("“{label}” must be between {minimum} and {maximum}.", label=label, minimum=low,
                           maximum=high)
        if self.choices is not None and value not in self.choices:
            return Message("“{label}” has a value that is not allowed.", label=label)
        return None


def validated(payload, **fields):
    """`payload` checked against `fields` (name -> Arg); unknown keys are refused."""
    if not isinstance(payload, dict):
        raise HandlerError(Message("The request must be a JSON object."))
    unknown = sorted(set(payload) - set(fields))
    if unknown:
        raise HandlerError(Message("Unknown field: {name}.", name=str(unknown[0])[:80]))
    result = {}
    for name, field in fields.items():
        if name not in payload or payload[name] is None:
            if field.required:
                raise HandlerError(Message("The field {name} is missing.", name=name))
            result[name] = None
            continue
        result[name] = field.check(name, payload[name])
    return result
