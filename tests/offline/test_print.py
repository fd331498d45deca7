"""The print pack (`python -m noturiba.offline print`): A4 PDFs checked by their text, pages and fonts.

The PDFs are printed once per module by Debian's Chromium (hence the `browser` mark on those tests).
The Latvian texts asserted here are the print pack's own msgids (var/i18n-print.json): they pass once
the coordinator has merged that file into translations/ and compiled the catalogs.
"""

import re
import subprocess
from pathlib import Path

import pytest

from noturiba.offline import pdf, print_pack
from noturiba.offline.activities import course_activities
from noturiba.offline.print import page, sheets_crisis, typography

ROOT = Path(__file__).resolve().parents[2]
COURSES = ROOT / "courses"
FIXED = ("72-hour-checklist", "warning-signals", "family-plan-flat", "family-plan-house",
         "family-plan-countryside", "check-before-sharing")
TWO_PAGES = {"family-plan-flat", "family-plan-house", "family-plan-countryside"}
CHECKED_LV = "Faktu stāvoklis: 2026. gada 3. janvāris"
browser = pytest.mark.browser


def practice_drills():
    return [a.url_name for course in sorted(COURSES.iterdir()) if (course / "course.xml").is_file()
            for a in course_activities(course) if a.kind == "crisisdrill" and a.included]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("print")
    (out / "lv").mkdir()
    (out / "lv" / "action-card-a-drill-no-longer-there.pdf").write_bytes(b"%PDF-1.4")  # from an earlier run
    assert print_pack.main(["--out", str(out), "--lang", "lv,ru,uk", str(COURSES)]) == 0
    return out


def text(path, page_number=None):
    """The PDF's text with runs of white space (no-break spaces too) made one space."""
    pages = ["-f", str(page_number), "-l", str(page_number)] if page_number else []
    raw = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(raw.replace("\u00a0", " ").split())


def info(path):
    raw = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", raw, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", raw, re.M).groups())
    return pages, round(width), round(height)


def pdfs(printed, lang="lv"):
    return sorted((printed / lang).glob("*.pdf"))


@browser
def test_every_sheet_and_every_practice_drill_card_is_printed(printed):
    names = {path.stem for path in pdfs(printed)}
    cards = {f"action-card-{name}" for name in practice_drills()}
    assert names == set(FIXED) | cards  # and the card left from an earlier run is gone
    assert len(cards) >= 10
    # An assessment drill's card would tell a graded drill's answers: it is not printed.
    assert "action-card-kri-final-outage" not in names
    assert {path.stem for path in pdfs(printed, "ru")} == names


@browser
def test_a4_and_an_action_card_is_one_page(printed):
    for lang in ("lv", "ru", "uk"):
        for path in pdfs(printed, lang):
            pages, width, height = info(path)
            assert (width, height) == (595, 842), path
            assert pages == (2 if path.stem in TWO_PAGES else 1), (lang, path.name, pages)


@browser
def test_fonts_are_embedded_noto(printed):
    for path in pdfs(printed):
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = rows.splitlines()[2:]
        assert fonts, path
        for row in fonts:
            assert re.search(r"\byes\s+yes\s+yes\b", row), (path.name, row)  # embedded, subset, unicode map
        assert "NotoSans-Regular" in rows and "NotoSerif-Bold" in rows


@browser
def test_every_page_carries_its_sources_and_the_date_of_the_facts(printed):
    for path in pdfs(printed):
        pages = info(path)[0]
        for number in range(1, pages + 1):
            page_text = text(path, number)
            assert "Avoti:" in page_text and CHECKED_LV in page_text, (path.name, number)
            assert "Noturība: Latvijas Nacionālā bibliotēka" in page_text


@browser
def test_warning_signals(printed):
    sheet = text(printed / "lv" / "warning-signals.pdf")
    for expected in ("Brīdinājuma signāli", "Sirēna", "164", "1,5 km", "30 %", "LTV1", "LTV7", "Latvijas Radio",
                     "šūnu apraide (LV-ALERT)", "2025. gada 10. jūlijā", "2025. gada 26. novembrī",
                     "„112 Latvija”", "LSM+", "112", "110", "113", "114", "8404", "„Sadales tīkls”",
                     "vispirms pasakiet, KUR", "padošanos ir viltus ziņa"):
        assert expected in sheet, expected
    assert "vugd.gov.lv/lv/biezak-uzdotie-jautajumi-par-sun" in sheet  # the sources' addresses are printed


