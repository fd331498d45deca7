"""Translations for the offline pages: Python strings per page language, and one JS catalog per language.

The compiled catalogs exist only inside the block packages (each holds the kit's messages too),
so the pages' own strings (domain "noturiba") come from one block package's .mo.
The JS catalog is cut from the block packages' compiled JS catalogs (tools/i18n.py writes every kit
JS msgid into each of them, with the language's plural rule): the entries whose msgid is a string
literal of the shipped JS (kit.js, offline/public/*.js) are kept, under the offline namespace.
Reusing what the build already compiled means no second compiler and no Babel at build time.
"""

import json
import re
from functools import cache
from importlib import resources

from ..i18n import Translator, package_catalog

LANGUAGES = ("lv", "ru", "uk", "en")
CATALOG_PACKAGES = ("mediacheck", "crisisdrill", "civicquiz")
JS_NAMESPACE = "NoturibaOfflineI18n"
_CATALOG = re.compile(r"var catalog = (\{.*?\n\});\n", re.DOTALL)
_NAMESPACE = re.compile(r"root\.\w+ = \{")
_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')


@cache
def translator(lang):
    """The Translator for page language `lang` (English: the msgids themselves)."""
    for package in CATALOG_PACKAGES:
        catalog = package_catalog(package, lang)
        if catalog is not None:
            return Translator(None, catalog)
    return Translator(None, None)


def _js_literals(sources):
    found = set()
    for text in sources:
        for literal in _LITERAL.findall(text):
            try:
                found.add(json.loads(literal))
            except ValueError:
                continue
    return found


def _compiled_js(package, lang):
    path = resources.files(package).joinpath("public", "js", "translations", lang, "text.js")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _compiled_entries(package, lang, wanted):
    """{msgid: text or [plural forms]} of the package's compiled .mo for the msgids in `wanted`."""
    catalog = package_catalog(package, lang)
    entries = {}
    for key, text in getattr(catalog, "_catalog", {}).items():  # gettext's parsed .mo: msgid or (msgid, n)
        if isinstance(key, tuple) and key[0] in wanted:
            forms = entries.setdefault(key[0], [])
            forms.extend([""] * (key[1] + 1 - len(forms)))
            forms[key[1]] = text
        elif isinstance(key, str) and key and key in wanted:
            entries[key] = text
    return entries


def js_catalog(lang, sources):
    """The text of a JS catalog for `lang` holding the translations of the string literals in `sources`
    (the JS files' texts); None for English or a language no package has compiled.

    The entries come from the packages' compiled .mo (the blocks' learner JS catalogs leave the
    offline players' strings out, to stay small); the runtime is a block's compiled JS catalog with
    those entries and the offline namespace, so there is one catalog runtime."""
    wanted = _js_literals(sources)
    entries, template = {}, None
    for package in CATALOG_PACKAGES:
        text = _compiled_js(package, lang)
        found = _CATALOG.search(text) if text else None
        if not found:
            continue
        template = template or (text, found)
        for msgid, value in _compiled_entries(package, lang, wanted).items():
            entries.setdefault(msgid, value)
    if template is None:
        return None
    text, found = template
    catalog = json.dumps(entries, ensure_ascii=False, sort_keys=True, indent=0)
    return _NAMESPACE.sub(f"root.{JS_NAMESPACE} = {{", text[:found.start(1)] + catalog + text[found.end(1):], count=1)
