"""Typography of printed text per language: quotes, no-break spaces, no lone word in a heading.

Applied to text only (never inside a tag), after escaping. Latvian quotes are „…”, Russian and
Ukrainian «…», English “…”, an apostrophe ’. A number keeps its unit or noun on the same line ("3 l", "1,5 km",
"30 %", "2025. gada"), a one-letter word keeps the next word, and a dash keeps the word before it.
"""

import re

QUOTES = {"lv": ("\u201e", "\u201d"), "ru": ("\u00ab", "\u00bb"), "uk": ("\u00ab", "\u00bb"),
          "en": ("\u201c", "\u201d")}
NBSP = "\u00a0"
_TAG = re.compile(r"(<[^>]*>)")
_STRAIGHT = re.compile(r'"([^"<>]*)"')
_CURLY = re.compile("[\u201c\u201e\u00ab]([^\u201c\u201d\u201e\u00ab\u00bb<>]*)[\u201d\u201c\u00bb]")
_NUMBER = re.compile(r"(?<![\w.,])(\d[\d,.]*\.?) (?=[\w%\u00b0\u20ac(])")
_ONE_LETTER = re.compile(r"(?<![\w\u00ad\u00a0.-])(\w) (?=\w)")
_DASH = re.compile(" ([\u2013\u2014]) ")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_ABBREVIATION = re.compile(r"\b(Nr\.|No\.|p\.|art\.) (?=\d)")


def _text(text, lang):
    opening, closing = QUOTES.get(lang, QUOTES["en"])
    text = _STRAIGHT.sub(lambda m: opening + m.group(1) + closing, text)
    text = _CURLY.sub(lambda m: opening + m.group(1) + closing, text)
    text = _APOSTROPHE.sub("\u2019", text)
    text = _ABBREVIATION.sub(lambda m: m.group(1) + NBSP, text)
    text = _NUMBER.sub(lambda m: m.group(1) + NBSP, text)
    text = _ONE_LETTER.sub(lambda m: m.group(1) + NBSP, text)
    return _DASH.sub(lambda m: NBSP + m.group(1) + " ", text)


def fix(markup, lang):
    """`markup` (escaped text or sanitised HTML) with the typography of `lang` in its text parts."""
    parts = _TAG.split(markup)
    return "".join(part if index % 2 else _text(part, lang) for index, part in enumerate(parts))


def heading(markup, lang):
    """fix(), and the last two words of a heading held together (no lone word on its last line)."""
    text = fix(markup, lang)
    head, space, last = text.rpartition(" ")
    if space and "<" not in last and len(last) <= 12:
        return head + NBSP + last
    return text
