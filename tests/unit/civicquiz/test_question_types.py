"""The table of question types: every module asks it, so a type added to it flows everywhere."""

import pytest
from lxml import etree

from civicquiz import content, grading, question_types, views
from civicquiz.content import Question, Quiz
from civicquiz.question_types import TYPES, QuestionType, wrong_shape
from noturiba.messages import ContentError, Message
from noturiba.olx import parse_string


def _normalize_year(question, answer):
    if isinstance(answer, bool) or not isinstance(answer, int) or not 1000 <= answer <= 2999:
        raise wrong_shape(question)
    return answer


def _validate_year(q, survey, error, warning):
    if not isinstance(q.answer, int):
        error(Message("Question {id}: the answer must be a number.", id=q.id), q.id)


def _read_year(data, qid, parts_seen):
    answer = data.get("answer")
    if answer is not None and (isinstance(answer, bool) or not isinstance(answer, int)):
        raise ContentError(Message("Question {id}: the answer must be a number.", id=qid))
    return {"answer": answer}


# A made-up ninth type: the year of an event, right when it is the year. Registered only here.
YEAR = QuestionType(
    "year", "Year", graded=True, modes=("practice", "assessment"),
    normalize=_normalize_year,
    score=lambda q, answer: 1.0 if answer == q.answer else 0.0,
    solution=lambda q: q.answer,
    validate=_validate_year,
    read_json=_read_year,
    write_json=lambda q: {"answer": q.answer},
    read_olx=lambda node: {"answer": int(node.get("answer")) if node.get("answer") else None},
    write_olx=lambda q: {"answer": q.answer},
    view=lambda q, layout, answer, labels: {"value": "" if answer is None else str(answer)},
)


@pytest.fixture
def year(monkeypatch):
    monkeypatch.setitem(TYPES, "year", YEAR)
    return Question("independence", "year", "When was Latvia proclaimed independent?", answer=1918)


def test_the_table_holds_the_eight_types_in_their_order():
    assert list(TYPES) == ["single", "multiple", "truefalse", "numeric", "order", "match", "scale", "text"]
    assert [name for name, kind in TYPES.items() if kind.graded] == list(content.GRADED_TYPES)
    assert [name for name, kind in TYPES.items() if "survey" in kind.modes] == list(content.SURVEY_TYPES)
    assert question_types.of(Question("q", "match")) is TYPES["match"]


def test_a_ninth_type_is_normalized_and_scored_through_the_table(year):
    assert grading.normalize(year, 1918) == 1918
    with pytest.raises(grading.AnswerError):
        grading.normalize(year, "1918")
    assert grading.score(year, 1918) == 1 and grading.score(year, 1919) == 0
    assert grading.score(year, grading.solution(year)) == 1
    assert grading.grade([year], {"independence": 1918}).fraction == 1


def test_a_ninth_type_is_validated_through_the_table(year):
    def errors(question, mode="practice"):
        return [p.message.render() for p in content.validate(Quiz(mode=mode, questions=(question,))) if p.is_error]

    assert errors(year) == []
    assert errors(Question("independence", "year", "When?")) == ["Question independence: the answer must be a number."]
    assert "Question independence: a survey can ask only single, multiple, scale and text questions." in errors(
        year, "survey")


def test_a_ninth_type_reads_and_writes_editor_json_and_olx_through_the_table(year):
    data = content.to_json(Quiz(questions=(year,)))
    assert data["questions"][0]["answer"] == 1918
    assert content.from_json(data).questions == (year,)
    with pytest.raises(ContentError):
        content.from_json({"questions": [{**data["questions"][0], "answer": "soon"}]})
    olx = etree.tostring(content.to_node(Quiz(questions=(year,)), etree.Element("civicquiz")), encoding="unicode")
    assert 'type="year" answer="1918"' in olx
    assert content.parse(parse_string(olx)).questions == (year,)


def test_a_ninth_type_is_shown_through_the_table(year):
    layout = views.Layout([year], {}, {}, {})
    assert views.question_view(year, layout, 1, 1, 1918)["value"] == "1918"
    assert views.feedback(year, layout, 1.0)["solution"] == 1918
    assert views.report_answer(year, 1918) == "1918"
