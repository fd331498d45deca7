"""The Latvian interface speaks to the learner with the polite "jūs", never "tu", and never in gendered forms.

Every lv catalog (all domains) and the Latvian text of the blocks' demo scenarios are read. Made-up practice
posts may say "tu" (a forwarded message is quoted as written), so in the scenarios the bodies of fact-check
items and anything in quotation marks are left out.
"""

import re
from collections import Counter

import pytest
from lxml import etree

import i18n as tool

# Pronouns and possessives of the 2nd person singular.
PRONOUNS = {"tu", "tev", "tevi", "tevis", "tavs", "tava", "tavu", "tavas", "tavi", "tavam", "tavai", "taviem",
            "tavām", "tavā", "tavos", "tavās"}
# Verb forms that are only ever 2nd person singular (imperative or present/past "tu ..."). Forms that are
# also nouns ("atbildi", "pārbaudi", "apraksti", "atlasi", "zvani") or the 3rd person ("atzīmē", "atver")
# are not here;
# the imperatives among those are caught at the start of a sentence below.
VERBS = {"esi", "neesi", "izvēlies", "sāc", "sāki", "mēģini", "uzzini", "spied", "nospied", "noklikšķini",
         "atdali", "maini", "pasaki", "lasi", "pieskaries", "pārvietojies", "piesakies", "rīkojies",
         "dodies", "ieliec", "apstiprini", "skaties", "klausies", "atradi", "atvēri", "neatvēri", "izlēmi",
         "neizlēmi", "iestati", "redzi", "dari", "vari", "zini", "vēlies", "gatavojies", "sagatavojies",
         "apstājies", "atrodi", "dalies", "sazinies", "palīdzi"}
# Imperatives that look like the 3rd person: wrong only where a sentence or an instruction begins with them.
SENTENCE_IMPERATIVES = {"atzīmē", "iezīmē", "atver", "pievieno", "pārlādē", "izlabo", "iesniedz", "ieslēdz",
                        "meklē", "sakārto", "pabeidz", "sapako", "apraksti", "uzraksti", "atlasi", "zvani",
                        "ieraksti", "izdzēs", "izmanto", "pārbaudi", "savieno", "noskaidro", "izseko", "ievēro"}
# Gendered words that, in this interface, can only describe the learner.
GENDERED = {"pārliecināts", "pārliecināta", "pārliecināti", "izmantojis", "izmantojusi", "izgājis", "izgājusi",
            "sastapis", "sastapusi", "izvēlējies", "izvēlējusies", "godīgs", "godīga", "pacietīgs", "pacietīga"}
# "Jūs esat gatavs", "esiet pacietīgs": the verb "to be" addressed to the learner, then an adjective or participle.
BE_GENDERED = re.compile(r"\b(esat|neesat|esiet|esi|neesi)\s+(\w+\s+)?\w+(ts|ta|ti|gs|ga|vs|va|is|usi)\b")
# The courses write the polite pronoun in lower case, so the interface does too (capital only at a sentence start).
CAPITAL_MID_SENTENCE = re.compile(r"[a-zāčēģīķļņšūž,] (Jūs|Jums|Jūsu|Jūsus|Jūsos)\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[“„\"(]\s*)(\w+)")
WORD = re.compile(r"\w+")


def problems(text):
    found = []
    words = [word.lower() for word in WORD.findall(text)]
    found += [word for word in words if word in PRONOUNS | VERBS | GENDERED]
    found += [match.group(1) for match in SENTENCE_START.finditer(text)
              if match.group(1).lower() in SENTENCE_IMPERATIVES]
    found += [match.group(0) for match in BE_GENDERED.finditer(text.lower())]
    found += [match.group(0) for match in CAPITAL_MID_SENTENCE.finditer(text)]
    return found


def strings(message):
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


LATVIAN_CATALOGS = sorted((tool.SOURCES / "lv" / "LC_MESSAGES").glob("*.po"))


def test_every_domain_has_a_latvian_catalog():
    assert {path.stem for path in LATVIAN_CATALOGS} >= set(tool.DOMAINS)


@pytest.mark.parametrize("path", LATVIAN_CATALOGS, ids=lambda path: path.stem)
def test_latvian_catalog_uses_the_polite_register_without_gender(path):
    catalog = tool.read_catalog(path, "lv")
    wrong = {}
    for message in catalog:
        if not message.id:
            continue
        for string in strings(message):
            if found := problems(string):
                wrong[string] = found
    assert not wrong, f"lv/{path.name}: 2nd person singular or gendered forms: {wrong}"


def test_the_checker_catches_what_was_fixed():
    assert problems("Vispirms izvēlies vērtējumu.") == ["izvēlies"]
    assert problems("Tavs rezultāts: {percent}.") == ["tavs"]
    assert problems("Atzīmē daļas, kas šķiet aizdomīgas.") == ["Atzīmē"]
    assert problems("Jūs esat izmantojis visus mēģinājumus.")
    assert problems("Cik esat pārliecināts?")
    assert problems("Ko tu dari?") == ["tu", "dari"]
    assert problems("Paldies, Jūsu atbildes ir saglabātas.")
    assert not problems("Vispirms izvēlieties vērtējumu. Atbildi varat mainīt; lietotne atzīmē ierakstu.")
    assert not problems("Šī aktivitāte vēl nav gatava.")


SCENARIOS = sorted(tool.PACKAGES.glob("*/scenarios/*.xml"))
QUOTED = re.compile(r"“[^”]*”|„[^”“]*[”“]|\"[^\"]*\"|«[^»]*»")
PRACTICE_MATERIAL = {"body"}  # a fact-check item's post, headline or message, quoted as it would appear online
NOT_LATVIAN_TEXT = {"source"}


def scenario_texts(path):
    """Latvian text shown by a demo scenario outside quoted practice material."""
    texts = []

    def walk(element):
        if not isinstance(element.tag, str):  # a comment
            return
        if element.tag in PRACTICE_MATERIAL:
            texts.extend(flag.get("note", "") for flag in element.iter("flag"))  # the notes are feedback
            return
        if element.tag not in NOT_LATVIAN_TEXT:
            texts.extend(value for name, value in element.attrib.items()
                         if name in {"display_name", "label", "title", "note", "alt", "caption", "intro",
                                     "low", "high", "text", "name"})
            texts.append(element.text or "")
        for child in element:
            walk(child)
            texts.append(child.tail or "")

    walk(etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot())
    return [QUOTED.sub(" ", text) for text in texts if text.strip()]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_scenario_speaks_to_the_learner_politely(path):
    wrong = {text.strip()[:80]: found for text in scenario_texts(path) if (found := problems(text))}
    assert not wrong, f"{path.relative_to(tool.ROOT)}: 2nd person singular or gendered forms: {wrong}"


PLACEHOLDERS = re.compile(r"\{\w*\}|%\(\w+\)[sd]|%[sd]")


@pytest.mark.parametrize(("locale", "domain"), [(locale, domain) for locale in tool.LOCALES for domain in tool.DOMAINS])
def test_every_form_keeps_each_placeholder_as_often_as_the_msgid(locale, domain):
    catalog = tool.read_catalog(tool.po_path(locale, domain), locale)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        expected = Counter(PLACEHOLDERS.findall(ids[-1]))
        if isinstance(message.id, tuple | list):
            assert len(strings(message)) == catalog.num_plurals, f"{locale}/{domain}: forms of {ids[0]!r}"
        for string in strings(message):
            assert Counter(PLACEHOLDERS.findall(string)) == expected, f"{locale}/{domain}: placeholders of {ids[0]!r}"
