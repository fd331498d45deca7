"""The media course as learners and researchers meet it: a fair pre/post test, honest sources, one register."""

import re
from pathlib import Path

import pytest
from lxml import etree

COURSE = Path(__file__).resolve().parents[2] / "courses" / "medijpratiba-ikdiena"

pytestmark = pytest.mark.skipif(not COURSE.is_dir(), reason="the media course is not in this tree")


def _root(relative):
    return etree.parse(str(COURSE / relative)).getroot()


def _block(vertical, tag):
    return _root(f"vertical/{vertical}.xml").find(tag)


def _items(vertical):
    return _block(vertical, "mediacheck").findall("item")


def _text(node):
    return " ".join("".join(node.itertext()).split())


def _all_text_files():
    return [path for path in COURSE.rglob("*") if path.suffix in {".xml", ".html", ".md"} and path.is_file()]


@pytest.mark.parametrize("vertical", ["med-v0-headlines", "med-v5-headlines"])
def test_each_form_has_ten_real_dated_headlines_and_ten_made_up(vertical):
    items = _items(vertical)
    real = [item for item in items if item.get("origin") == "real"]
    made_up = [item for item in items if item.get("origin", "made-up") == "made-up"]
    assert (len(real), len(made_up), len(items)) == (10, 10, 20)
    assert {item.get("verdict") for item in real} == {"accurate"}
    assert {item.get("verdict") for item in made_up} == {"false"}
    for item in real:
        published = item.find("published")
        assert published is not None, item.get("id")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", published.get("date") or ""), item.get("id")
        assert published.get("href", "").startswith("https://"), item.get("id")
        assert ".example" not in published.get("href")
    for item in made_up:
        assert item.find("published") is None and item.find("lead") is None and item.find(".//flag") is None


def test_real_and_made_up_headlines_are_alike_in_length():
    for vertical in ("med-v0-headlines", "med-v5-headlines"):
        items = _items(vertical)
        mean = {kind: sum(len(_text(i.find("body"))) for i in items if (i.get("origin") == "real") == kind) / 10
                for kind in (True, False)}
        assert abs(mean[True] - mean[False]) < 20, (vertical, mean)


def test_pre_and_post_are_parallel_forms_not_the_same_items():
    pre = {_text(item.find("body")) for item in _items("med-v0-headlines")}
    post = {_text(item.find("body")) for item in _items("med-v5-headlines")}
    assert not pre & post
    pre_links = {i.find("published").get("href") for i in _items("med-v0-headlines") if i.get("origin") == "real"}
    post_links = {i.find("published").get("href") for i in _items("med-v5-headlines") if i.get("origin") == "real"}
    assert not pre_links & post_links


def test_real_headlines_are_not_facts_the_course_teaches():
    taught = " ".join(path.read_text(encoding="utf-8") for path in (COURSE / "html").glob("*.html")
                      if path.name not in {"med-h5-wrapup.html"})
    for vertical in ("med-v0-headlines", "med-v5-headlines"):
        for item in _items(vertical):
            if item.get("origin") == "real":
                assert item.find("published").get("href") not in taught, item.get("id")


def test_the_pre_survey_before_any_teaching_is_short():
    headlines = _items("med-v0-headlines")
    others = _block("med-v0-survey", "civicquiz").findall("question")
    assert len(headlines) == 20 and len(others) <= 3


def test_survey_url_names_stay_stable():
    assert _block("med-v0-headlines", "mediacheck").get("url_name") == "med-pre-discern"
    assert _block("med-v5-headlines", "mediacheck").get("url_name") == "med-post-discern"
    assert _block("med-v0-survey", "civicquiz").get("url_name") == "med-pre-survey"
    assert _block("med-v5-survey", "civicquiz").get("url_name") == "med-post-survey"


def test_official_sources_are_real_domains_and_example_is_only_for_made_up_outlets():
    for path in _all_text_files():
        text = path.read_text(encoding="utf-8")
        assert "vugd.example" not in text, path.name
        assert not re.search(r"\b(lsm|vugd|gov|mod|sargs|likumi)[\w-]*\.example", text), path.name


def test_inoculation_task_is_framed_as_practice_and_names_the_six_techniques():
    vertical = _root("vertical/med-v1-write.xml")
    quizzes = vertical.findall("civicquiz")
    assert any(q.find("question[@type='text']") is not None for q in quizzes)
    practice = [q for q in quizzes if q.get("mode") == "practice"]
    assert practice and practice[0].find("question[@type='multiple']") is not None
    note = _text(vertical) + (COURSE / "html" / "med-h1-write.html").read_text(encoding="utf-8")
    assert "nepublicējiet" in note.lower()
    options = " ".join(_text(o) for o in practice[0].iter("option")).lower()
    for technique in ("uzdošanās", "emocij", "šķelšan", "sazvērest", "diskreditē", "trollē"):
        assert technique in options, technique


def test_documented_cases_link_to_the_fact_checkers():
    text = (COURSE / "html" / "med-h2-cases.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(https://[^"]+)"', text)
    assert len([link for link in links if "rebaltica.lv" in link or "delfi.lv" in link]) >= 2


BANNED = ["sānu lasīš", "noticē", "pretpot", "insaider", "čat", "Čat", "Esiet pacietīgs",
          "tīmekļa vietn", "interneta vietn"]


def test_one_term_each_and_native_phrasing():
    for path in _all_text_files():
        text = path.read_text(encoding="utf-8")
        for word in BANNED:
            assert word not in text, (path.name, word)


_QUOTED = re.compile(r"“[^”]*”|<body>.*?</body>", re.S)
_FAMILIAR = re.compile(r"\b(tu|Tu|tev|Tev|tevi|tavs|tava|tavu|tavā|tavi|tavas)\b")


def test_polite_register_outside_quoted_practice_posts():
    for path in _all_text_files():
        text = _QUOTED.sub("", path.read_text(encoding="utf-8"))
        assert not _FAMILIAR.search(text), (path.name, _FAMILIAR.search(text))
        assert not re.search(r"[a-zāčēģīķļņšūž,] (Jūs|Jums|Jūsu)\b", text), path.name


def test_survey_options_are_gender_neutral():
    for vertical in ("med-v0-survey", "med-v5-survey"):
        text = _text(_root(f"vertical/{vertical}.xml"))
        assert not re.search(r"\b\w+(jis|jusi|ināts|ināta)\b", text), vertical


def test_readme_states_outcomes_hours_and_sources():
    readme = (COURSE / "README.md").read_text(encoding="utf-8")
    for heading in ("Learning outcomes", "Hours", "Sources"):
        assert heading in readme
