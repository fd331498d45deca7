"""A sheet as one HTML document of explicit A4 pages, each with its sources and the date of the facts.

A sheet's pages are written out in the data (no automatic page breaking), so every page can carry
its footer; a page whose content does not fit grows into a second sheet of paper, which the tests
catch by the page count. Text is a Message or a Known msgid (translated here) or a str (already in
its language: the sheet's `lang`).
"""

import html
from dataclasses import dataclass, field
from importlib import resources

from noturiba.messages import Message

from . import typography
from .sources import facts_checked


@dataclass
class Sheet:
    slug: str  # the PDF's file name without .pdf
    title: object  # Message or str
    pages: list  # of lists of blocks: (kind, payload) tuples
    sources: list = field(default_factory=list)  # (href, title Message) pairs
    kicker: object = ""  # the small line above the title
    lang: str = ""  # the language of str texts (authored course text), when it differs from the page


@dataclass(frozen=True)
class Known:
    """A msgid marked elsewhere (a block's N_), translated here into the page's language."""

    msgid: str


def _fixed(text, lang):
    return typography.fix(html.escape(text, quote=False), lang)


class Writer:
    def __init__(self, t, lang, text_lang=""):
        self.t, self.lang, self.text_lang = t, lang, text_lang or lang

    def text(self, value):
        if isinstance(value, Known):
            return _fixed(self.t.gettext(value.msgid), self.lang)
        if isinstance(value, Message):
            return _fixed(self.t.render(value), self.lang)
        fixed = _fixed(str(value), self.text_lang)
        return fixed if self.text_lang == self.lang else f'<span lang="{self.text_lang}">{fixed}</span>'

    def heading(self, value, tag="h2"):
        return f"<{tag}>{typography.heading(self.text(value), self.lang)}</{tag}>"


def _items(w, items, css=""):
    cls = f' class="{css}"' if css else ""
    return "".join(f"<li{cls}>{w.text(item)}</li>" for item in items)


def _fields(w, rows):
    out = []
    for label, lines in rows:
        blanks = '<span class="line"></span>' * lines
        out.append(f'<div class="field"><span class="label">{w.text(label)}</span>{blanks}</div>')
    return "".join(out)


def _numbers(w, rows):
    cells = "".join(f'<div class="number"><span class="digits">{html.escape(number)}</span>'
                    f'<span class="what">{w.text(what)}</span></div>' for number, what in rows)
    return f'<div class="numbers">{cells}</div>'


def _steps(w, rows):
    cells = "".join(f'<li><span class="letter" aria-hidden="true">{html.escape(letter)}</span>'
                    f'<strong>{w.text(title)}</strong> {w.text(text)}</li>' for letter, title, text in rows)
    return f'<ol class="steps">{cells}</ol>'


def _markup(w, payload):
    markup, lang = payload
    fixed = typography.fix(markup, lang)
    return fixed if lang == w.lang else f'<div lang="{lang}">{fixed}</div>'


BLOCKS = {
    "h2": lambda w, p: w.heading(p),
    "p": lambda w, p: f"<p>{w.text(p)}</p>",
    "note": lambda w, p: f'<p class="note">{w.text(p)}</p>',
    "ul": lambda w, p: f"<ul>{_items(w, p)}</ul>",
    "ol": lambda w, p: f"<ol>{_items(w, p)}</ol>",
    "check": lambda w, p: f'<ul class="check">{_items(w, p)}</ul>',
    "fields": _fields,
    "numbers": _numbers,
    "steps": _steps,
    "markup": _markup,
    "open": lambda w, p: f'<div class="{html.escape(p)}">',
    "close": lambda w, p: "</div>",
}


def short_url(href):
    """The address as a reader types it from paper: no scheme, no "www."."""
    rest = href.split("://", 1)[-1]
    return rest[4:] if rest.startswith("www.") else rest


def _footer(w, sheet):
    sources = "; ".join(f'{w.text(title)} (<span class="url">{html.escape(short_url(href))}</span>)'
                        for href, title in sheet.sources)
    return (f'<footer><p class="sources"><strong>{w.text(Message("Sources:"))}</strong> {sources}</p>'
            f'<p class="checked"><strong>{w.text(facts_checked())}</strong> \u00b7 '
            f'{w.text(Message("Noturība: National Library of Latvia"))}</p></footer>')


def _page(w, sheet, blocks, first):
    head = ""
    if first:
        kicker = f'<p class="kicker">{w.text(sheet.kicker)}</p>' if sheet.kicker else ""
        head = f"<header>{kicker}{w.heading(sheet.title, 'h1')}</header>"
    body = "".join(BLOCKS[kind](w, payload) for kind, payload in blocks)
    return f'<section class="page">{head}<div class="content">{body}</div>{_footer(w, sheet)}</section>'


# Author markup goes through noturiba.html.sanitize; still, printing must never fetch anything.
CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
       'style-src \'unsafe-inline\'; img-src file: data:">')


def css():
    return resources.files(__package__).joinpath("print.css").read_text(encoding="utf-8")


def document(sheet, t, lang):
    """The sheet's HTML in language `lang` (t: its Translator)."""
    w = Writer(t, lang, sheet.lang)
    title = html.escape(t.render(sheet.title) if isinstance(sheet.title, Message) else str(sheet.title))
    pages = "".join(_page(w, sheet, blocks, index == 0) for index, blocks in enumerate(sheet.pages))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">{CSP}<title>{title}</title>'
            f"<style>{css()}</style></head><body>{pages}</body></html>\n")