@browser
def test_72_hour_checklist(printed):
    sheet = text(printed / "lv" / "72-hour-checklist.pdf")
    for expected in ("72 stundas mājās", "vismaz 3 litrus dzeramā ūdens", "vismaz 9 litrus", "Ūdens attīrīšanas",
                     "Radio ar baterijām", "Dokumentu kopijas", "Dūmu detektors ir obligāts",
                     "2020. gada 1. janvāra", "sargs.lv/lv/tema/72stundas"):
        assert expected in sheet, expected


@browser
def test_family_plan_by_place_of_residence(printed):
    common = ("Ģimenes plāns", "Kontakti uz papīra", "Kur satiekamies", "Netālu no mājām",
              "Mūsu pašvaldība: civilā aizsardzība", "patvēruma vieta", "112", "8404")
    specific = {"flat": "Kaimiņi mājā", "house": "Kur ir ugunsdzēsības aparāts",
                "countryside": "Attālos lauku apvidos sirēnas nav dzirdamas"}
    for key, expected in specific.items():
        sheet = text(printed / "lv" / f"family-plan-{key}.pdf")
        for word in (*common, expected):
            assert word in sheet, (key, word)
    assert "tvana gāzes detektors" not in text(printed / "lv" / "family-plan-flat.pdf")


@browser
def test_check_before_sharing_has_the_courses_steps(printed):
    sheet = text(printed / "lv" / "check-before-sharing.pdf")
    for expected in ("Pārbaudiet ziņu, pirms dalāties", "Apstājieties", "Noskaidrojiet, kas ir avots",
                     "Meklējiet labāku avotu", "Atrodiet sākotnējo avotu", "Kas ir aiz šīs informācijas?",
                     "Re:Check", "„Atmaskots”", "CC BY 4.0", "hapgood.us"):
        assert expected in sheet, expected


@browser
def test_action_cards_hold_the_drills_card_or_its_sourced_defaults(printed):
    authored = text(printed / "lv" / "action-card-kri-ch3-power-drill.pdf")
    for expected in ("Mana rīcības kartīte", "Mācību situācija: elektrības pārrāvums", "„Gatavs krīzei”",
                     "Ko es sagatavoju", "Kam es zvanu", "Kur es klausos", "Bojāti vadi: 8404",
                     "Mūsu tikšanās vieta:", "sadalestikls.lv"):
        assert expected in authored, expected
    default = text(printed / "lv" / "action-card-not-drill-kit.pdf")  # this drill has no <card>
    assert "vismaz 3 litri dzeramā ūdens" in default and "Ārkārtas numurs 112" in default


@browser
def test_russian_and_ukrainian_on_request(printed):
    ru = text(printed / "ru" / "warning-signals.pdf")
    assert "Сирена" in ru and "«112 Latvija»" in ru and "8404" in ru
    assert "Сведения по состоянию на: 3 января 2026 г." in ru
    uk = text(printed / "uk" / "check-before-sharing.pdf")
    assert "Зупиніться" in uk and "Відомості станом на: 3 січня 2026 р." in uk
    card = text(printed / "ru" / "action-card-kri-ch3-power-drill.pdf")
    assert "Что я готовлю" in card and "Bojāti vadi: 8404" in card  # the author's text stays Latvian


def test_sheet_html_is_latvian_typography():
    from noturiba.i18n import Translator
    html = page.document(sheets_crisis.signals(), Translator(None, None), "lv")
    assert '<html lang="lv">' in html
    assert "1.5\u00a0km" in html and "30\u00a0%" in html and "\u201e112\u00a0Latvija\u201d" in html
    assert '"' not in re.sub(r"<[^>]*>", "", html.split("<body>")[1])  # no straight quote in the text


def test_typography_rules():
    assert typography.fix('vismaz 3 l "ūdens" un “x”', "lv") == "vismaz 3\u00a0l \u201eūdens\u201d un \u201ex\u201d"
    assert typography.fix("a b – c", "lv") == "a\u00a0b\u00a0– c"
    assert typography.fix("2025. gada 1. janvāris", "lv") == "2025.\u00a0gada 1.\u00a0janvāris"
    assert typography.fix("“112 Latvija” в доме", "ru") == "\u00ab112\u00a0Latvija\u00bb в\u00a0доме"
    assert typography.fix('<a href="x y">"z"</a>', "lv") == '<a href="x y">\u201ez\u201d</a>'
    assert typography.heading("Kur satiekamies", "lv") == "Kur\u00a0satiekamies"


def test_a_missing_chromium_is_said_clearly(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert print_pack.main(["--out", str(tmp_path), "--lang", "en", str(COURSES / "gatavs-krizei")]) == 1
    assert "Chromium was not found" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.pdf"))
