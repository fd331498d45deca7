"""Surveys are anonymous (SECURITY.md, "Anonymity of surveys"), in the workbench runtime.

- No survey answer in user_state (the raw state the Problem Responses report exports), in the
  instructor's report rows or in tracking events; the learner still sees and changes their own.
- The learner key is a keyed hash: not computable from the anonymous id staff can download.
- What learners see changes only in steps of min_group respondents, no count 1..min_group-1 is
  shown or derivable, free text is never shown to others; Studio preview answers are not counted.
"""

import hashlib
import json
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from workbench.models import XBlockState

from civicquiz.survey_mode import PREVIEW_NOT_COUNTED
from noturiba.base import learner_key_for
from noturiba.survey import disclosure
from noturiba.survey.models import SurveyAnswer

from ..blocks.conftest import Harness, package_scenarios

CIVIC = dict(package_scenarios("civicquiz"))["03-trust-survey.xml"]
MEDIA = dict(package_scenarios("mediacheck"))["03-survey.xml"]
SECRET_TEXT = "Mans slepenais ieteikums 4711"
ANSWERS = {"trust": 4, "visits": "rarely", "crisis-info": ["municipality", "neighbours"], "wish": SECRET_TEXT}


def raw_state(block, user_id):
    """Every user-scoped field of `user_id` as stored (what StudentModule.state holds in the LMS)."""
    rows = XBlockState.objects.filter(user_id=user_id, scope_id__contains=str(block.scope_ids.usage_id))
    return " ".join(row.state for row in rows)


def published(block):
    events = []
    original = block.runtime.publish

    def publish(source, name, data):
        events.append((name, data))
        return original(source, name, data)
    block.runtime.publish = publish
    return events


class State:
    def __init__(self, username, state):
        self.username, self.state = username, state


def report_rows(block, user_id):
    states = [json.loads(row.state) for row in XBlockState.objects.filter(user_id=user_id)]
    return list(block.generate_report_data(iter(State(user_id, s) for s in states)))


def test_civicquiz_survey_answers_stay_out_of_state_reports_and_events_but_the_learner_sees_them(db):
    learner = Harness("anna")
    block = learner.load(CIVIC)
    for question, answer in ANSWERS.items():
        status, body = learner.call(learner.reload(block), "save_answer", {"question": question, "answer": answer})
        assert status == 200 and body["saved"] is False  # a survey draft stays in the page
    live = learner.reload(block)
    events = published(live)
    status, _ = learner.call(live, "submit", {"answers": ANSWERS})
    assert status == 200
    state = raw_state(block, "anna")
    for value in ("rarely", "municipality", "neighbours", SECRET_TEXT, '"trust"'):
        assert value not in state, value
    assert report_rows(block, "anna") == []
    assert all(value not in json.dumps(data) for _name, data in events for value in ("rarely", "municipality"))
    assert ("noturiba.civicquiz.survey.answered", {}) in events
    # Read back from the anonymous table: the learner's own choices are checked again.
    html = learner.reload(block).render("student_view", {}).content
    assert 'value="rarely" checked' in html.replace("\n", " ") or 'value="rarely"  checked' in html
    assert SECRET_TEXT in html
    # ... and changed: the new answer replaces the old rows.
    status, _ = learner.call(learner.reload(block), "submit", {"answers": {**ANSWERS, "visits": "weekly"}})
    assert status == 200
    values = set(SurveyAnswer.objects.filter(question="visits").values_list("value", flat=True))
    assert values == {"weekly"}
    assert SECRET_TEXT not in Harness("berta").reload(block, "berta").render("student_view", {}).content


def test_mediacheck_survey_verdicts_stay_out_of_state_reports_and_events_but_the_learner_sees_them(db):
    learner = Harness("anna")
    block = learner.load(MEDIA)
    answers = {item.id: {"verdict": "false"} for item in block.model.items}
    assert learner.call(learner.reload(block), "save_answer", {"item": block.model.items[0].id,
                                                              "verdict": "false"})[1] == {"saved": False}
    live = learner.reload(block)
    events = published(live)
    assert learner.call(live, "submit", {"answers": answers})[0] == 200
    assert '"false"' not in raw_state(block, "anna")
    assert report_rows(block, "anna") == []
    assert all('"false"' not in json.dumps(data) for _name, data in events)
    again = learner.reload(block)
    assert again.clean_submitted() == {item.id: {"verdict": "false", "flags": [], "leads": [], "confidence": None}
                                       for item in block.model.items}
    assert again.student_view({}).json_init_args["answers"] == again.clean_submitted()


def test_the_learner_key_is_a_keyed_hash_of_the_anonymous_id(db, settings):
    anonymous_id, usage_id = "5afe1d5c0ffee5ba5eba11", "block-v1:LNB+N+2026+type@civicquiz+block@q"
    key = learner_key_for(anonymous_id, usage_id)
    unkeyed = {hashlib.sha256(f"{anonymous_id}:{usage_id}".encode()).hexdigest()[:32],
               hashlib.sha256(f"{anonymous_id}{usage_id}".encode()).hexdigest()[:32],
               hashlib.md5(f"{anonymous_id}:{usage_id}".encode()).hexdigest()}  # noqa: S324 - what an attacker tries
    assert key not in unkeyed and len(key) == 32
    settings.NOTURIBA_LEARNER_KEY_SECRET = "an operator's own secret"
    assert learner_key_for(anonymous_id, usage_id) != key, "the key depends on the secret"
    settings.NOTURIBA_LEARNER_KEY_SECRET = None
    settings.SECRET_KEY = "another instance"
    assert learner_key_for(anonymous_id, usage_id) != key, "the default secret is derived per instance"


