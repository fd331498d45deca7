"""The civic course as a learner meets it: the topics a resident acts on, primary sources, one register."""

import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

COURSE = Path(__file__).resolve().parents[2] / "courses" / "pilsoniska-lidzdaliba"

pytestmark = pytest.mark.skipif(not COURSE.is_dir(), reason="the civic course is not in this tree")

_QUOTED = re.compile(r"“[^”]*”|<body>.*?</body>", re.S)
_FAMILIAR = re.compile(r"\b(tu|Tu|tev|Tev|tevi|tavs|tava|Tava|tavu|tavā|tavi|tavas|pārbaudi|apstājies|salīdzini)\b")
_GENDERED_PAST = re.compile(r"\b(esat|esmu)\s+\w+(ijis|ījis|ējis|ājis|usi|is)\b")


def _texts():
    return [path for path in COURSE.rglob("*") if path.suffix in {".xml", ".html"} and path.is_file()]


def _root(relative):
    return etree.parse(str(COURSE / relative)).getroot()


def _words(text):
    return len(re.findall(r"\w+", text))


def test_polite_register_outside_quoted_practice_posts():
    for path in _texts():
        text = _QUOTED.sub("", path.read_text(encoding="utf-8"))
        assert not _FAMILIAR.findall(text), (path.name, _FAMILIAR.findall(text))
        assert not _GENDERED_PAST.findall(text), (path.name, _GENDERED_PAST.findall(text))


def test_one_term_and_native_phrasing():
    for path in _texts():
        text = re.sub(r'(href|url|src)="[^"]*"', "", path.read_text(encoding="utf-8"))
        assert not re.search(r"(?<![Tt]īmekļ)vietn[eēi]", text), path.name
        for phrase in ("caur ", "Caur ", "tīmekļa vietn", "mājaslap", "platforma"):
            assert phrase not in text, (path.name, phrase)


@pytest.mark.parametrize("vertical", ["pil-v-welcome", "pil-v-end"])
def test_survey_options_are_first_person_past_and_match_before_and_after(vertical):
    quiz = _root(f"vertical/{vertical}.xml").find("civicquiz")
    options = {o.get("id"): o.text for o in quiz.find("question[@id='participation']").iter("option")}
    assert options["voted"] == "Balsoju vēlēšanās" and options["signed"] == "Parakstījos par iniciatīvu"
    other = "pil-v-end" if vertical == "pil-v-welcome" else "pil-v-welcome"
    mirror = _root(f"vertical/{other}.xml").find("civicquiz")
    assert [(q.get("id"), [o.text for o in q.iter("option")]) for q in quiz.iter("question")] == \
        [(q.get("id"), [o.text for o in q.iter("option")]) for q in mirror.iter("question")]


TOPICS = {
    "pil-h-vote-how": ("cvk.lv", ["mājās", "pa pastu", "Saeimas vēlēšanās", "Pašvaldību vēlēšanās"]),
    "pil-h-cvk-ep": ("cvk.lv", ["deviņus", "30 dienas", "Augstākā tiesa"]),
    "pil-h-buy": ("knab.gov.lv", ["110", "Valsts drošības dienest", "8000 2070"]),
    "pil-h-referendum": ("likumi.lv/ta/id/57980", ["78. pants", "12 mēnešu", "desmitās daļas", "latvija.gov.lv"]),
    "pil-h-submit": ("likumi.lv/ta/id/164501", ["10 darbdienu", "mēneša laikā", "104. pants"]),
    "pil-h-consult": ("tapportals.mk.gov.lv", ["TAP portāl", "publiskās apspriešanas"]),
    "pil-h-councils": ("likumi.lv/ta/id/336956", ["58. pants", "konsultatīvas", "2023. gada 1. janvārī"]),
    "pil-h-noncit": ("cvk.lv", ["nepilsonis", "Satversmes 104. pants", "TAP portālā"]),
}


@pytest.mark.parametrize("unit", sorted(TOPICS))
def test_each_missing_topic_has_a_unit_with_its_primary_source(unit):
    source, phrases = TOPICS[unit]
    text = (COURSE / "html" / f"{unit}.html").read_text(encoding="utf-8")
    assert source in text
    for phrase in phrases:
        assert phrase in text, (unit, phrase)


def test_vote_buying_goes_to_police_and_campaign_breaches_to_knab():
    text = (COURSE / "html" / "pil-h-buy.html").read_text(encoding="utf-8")
    buying, campaign = text.split("Par priekšvēlēšanu aģitācijas pārkāpumiem")[:2]
    assert "110" in buying and "KNAB" not in buying.split("Kur ziņot")[1]
    assert "KNAB" in campaign


def test_the_eu_parliament_answer_is_the_2024_seat_count():
    quiz = _root("vertical/pil-v-quiz-vote.xml").find("civicquiz")
    assert quiz.find("question[@id='ep-seats']").get("answer") == "9"


def test_manabalss_is_cited_to_the_rules_of_procedure_not_the_press():
    for path in _texts():
        text = path.read_text(encoding="utf-8")
        assert "497352" not in text and "site_posts" not in text and "la.lv/cilveki" not in text, path.name


KEPT = {  # learner state refers to these: an edit must not drop them
    "pil-v-quiz1": {"saeima-size", "president", "trust", "roles"},
    "pil-v-quiz3": {"age", "threshold", "eu", "buy"},
    "pil-v-quiz4": {"signatures", "sign-age", "guarantee", "lb-steps", "lb-where"},
    "pil-v-exam": {"x-saeima", "x-president", "x-initiative", "x-muni-term", "x-saeima-day", "x-vote-age", "x-buy",
                   "x-mb", "x-lb-vote", "x-lb-since", "x-vol-age", "x-vol-who"},
}


@pytest.mark.parametrize("vertical", sorted(KEPT))
def test_existing_question_ids_are_kept(vertical):
    quiz = _root(f"vertical/{vertical}.xml").find("civicquiz")
    assert KEPT[vertical] <= {q.get("id") for q in quiz.iter("question")}


def test_every_unit_is_reachable_from_the_course():
    reached = set()
    for chapter in _root("course/2027.xml"):
        for sequential in _root(f"chapter/{chapter.get('url_name')}.xml"):
            reached |= {v.get("url_name") for v in _root(f"sequential/{sequential.get('url_name')}.xml")}
    assert reached == {path.stem for path in (COURSE / "vertical").glob("*.xml")}


def test_readme_hours_are_counted_from_the_text():
    readme = (COURSE / "README.md").read_text(encoding="utf-8")
    words = 0
    for path in (COURSE / "html").glob("*.html"):
        words += _words(lxml_html.fromstring(f"<div>{path.read_text(encoding='utf-8')}</div>").text_content()
                        .split("Avoti")[0])
    stated = int(re.search(r"\| Reading \| ([\d,]+) words", readme).group(1).replace(",", ""))
    assert abs(stated - words) <= words * 0.05, (stated, words)
    assert "pusotra stunda" in (COURSE / "about" / "overview.html").read_text(encoding="utf-8")
    for heading in ("## Learning outcomes", "## Hours", "## Sources"):
        assert heading in readme
