"""Every user-facing string is extracted, translated into lv, ru and uk, and compiles."""

import gettext
import json
import re
import shutil
import subprocess

import pytest

import i18n as tool

PLACEHOLDER = re.compile(r"\{(\w*)\}")
CATALOGS = [(locale, domain) for locale in tool.LOCALES for domain in tool.DOMAINS]


def msgids(catalog):
    return {message.id for message in catalog if message.id}


@pytest.mark.parametrize("domain", tool.DOMAINS)
def test_every_string_in_the_code_is_in_every_catalog(domain):
    in_code = msgids(tool.template_catalog(domain))
    for locale in tool.LOCALES:
        catalog = tool.read_catalog(tool.po_path(locale, domain), locale)
        missing = in_code - msgids(catalog)
        first = sorted(missing, key=str)[:5]  # plural msgids are tuples
        assert not missing, f"{locale}/{domain}.po lacks {first}: run `make messages` and translate"


@pytest.mark.parametrize(("locale", "domain"), CATALOGS)
def test_every_message_is_translated_with_the_same_placeholders(locale, domain):
    catalog = tool.read_catalog(tool.po_path(locale, domain), locale)
    for message in catalog:
        if not message.id:
            continue
        assert tool.is_translated(message), f"{locale}/{domain}: untranslated or fuzzy: {message.id!r}"
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == expected, f"{locale}/{domain}: placeholders of {ids[0]!r}"


@pytest.mark.parametrize(("locale", "domain"), CATALOGS)
def test_gnu_msgfmt_accepts_the_catalog(locale, domain, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("GNU gettext's msgfmt is missing: `make test` installs Debian's gettext")
    result = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "out.mo"), str(tool.po_path(locale, domain))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_compiled_catalogs_land_where_the_lms_reads_them(tmp_path):
    written = tool.compile_all(tmp_path)
    for block in tool.BLOCKS:
        for locale in tool.LOCALES:
            assert (tmp_path / block / "translations" / locale / "LC_MESSAGES" / "text.mo") in written
            assert (tmp_path / block / "public" / "js" / "translations" / locale / "text.js") in written


LATVIAN_FORMS = {1: 0, 21: 0, 101: 0, 2: 1, 11: 1, 12: 1, 111: 1, 7: 1, 10: 1, 0: 2}


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    target = tmp_path_factory.mktemp("compiled")
    tool.compile_all(target)
    return target


def plural_entry(locale):
    catalog = tool.read_catalog(tool.po_path(locale, tool.KIT), locale)
    return next(m for m in catalog if m.id and isinstance(m.id, tuple) and "attempt left" in m.id[0])


def test_latvian_has_three_plural_forms_and_picks_the_right_one(compiled):
    entry = plural_entry("lv")
    assert len(entry.string) == 3 and len(set(entry.string)) == 3
    with open(compiled / "mediacheck" / "translations" / "lv" / "LC_MESSAGES" / "text.mo", "rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    for count, form in LATVIAN_FORMS.items():
        assert catalog.ngettext(entry.id[0], entry.id[1], count) == entry.string[form], count


@pytest.mark.parametrize("locale", ["lv", "ru", "uk"])
def test_javascript_catalog_picks_the_same_plural_forms_as_the_server(compiled, locale):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the JavaScript catalog test")
    script = (compiled / "civicquiz" / "public" / "js" / "translations" / locale / "text.js").read_text()
    counts = list(range(130))
    program = ("var window = {};\n" + script + "\nvar c = window.NoturibaCivicquizI18n;\n"
               f"console.log(JSON.stringify({json.dumps(counts)}.map(c.pluralidx)));")
    output = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True).stdout
    with open(compiled / "civicquiz" / "translations" / locale / "LC_MESSAGES" / "text.mo", "rb") as handle:
        python = gettext.GNUTranslations(handle)
    assert json.loads(output) == [python.plural(n) for n in counts]


def test_the_blocks_learner_catalogs_leave_the_offline_players_strings_out():
    """The offline pack's strings reach its players through its own catalog, not the LMS's pages."""
    for block in tool.BLOCKS:
        catalog = tool.merged_catalog(block, "lv")
        offline_only = {m.id for m in catalog if m.id and m.locations
                        and all(path.startswith(tool.OFFLINE_JS) for path, _ in m.locations)}
        assert "Forget my progress" in offline_only  # a string of the offline shell alone
        text = tool.js_catalog(catalog, tool.js_namespace(block))
        shipped = set(json.loads(text.split("var catalog = ", 1)[1].split(";\n", 1)[0]))
        assert not shipped & offline_only, block
