"""No user-facing string escapes extraction: in Python, templates or JavaScript."""

import ast
import re
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


SENTENCE = re.compile(r"""(["'])((?:(?!\1)[^\\\n]|\\.)*?[^\W\d_]{2,}[ ,.!?:][^\W\d_]{2,}(?:(?!\1)[^\\\n]|\\.)*)\1""")


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(PACKAGES)))
def test_javascript_sentences_go_through_gettext(path):
    offenders = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith(("/*", "*", "//")) or "i18n-ignore" in line or "use strict" in line:
            continue
        for match in SENTENCE.finditer(line):
            before = line[:match.start()]
            if not re.search(r"(?:gettext|ngettext|pgettext)\(\s*(?:[\"'][^\"']*[\"']\s*,\s*)?$", before):
                offenders.append(f"{number}: {match.group(0)}")
    assert offenders == [], f"{path.name}: sentences outside gettext(): {offenders[:3]}"
