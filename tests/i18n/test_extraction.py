"""No user-facing string escapes extraction: in Python, templates or JavaScript."""

import ast
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ROOT / "xblocks"
PYTHON = sorted(p for p in PACKAGES.rglob("*.py") if p.name != "messages.py")  # messages.py defines them
TEMPLATES = sorted(PACKAGES.rglob("templates/*.html"))
SCRIPTS = sorted(p for p in PACKAGES.rglob("public/**/*.js") if "translations" not in p.parts)
MARKERS = {"Message", "PluralMessage", "N_", "_", "gettext", "ngettext"}
WRAPPERS = {"HandlerError", "OlxError", "ValidationMessage", "ContentError", "DrillError", "QuizError"}
VISIBLE_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-description"}


def call_name(node):
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: str(p.relative_to(PACKAGES)))
def test_python_messages_are_literal_and_never_bare_strings(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        if name in MARKERS and name not in {"_", "gettext", "ngettext"}:
            first = node.args[0] if node.args else None
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{path.name}:{node.lineno}: {name}() needs a literal msgid so extraction finds it")
        if name in WRAPPERS:
            for argument in node.args:
                assert not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                            and re.search(r"[A-Za-z]{3,} [A-Za-z]", argument.value)), (
                    f"{path.name}:{node.lineno}: {name}() gets an untranslated sentence")


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_data(self, data):
        if re.search(r"[^\W\d_]{2,}", data):
            self.found.append(data.strip())

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value and re.search(r"[^\W\d_]{2,}", value):
                self.found.append(f"{name}={value}")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGES)))
def test_template_text_is_inside_trans_tags(path):
    source = path.read_text(encoding="utf-8")
    stripped = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", "", source, flags=re.S)
    parser = VisibleText()
    parser.feed(stripped)
    assert parser.found == [], f"{path.name}: text outside {{% trans %}}: {parser.found[:3]}"


# JavaScript: Babel's own lexer (the one its extractor uses) yields the real string literals, so code
# strings (class lists, selectors, markup) are told apart by their shape, not by pragmas on the line.
GETTEXT = {"gettext", "ngettext", "pgettext", "npgettext"}
CODE_STRINGS = {"use strict", "noopener noreferrer", "not attempted"}  # the last: a SCORM 1.2 lesson_status
TAGS = {"a", "button", "input", "label", "select", "textarea", "div", "span", "li", "ul", "ol", "p", "summary"}
TWO_WORDS = re.compile(r"[^\W\d_]{2,}[ ,.!?:;]+[^\W\d_]{2,}")
CODE_WORD = re.compile(r"[\w\-\[\]=.:#'\"*>()/]*(?:[-_\[\].#=/]|:\w)[\w\-\[\]=.:#'\"*>()/]*")


def looks_like_text(value):
    """A sentence a person reads, not a class list, a selector or a piece of markup."""
    if value in CODE_STRINGS or value.lstrip().startswith("<") or not TWO_WORDS.search(value):
        return False
    words = [word.strip(",") for word in value.split()]
    return not all(CODE_WORD.fullmatch(word) or word in TAGS for word in words)


def untranslated_strings(source):
    """(line, text) of every text-like string literal that is not an argument of a gettext call."""
    with warnings.catch_warnings():  # Babel marks its lexer an implementation detail; it is what extraction runs
        warnings.simplefilter("ignore", DeprecationWarning)
        from babel.messages.jslexer import tokenize, unquote_string
        tokens = [t for t in tokenize(source, jsx=False, dotted=False) if not t.type.endswith("comment")]
        calls, found, previous = [], [], None
        for token in tokens:
            if token.type == "operator" and token.value in "([{":
                opened = token.value == "(" and previous is not None and previous.type == "name"
                calls.append(previous.value if opened else None)
            elif token.type == "operator" and token.value in ")]}":
                if calls:
                    calls.pop()
            elif token.type in ("string", "template_string"):
                value = unquote_string(token.value) if token.type == "string" else token.value[1:-1]
                if looks_like_text(value) and not (calls and calls[-1] in GETTEXT):
                    found.append((token.lineno, value))
            previous = token
    return found


def test_the_javascript_check_tells_sentences_from_code():
    source = """var a = t.gettext("Check the answer") + el("p", { className: "nt-card nt-muted" }, "Saved at last");
    node.setAttribute("aria-label", 'Close the dialog'); q(".nt-mc-verdict input:checked", "button, input");
    // "A comment is not text"
    var b = t.ngettext("One item", "Many items", n) + `${count} items left`;"""
    assert [text for _line, text in untranslated_strings(source)] == [
        "Saved at last", "Close the dialog", "${count} items left"]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(PACKAGES)))
def test_javascript_sentences_go_through_gettext(path):
    offenders = untranslated_strings(path.read_text(encoding="utf-8"))
    assert offenders == [], f"{path.name}: sentences outside gettext(): {offenders[:3]}"
