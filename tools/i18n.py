"""Translation tooling: extract msgids, update .po files, compile catalogs.

Sources live in translations/<locale>/LC_MESSAGES/<domain>.po, one domain per
package (noturiba is the shared kit, the others are the blocks). English is the
source language. The build (setup.py) and `make translations` compile them into
what the platform reads (docs/platform.md section 3):

    xblocks/<block>/translations/<locale>/LC_MESSAGES/text.mo
    xblocks/<block>/public/js/translations/<locale>/text.js

Each block's catalogs hold its own messages plus the shared kit's, because the
LMS gives every block only the catalog beside its own class.

Usage: python tools/i18n.py extract|update|compile|stats [domain ...]
"""

import json
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "translations"
PACKAGES = ROOT / "xblocks"
KIT = "noturiba"
BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")
DOMAINS = (KIT, *BLOCKS)
LOCALES = ("lv", "ru", "uk")
KEYWORDS = {
    "_": None, "gettext": None, "N_": None,
    "ngettext": (1, 2), "Message": None, "PluralMessage": (1, 2),
    "pgettext": ((1, "c"), 2),
}
TRANS_TAG = re.compile(r"""\{%\s*trans\s+(?P<q>["'])(?P<msg>(?:(?!(?P=q)).)*)(?P=q)\s*%\}""")


def js_namespace(block):
    """The global the JS catalog of a block defines (also the block's i18n_js_namespace)."""
    return f"Noturiba{block.capitalize()}I18n"


def extract_django_template(fileobj, keywords, comment_tags, options):
    """Babel extractor for `{% trans "..." %}` in our Django templates."""
    for lineno, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        for match in TRANS_TAG.finditer(line):
            yield lineno, "gettext", match.group("msg"), []


METHODS = [
    ("**/tests/**", "ignore"),
    ("**.py", "python"),
    ("**/public/**/translations/**", "ignore"),
    ("**/public/noturiba/**", "ignore"),  # the kit's files, copied in (tools/kit_files.py)
    ("**.js", "javascript"),
    ("**/templates/**.html", extract_django_template),
]


def template_catalog(domain):
    catalog = Catalog(project="noturiba-xblocks", domain=domain, charset="utf-8",
                      msgid_bugs_address="noturiba@lnb.lv")
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGES / domain, METHODS, keywords=KEYWORDS, comment_tags=("Translators:",)):
        catalog.add(message, None, [(f"xblocks/{domain}/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


def po_path(locale, domain):
    return SOURCES / locale / "LC_MESSAGES" / f"{domain}.po"


def read_catalog(path, locale=None):
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def write_catalog(catalog, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False)


def extract(domains=DOMAINS):
    for domain in domains:
        write_catalog(template_catalog(domain), SOURCES / f"{domain}.pot")


def update(domains=DOMAINS):
    """Merge the templates into every locale, keeping existing translations."""
    extract(domains)
    for domain in domains:
        template = read_catalog(SOURCES / f"{domain}.pot")
        for locale in LOCALES:
            path = po_path(locale, domain)
            if path.exists():
                catalog = read_catalog(path, locale)
            else:
                catalog = Catalog(locale=locale, domain=domain, project="noturiba-xblocks")
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            write_catalog(catalog, path)


def merged_catalog(block, locale):
    """The block's catalog with the shared kit's messages added."""
    catalog = read_catalog(po_path(locale, block), locale)
    for message in read_catalog(po_path(locale, KIT), locale):
        if message.id and message.id not in catalog:
            catalog[message.id] = message
    return catalog


def is_translated(message):
    strings = message.string if isinstance(message.string, tuple | list) else [message.string]
    return not message.fuzzy and all(strings)


# The offline pack's players run outside the LMS; their strings reach them through the offline
# pack's own catalog (noturiba/offline/catalog.py, from the .mo), not through the blocks' learner JS.
OFFLINE_JS = "xblocks/noturiba/offline/"


def js_catalog(catalog, namespace):
    """A catalog for the browser with the same API as the platform's statici18n output."""
    entries = {}
    for message in catalog:
        used_in_js = any(path.endswith(".js") and not path.startswith(OFFLINE_JS) for path, _line in message.locations)
        if message.id and used_in_js and is_translated(message):
            key = message.id[0] if isinstance(message.id, tuple | list) else message.id
            entries[key] = list(message.string) if message.pluralizable else message.string
    expression = catalog.plural_expr.replace("\n", " ")
    return JS_TEMPLATE.format(
        namespace=namespace, locale=catalog.locale,
        catalog=json.dumps(entries, ensure_ascii=False, sort_keys=True, indent=0),
        plural=expression,
    )


JS_TEMPLATE = """/* Generated from translations/{locale}: do not edit. */
(function (root) {{
  "use strict";
  var catalog = {catalog};
  function pluralidx(n) {{ var v = ({plural}); return typeof v === "boolean" ? (v ? 1 : 0) : v; }}
  function lookup(msgid) {{ return Object.prototype.hasOwnProperty.call(catalog, msgid) ? catalog[msgid] : null; }}
  root.{namespace} = {{
    locale: "{locale}",
    pluralidx: pluralidx,
    gettext: function (msgid) {{
      var value = lookup(msgid);
      return value === null ? msgid : (Array.isArray(value) ? value[0] : value);
    }},
    ngettext: function (singular, plural, n) {{
      var value = lookup(singular);
      if (!Array.isArray(value)) {{ return n === 1 ? singular : plural; }}
      return value[pluralidx(n)] || (n === 1 ? singular : plural);
    }}
  }};
}}(window));
"""


def compile_all(target=PACKAGES):
    """Write every block's .mo and JS catalogs under `target` (the package tree)."""
    written = []
    for block in BLOCKS:
        for locale in LOCALES:
            catalog = merged_catalog(block, locale)
            mo = Path(target) / block / "translations" / locale / "LC_MESSAGES" / "text.mo"
            mo.parent.mkdir(parents=True, exist_ok=True)
            with open(mo, "wb") as handle:
                write_mo(handle, catalog)
            js = Path(target) / block / "public" / "js" / "translations" / locale / "text.js"
            js.parent.mkdir(parents=True, exist_ok=True)
            js.write_text(js_catalog(catalog, js_namespace(block)), encoding="utf-8")
            written += [mo, js]
    return written


def stats(domains=DOMAINS):
    for locale in LOCALES:
        for domain in domains:
            catalog = read_catalog(po_path(locale, domain), locale)
            missing = [m.id for m in catalog if m.id and not is_translated(m)]
            print(f"{locale} {domain}: {len(catalog)} messages, {len(missing)} untranslated")
            for msgid in missing:
                print("   ", msgid)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    chosen = tuple(sys.argv[2:]) or DOMAINS  # e.g. `update mediacheck` touches only that domain
    if command == "compile":
        compile_all()
    else:
        {"extract": extract, "update": update, "stats": stats}[command](chosen)
