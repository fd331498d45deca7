"""Translatable messages without Django: pure modules describe, the shell translates.

`N_` marks a msgid for extraction and returns it unchanged (for field labels).
`Message` and `PluralMessage` carry a msgid with its parameters, so content.py
and grading.py can report problems without importing Django or XBlock; the
block renders them with the learner's language (noturiba.i18n.Translator).
"""

from dataclasses import dataclass, field


def percent(value):
    """A percentage as every block writes it: "50\u00a0%" (no-break space; kit.js percent() is its twin)."""
    return f"{round(value)}\u00a0%"


def N_(msgid):
    """Mark `msgid` for extraction; translation happens where it is shown."""
    return msgid


@dataclass(frozen=True, init=False)
class Message:
    msgid: str
    params: dict = field(default_factory=dict)
    plural: str | None = None
    count: int | None = None

    def __init__(self, msgid, **params):
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "plural", None)
        object.__setattr__(self, "count", None)

    def render(self, gettext=None, ngettext=None):
        """The text in the language of the given functions (English without them)."""
        if self.plural is None:
            template = gettext(self.msgid) if gettext else self.msgid
        elif ngettext:
            template = ngettext(self.msgid, self.plural, self.count)
        else:
            template = self.msgid if self.count == 1 else self.plural
        # A parameter that is a Message itself (a field's label) is shown in the same language.
        params = {name: value.render(gettext, ngettext) if isinstance(value, Message) else value
                  for name, value in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must not hide the message: fall back to English.
            english = self.msgid if self.plural is None or self.count == 1 else self.plural
            return english.format(**params)

    def __str__(self):
        return self.render()


def PluralMessage(singular, plural, number, **params):  # noqa: N802 - reads like the class it builds
    """A Message whose form depends on `number` (Latvian, Russian, Ukrainian have three).

    `number` picks the form and fills `{count}` unless `params` gives count itself.
    """
    params.setdefault("count", number)
    message = Message(singular, **params)
    object.__setattr__(message, "plural", plural)
    object.__setattr__(message, "count", number)
    return message


@dataclass(frozen=True)
class Problem:
    """A content validation finding: severity "error" refuses a save, "warning" only informs."""

    severity: str
    message: Message
    node_id: str | None = None

    @property
    def is_error(self):
        return self.severity == "error"


class ContentError(ValueError):
    """Malformed content (Studio editor JSON) with a translatable Message; each block's
    content module raises it from from_json, and the kit's handlers render it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message

    def render(self, gettext=None, ngettext=None):
        return self.message.render(gettext, ngettext)
