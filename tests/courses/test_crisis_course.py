"""The crisis course "Gatavs krīzei" (issue 13): the units it must teach and the Latvian it is written in.

What a learner would notice: a topic missing from the course outline, a calque or a capitalised
"Jūs" in the middle of a sentence, an option that only fits one gender, a self-check at the end.
"""

import re
from pathlib import Path

from lxml import etree

COURSE = Path(__file__).resolve().parents[2] / "courses" / "gatavs-krizei"
# Calques and odd phrasings the language review named; each has a native replacement.
CALQUES = ("neiepriekš nebrīdina", "noticē", "pretpote", "uzlādēta ārējā akumulatora baterija",
           "esiet pacietīgs", "insaider")
# Gendered forms a learner would have to pick in a survey or a choice label.
GENDERED = re.compile(r"\b(viens|viena|pārliecināts|pārliecināta|lasījis|lasījusi|izlasījis|izlasījusi|"
                      r"dzirdējis|dzirdējusi|gatavs|gatava|gatavāks|gatavāka)\b", re.IGNORECASE)


def texts():
    for path in sorted(COURSE.rglob("*")):
        if path.suffix in (".xml", ".html") and path.is_file():
            yield path, path.read_text(encoding="utf-8")


def outline():
    """The url_names of the verticals in course order."""
    course = etree.parse(str(COURSE / "course" / "2027.xml")).getroot()
    order = []
    for chapter in course.iter("chapter"):
        node = etree.parse(str(COURSE / "chapter" / f"{chapter.get('url_name')}.xml")).getroot()
        for sequential in node.iter("sequential"):
            seq = etree.parse(str(COURSE / "sequential" / f"{sequential.get('url_name')}.xml")).getroot()
            order += [vertical.get("url_name") for vertical in seq.iter("vertical")]
    return order


def block(vertical):
    return etree.parse(str(COURSE / "vertical" / f"{vertical}.xml")).getroot()[0]


def test_the_course_teaches_fire_first_aid_water_heat_and_the_car():
    order = outline()
    for unit in ("kri-v7-learn", "kri-v7-drill", "kri-v8-learn", "kri-v8-quiz", "kri-v9-water-learn",
                 "kri-v9-water-quiz", "kri-v9-heat-learn", "kri-v9-heat-quiz", "kri-v9-car-learn", "kri-v9-car-drill"):
        assert unit in order, unit
    # New teaching comes before the final exercises; the self-check sits before the summary.
    assert order.index("kri-v9-car-drill") < order.index("kri-v6-exam-intro")
    assert order.index("kri-v6-selfcheck") < order.index("kri-v6-wrapup")


def test_the_self_check_asks_what_i_prepared_in_neutral_first_person():
    quiz = block("kri-v6-selfcheck")
    assert quiz.tag == "civicquiz" and quiz.get("mode") == "survey"
    options = [option.text for option in quiz.iter("option")]
    assert len(options) >= 8
    first_person = re.compile(r"(Sagatavoju|Uzstādīju|Izrunāju|Pārbaudīju|Pierakstīju|Noliku|Iegādājos|"
                              r"Noskaidroju|Ieliku|Uzzināju|Atļāvu|Vēl neko)")
    assert [text for text in options if not first_person.match(text)] == []
    assert not [text for text in options if GENDERED.search(text)]


def test_no_calque_is_left():
    found = [(path.name, phrase) for path, text in texts() for phrase in CALQUES if phrase in text.lower()]
    assert found == []


def test_jus_is_lower_case_inside_a_sentence():
    found = []
    for path, text in texts():
        for match in re.finditer(r"(?<=[a-zāčēģīķļņšūž,;] )(Jūs|Jūsu|Jums|Jūsējais)\b", text):
            found.append((path.name, text[max(0, match.start() - 30):match.end()]))
    assert found == []


def test_survey_options_and_labels_fit_every_gender():
    found = []
    for name in ("kri-v0-survey", "kri-v6-survey", "kri-v6-selfcheck"):
        quiz = block(name)
        for node in quiz.iter("option", "question", "prompt"):
            for text in [node.text or "", node.get("low", ""), node.get("high", "")]:
                if GENDERED.search(text):
                    found.append((name, text))
        found += [(name, quiz.get("display_name"))] if GENDERED.search(quiz.get("display_name")) else []
    assert found == []


def test_the_pre_and_post_survey_keep_their_ids_and_ask_the_same():
    pre, post = block("kri-v0-survey"), block("kri-v6-survey")
    ids = [(q.get("id"), [o.get("id") for o in q.iter("option")]) for q in pre.iter("question")]
    assert ids == [(q.get("id"), [o.get("id") for o in q.iter("option")]) for q in post.iter("question")]
    assert [q.get("id") for q in pre.iter("question")][:3] == ["age", "household", "conf-72h"]
    pre_text = [etree.tostring(q, encoding="unicode") for q in pre.iter("question")]
    post_text = [etree.tostring(q, encoding="unicode") for q in post.iter("question")]
    assert pre_text == post_text


def test_the_overview_states_hours_and_sources():
    overview = (COURSE / "about" / "overview.html").read_text(encoding="utf-8")
    assert re.search(r"\d+(,\d)? stund", overview)
    assert "vugd.gov.lv" in overview and "sargs.lv" in overview and "nmpd.gov.lv" in overview
    readme = (COURSE / "README.md").read_text(encoding="utf-8")
    assert "Hours" in readme and "words" in readme