def aggregates_seen_by(block, user):
    return Harness(user).reload(block, user).learner_aggregates()


def test_tallies_change_only_in_steps_of_min_group_so_one_more_respondent_is_never_seen(db):
    block = Harness("r0").load(CIVIC)  # min_group="5"
    seen = []
    for n in range(12):
        voter = Harness(f"r{n}")
        answer = {"trust": 1 + n % 2, "visits": ("weekly", "never")[n % 3 == 0]}
        assert voter.call(voter.reload(block), "submit", {"answers": answer})[0] == 200
        seen.append(aggregates_seen_by(block, "r0"))
    for n in range(1, 12):
        if (n + 1) % 5:
            assert seen[n] == seen[n - 1], f"respondent {n + 1} changed what r0 sees"
    assert [s.get("respondents") for s in seen][4:11] == [5] * 5 + [10] * 2


@pytest.mark.parametrize("variant", [{"visits": "weekly"}, {"visits": "never"}, {"trust": 5}])
def test_what_a_learner_sees_does_not_depend_on_the_answer_of_one_respondent_between_steps(db, variant):
    """Two worlds that differ only in respondent 7's answer look the same to every learner."""
    views = []
    for world in ({"visits": "monthly"}, variant):
        SurveyAnswer.objects.all().delete()
        block = Harness("w0").load(CIVIC)
        for n in range(6):
            voter = Harness(f"w{n}")
            voter.call(voter.reload(block), "submit", {"answers": {"visits": "rarely", "trust": 3}})
            aggregates_seen_by(block, "w0")
        target = Harness("w6")
        target.call(target.reload(block), "submit", {"answers": world})
        views.append(aggregates_seen_by(block, "w0"))
    assert views[0] == views[1]


def test_no_count_below_min_group_and_no_text_reaches_a_learner(db):
    block = Harness("s0").load(CIVIC)
    for n in range(5):
        voter = Harness(f"s{n}")
        answer = {"trust": 3 if n < 4 else 5, "visits": ("weekly", "monthly")[n < 3],
                  "crisis-info": ["radio"] if n else ["radio", "social"], "wish": f"{SECRET_TEXT} {n}"}
        _, body = voter.call(voter.reload(block), "submit", {"answers": answer})
    shown = body["aggregates"]
    assert shown["shown"] and shown["respondents"] == 5
    counts = [value["count"] for q in shown["questions"] for value in q.get("values", [])]
    assert all(count is None or count >= 5 for count in counts), counts
    assert SECRET_TEXT not in json.dumps(shown) and not any(q["type"] == "text" for q in shown["questions"])
    trust = {v["value"]: v for q in shown["questions"] if q["question"] == "trust" for v in q["values"]}
    assert trust["3"]["count"] is None and trust["5"]["hidden"], "4 and 1: both hidden"
    radio = {v["value"]: v["count"] for q in shown["questions"] if q["question"] == "crisis-info" for v in q["values"]}
    assert radio["radio"] is None, "everybody chose radio: that is each one's answer"


def test_studio_preview_answers_are_not_counted(db):
    author = Harness("student")  # the anonymous id every author has in Studio's preview
    block = author.load(CIVIC)
    block.runtime.is_author_mode = True  # cms/djangoapps/contentstore/views/preview.py
    status, body = author.call(block, "submit", {"answers": ANSWERS})
    assert status == 200 and body["preview"] == block.t.render(PREVIEW_NOT_COUNTED)
    assert not SurveyAnswer.objects.exists()
    media = Harness("student").load(MEDIA)
    media.runtime.is_author_mode = True
    answers = {item.id: {"verdict": "false"} for item in media.model.items}
    assert author.call(media, "submit", {"answers": answers})[0] == 200
    assert not SurveyAnswer.objects.exists()


# The rule itself (pure) ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=2, max_size=6), st.integers(1, 6))
def test_protect_never_shows_or_gives_away_a_small_cell(counts, m):
    cells = {f"c{i}": count for i, count in enumerate(counts)}
    total = sum(counts)
    shown = disclosure.protect(cells, m)
    assert all(cells[name] >= m for name in shown)
    hidden = set(cells) - shown
    assert len(hidden) != 1, "a lone hidden cell is the total minus the others"
    if len(shown) == 1:
        assert cells[next(iter(shown))] < total, "everybody in one cell is never shown"
    # Every hidden cell can take at least two values given what is shown (brute force, small cases).
    rest = total - sum(cells[name] for name in shown)
    if hidden and rest <= 8 and len(hidden) <= 4:
        names = sorted(hidden)
        worlds = [w for w in product(range(rest + 1), repeat=len(names)) if sum(w) == rest]
        for index, name in enumerate(names):
            possible = {w[index] for w in worlds}
            assert len(possible) > 1 or possible == {0}, (cells, m, name)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["join", "leave", "change"]), max_size=60), st.integers(1, 7))
def test_snapshots_differ_only_by_min_group_respondents(events, m):
    live = shown = 0
    history = [shown]
    for event in events:
        live += {"join": 1, "leave": -1 if live else 0, "change": 0}[event]
        if disclosure.needs_retake(live, shown, m):
            shown = live
            history.append(shown)
    assert all(abs(b - a) >= m for a, b in zip(history, history[1:], strict=False))
