"""The crisis drill in the real workbench runtime: learner flows, grades, resume, bad input, Studio saves."""

import copy
import io
import json
import time
from importlib import resources

import pytest
from django.utils import translation
from lxml import etree

SCENARIOS = resources.files("crisisdrill").joinpath("scenarios")
OUTAGE = SCENARIOS.joinpath("02-power-outage.xml").read_text(encoding="utf-8")
LIBRARY = SCENARIOS.joinpath("03-library-centre.xml").read_text(encoding="utf-8")
OUTAGE_PRACTICE = SCENARIOS.joinpath("04-power-outage-practice.xml").read_text(encoding="utf-8")
BEST_PATH = [
    ("choose", {"node": "dark", "choice": "radio"}),
    ("choose", {"node": "info", "choice": "prepare"}),
    ("pick", {"node": "kit", "items": ["water-supply", "food", "medicine", "battery-radio", "torch", "powerbank",
                                       "documents"]}),
    ("choose", {"node": "night", "choice": "neighbour"}),
    ("arrange", {"node": "siren", "order": ["stop", "tune", "listen", "act", "tell"]}),
    ("choose", {"node": "emergency", "choice": "call-where"}),
]


@pytest.fixture(autouse=True)
def english():
    """Messages asserted below are the English msgids (the workbench's default language is Latvian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def published(monkeypatch):
    from workbench.runtime import WorkbenchRuntime
    events = []
    original = WorkbenchRuntime.publish

    def publish(self, block, event_type, event_data):
        events.append((event_type, event_data))
        return original(self, block, event_type, event_data)

    monkeypatch.setattr(WorkbenchRuntime, "publish", publish)
    return events


class ServerTime:
    """The blocks' clock, moved on by `offset` seconds (the timer tests do not wait)."""

    def __init__(self):
        self.offset = 0.0

    def time(self):
        return time.time() + self.offset


@pytest.fixture
def later(monkeypatch):
    import crisisdrill.block
    import crisisdrill.timing
    server_time = ServerTime()
    monkeypatch.setattr(crisisdrill.block, "time", server_time)
    monkeypatch.setattr(crisisdrill.timing, "time", server_time)
    return server_time


def play(harness, block, steps):
    body = None
    for handler, payload in steps:
        status, body = harness.call(block, handler, payload)
        assert status == 200, (handler, payload, body)
    return body


def export_bytes(block):
    out = io.BytesIO()
    block.runtime.export_to_xml(block, out)
    return out.getvalue()


def test_assessment_playthrough_publishes_the_grade_at_the_ending(harness, published):
    block = harness.load(OUTAGE)
    first = play(harness, block, BEST_PATH[:1])
    assert "feedback" not in first, "assessment mode gives feedback only at the debrief"
    assert first["view"]["node"]["id"] == "info"
    assert not [e for e in published if e[0] == "grade"]
    body = play(harness, block, BEST_PATH[1:])
    view = body["view"]
    assert view["finished"] and view["passed"] and view["node"]["kind"] == "ending"
    assert view["debrief"]["score"] == 1.0
    assert [row["node"] for row in view["debrief"]["rows"]] == ["dark", "info", "kit", "night", "siren", "emergency"]
    assert ("grade", {"value": 1.0, "max_value": 1.0, "only_if_higher": None}) in published
    assert ("completion", {"completion": 1.0}) in published
    names = [name for name, _data in published]
    assert names.count("noturiba.crisisdrill.step.answered") == 6
    assert "noturiba.crisisdrill.drill.finished" in names
    stored = harness.reload(block)
    assert stored.attempts == 1 and stored.raw_earned == 1.0


def test_variables_change_and_are_clamped(harness):
    block = harness.load(OUTAGE)
    body = play(harness, block, [("choose", {"node": "dark", "choice": "scroll"}),
                                 ("choose", {"node": "rumour", "choice": "check"}),
                                 ("choose", {"node": "info", "choice": "shop"})])
    values = {v["id"]: v["value"] for v in body["view"]["variables"]}
    assert values == {"battery": 10, "water": 8, "helped": 0}


def test_practice_mode_gives_feedback_after_each_decision(harness):
    block = harness.load(OUTAGE_PRACTICE)
    status, body = harness.call(block, "choose", {"node": "dark", "choice": "candles"})
    assert status == 200
    assert body["feedback"]["critical"] is True and "ugunsgrēku" in body["feedback"]["text"]
    assert body["view"]["finished"] and not body["view"]["passed"]
    assert body["view"]["debrief"]["critical"] is True
    assert body["view"]["debrief"]["rows"][0]["better"]["label"].startswith("Ieslēdzu bateriju radio")


def test_progress_survives_a_reload_and_another_learner_starts_fresh(harness):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:3])
    again = harness.reload(block)
    view = again.learner_view()
    assert view["node"]["id"] == "night" and not view["finished"]
    other = harness.reload(block, user_id="learner-2").learner_view()
    assert other["node"]["id"] == "dark"


@pytest.mark.parametrize(("handler", "payload", "fragment"), [
    ("choose", {"node": "dark", "choice": "prepare"}, "not offered"),
    ("choose", {"node": "info", "choice": "prepare"}, "not the current"),
    ("choose", {"node": "ghost", "choice": "x"}, "updated"),
    ("choose", {"node": "dark"}, "choice"),
    ("choose", {"node": "dark", "choice": 3}, "choice"),
    ("choose", {"node": "dark", "choice": "radio", "extra": 1}, "extra"),
    ("pick", {"node": "dark", "items": []}, "does not fit"),
    ("timer", {"enabled": "yes"}, "enabled"),
])
def test_bad_payloads_are_refused_and_change_nothing(harness, handler, payload, fragment):
    block = harness.load(OUTAGE)
    before = copy.deepcopy(harness.reload(block).drill_state)
    status, body = harness.call(block, handler, payload)
    assert status in (400, 409) and fragment in body["error"]
    assert harness.reload(block).drill_state == before


def test_checklist_capacity_and_unknown_items_are_refused(harness):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:2])
    status, body = harness.call(block, "pick", {"node": "kit", "items": ["water-supply", "food", "medicine",
                                                                        "gas-heater", "laptop", "blanket"]})
    assert status == 400 and "14" in body["error"] and "12" in body["error"]
    status, body = harness.call(block, "pick", {"node": "kit", "items": ["caviar"]})
    assert status == 400 and "caviar" in body["error"]
    assert harness.reload(block).learner_view()["node"]["id"] == "kit"


def test_order_must_hold_every_action_once(harness):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:4])
    status, _body = harness.call(block, "arrange", {"node": "siren", "order": ["stop", "stop", "tune", "listen",
                                                                              "act"]})
    assert status == 400


def test_a_choice_whose_condition_fails_is_refused(harness):
    xml = OUTAGE.replace('initial="40" min="0" max="100"', 'initial="5" min="0" max="100"')
    block = harness.load(xml)
    play(harness, block, [("choose", {"node": "dark", "choice": "radio"}),
                          ("choose", {"node": "info", "choice": "prepare"}),
                          ("pick", {"node": "kit", "items": ["water-supply"]})])
    view = harness.reload(block).learner_view()
    assert "neighbour" not in [c["id"] for c in view["node"]["choices"]]
    status, body = harness.call(block, "choose", {"node": "night", "choice": "neighbour"})
    assert status == 400 and "not offered" in body["error"]


def test_timeout_takes_the_timeout_node_and_the_debrief_says_so(harness, later):
    block = harness.load(OUTAGE)
    assert harness.call(block, "clock", {"node": "dark", "action": "start"})[0] == 200
    later.offset += 61
    status, body = harness.call(block, "timeout", {"node": "dark"})
    assert status == 200 and body["view"]["node"]["id"] == "wait" and body["timed_out"] is True
    status, body = harness.call(block, "timeout", {"node": "wait"})
    assert status == 400, "a step without a time limit cannot time out"
    assert harness.call(block, "timer", {"enabled": False}) == (200, {"timer_enabled": False})
    play(harness, block, [("choose", {"node": "wait", "choice": "radio-late"}),
                          ("choose", {"node": "info", "choice": "prepare"}),
                          ("pick", {"node": "kit", "items": []})])
    status, _body = harness.call(block, "timeout", {"node": "night"})
    assert status == 400, "a learner who turned the timer off never times out"
    stored = harness.reload(block)
    assert stored.timer_enabled is False and stored.learner_view()["timer_enabled"] is False
    body = play(harness, block, [("choose", {"node": "night", "choice": "layers"}),
                                 ("arrange", {"node": "siren", "order": ["stop", "tune", "listen", "act", "tell"]}),
                                 ("choose", {"node": "emergency", "choice": "chat"})])
    assert body["view"]["debrief"]["timeouts"] == 1
    assert body["view"]["debrief"]["rows"][0]["timeout"] is True


def test_attempts_are_limited_and_the_best_grade_is_kept(harness, published):
    block = harness.load(OUTAGE.replace('max_attempts="3"', 'max_attempts="2"'))
    play(harness, block, BEST_PATH)
    assert play(harness, block, [("restart", {})])["view"]["node"]["id"] == "dark"
    body = play(harness, block, [("choose", {"node": "dark", "choice": "candles"})])
    assert body["view"]["finished"] and body["view"]["can_restart"] is False
    grades = [data["value"] for name, data in published if name == "grade"]
    assert grades == [1.0, 1.0], "a worse later attempt does not lower the grade"
    status, body = harness.call(block, "restart", {})
    assert status == 400
    assert harness.reload(block).attempts == 2


def test_better_options_wait_for_showanswer_in_assessment_mode(harness):
    block = harness.load(OUTAGE)
    body = play(harness, block, [("choose", {"node": "dark", "choice": "candles"})])
    rows = body["view"]["debrief"]["rows"]
    assert rows[0]["feedback"], "own feedback is shown at the debrief"
    assert "better" not in rows[0], "showanswer=finished: not before the attempts are used or passed"
    block = harness.load(OUTAGE.replace('max_attempts="3"', 'max_attempts="3" showanswer="always"'))
    body = play(harness, block, [("choose", {"node": "dark", "choice": "candles"})])
    assert body["view"]["debrief"]["rows"][0]["better"]


def test_no_answers_reach_the_learner_before_they_are_due(harness):
    block = harness.load(OUTAGE)
    fragment = block.render("student_view", {})
    payloads = [fragment.content, json.dumps(fragment.json_init_args, ensure_ascii=False),
                json.dumps(block.student_view_data(), ensure_ascii=False),
                block.render("public_view", {}).content]
    status, body = harness.call(block, "choose", {"node": "dark", "choice": "radio"})
    payloads.append(json.dumps(body, ensure_ascii=False))
    for text in payloads:
        for secret in ('"goto"', '"points"', '"critical"', '"feedback"', '"harmful"', '"required"',
                       "Bīstami", "tvana", "Palīdzība ir ceļā", "Kāpņu telpā"):
            assert secret not in text, secret
    view = harness.reload(block).learner_view()
    assert view["node"]["id"] == "info"


def test_export_and_import_keep_the_drill(harness):
    block = harness.load(LIBRARY)
    again = harness.load(export_bytes(block))
    assert again.model_json == block.model_json and again.display_name == block.display_name
    root = etree.fromstring(export_bytes(block))
    assert root.find("checklist").find("text") is not None and root.find("card") is not None


def test_studio_refuses_invalid_content_and_keeps_learners_where_they_were(harness):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:3])
    data = block.content_api.to_json(block.model)
    broken = copy.deepcopy(data)
    broken["nodes"][0]["choices"][0]["goto"] = "nowhere"
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": broken})
    assert status == 400 and "nowhere" in body["error"] and "dark" in body["error"]
    status, body = harness.call(block, "check_content", {"content": broken})
    assert status == 200 and body["problems"][0]["id"] == "dark"
    edited = copy.deepcopy(data)
    edited["nodes"][0]["text"] = "<p>Jauns teksts.</p>"
    assert harness.call(block, "save_content", {"display_name": "X", "content": edited})[0] == 200
    assert harness.reload(block).learner_view()["node"]["id"] == "night"
    without_night = copy.deepcopy(edited)
    night = next(n for n in without_night["nodes"] if n["id"] == "night")
    without_night["nodes"].remove(night)
    for node in without_night["nodes"]:
        if node.get("goto") == "night":
            node["goto"] = "siren"
    without_night["nodes"] = [n for n in without_night["nodes"] if n["id"] not in ("cold", "co")]
    without_night["nodes"][0]["time_limit"] = None
    without_night["nodes"][0]["timeout"] = None
    without_night["nodes"] = [n for n in without_night["nodes"] if n["id"] != "wait"]
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": without_night})
    assert status == 200, body
    view = harness.reload(block).learner_view()
    assert view["outdated"] and view["node"] is None
    status, body = harness.call(block, "choose", {"node": "siren", "choice": "x"})
    assert status == 409
    status, body = harness.call(block, "restart", {})
    assert status == 200 and body["view"]["node"]["id"] == "dark" and not body["view"]["outdated"]


def test_rescore_recomputes_from_the_saved_path(harness):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:5] + [("choose", {"node": "emergency", "choice": "call-story"})])
    stored = harness.reload(block)
    score = stored.calculate_score()
    assert score.raw_possible == 1.0 and score.raw_earned == pytest.approx(12 / 14, abs=1e-4)


def test_views_speak_latvian(harness, latvian):
    block = harness.load(OUTAGE)
    assert "Scenārija karte" in block.render("author_view", {}).content
    status, body = harness.call(block, "choose", {"node": "info", "choice": "prepare"})
    assert status == 400 and "pašreizējā" in body["error"]


def test_studio_form_saves_scoring_settings_and_inspects_the_graph(harness):
    block = harness.load(OUTAGE)
    data = block.content_api.to_json(block.model)
    status, body = harness.call(block, "save_content", {"display_name": "Jauns", "content": data,
                                                        "settings": {"max_attempts": 5, "pass_threshold": 0.8}})
    assert status == 200, body
    stored = harness.reload(block)
    assert (stored.max_attempts, stored.pass_threshold, stored.display_name) == (5, 0.8, "Jauns")
    orphan = copy.deepcopy(data)
    orphan["nodes"].append({"kind": "ending", "id": "lonely", "text": "<p>x</p>", "rating": "ok"})
    status, body = harness.call(block, "inspect", {"content": orphan})
    assert status == 200
    assert [p["id"] for p in body["problems"]] == ["lonely"]
    assert next(row for row in body["map"] if row["id"] == "lonely")["unreachable"] is True
    status, body = harness.call(block, "inspect", {"content": {"nodes": "many"}})
    assert status == 200 and body["map"] is None and body["problems"][0]["severity"] == "error"


# Integrity (issue 9, item 5): an assessment attempt counts from the first decision --------------------------

def grades(published):
    return [data["value"] for name, data in published if name == "grade"]


def test_restarting_part_way_uses_an_attempt_and_grades_the_path_so_far(harness, published, later):
    block = harness.load(OUTAGE)
    status, body = harness.call(block, "restart", {})
    assert status == 200 and body["view"]["restart_uses_attempt"] is False
    assert harness.reload(block).attempts == 0, "a restart before any decision is free"
    body = play(harness, block, BEST_PATH[:2])
    assert body["view"]["restart_uses_attempt"] is True and body["view"]["can_restart"] is True
    status, body = harness.call(block, "restart", {})
    assert status == 200 and body["view"]["node"]["id"] == "dark" and body["view"]["attempts_left"] == 2
    stored = harness.reload(block)
    assert stored.attempts == 1 and stored.raw_earned == pytest.approx(4 / 14, abs=1e-4)
    assert grades(published) == [pytest.approx(4 / 14, abs=1e-4)]
    assert ("completion", {"completion": 1.0}) not in published, "an abandoned attempt does not complete the drill"
    assert "noturiba.crisisdrill.drill.abandoned" in [name for name, _data in published]
    assert harness.call(block, "clock", {"node": "dark", "action": "start"})[0] == 200
    later.offset += 61
    status, _body = harness.call(block, "timeout", {"node": "dark"})
    assert status == 200
    assert harness.call(block, "restart", {})[0] == 200
    assert harness.reload(block).attempts == 2, "a timeout is a decision too"
    assert grades(published) == [pytest.approx(4 / 14, abs=1e-4)], "a worse abandoned attempt keeps the best grade"


def test_a_critical_choice_caps_an_abandoned_attempt(harness):
    xml = OUTAGE.replace('pass="0.7"', 'pass="0.2"').replace('id="gas-stove" goto="co"', 'id="gas-stove" goto="siren"')
    block = harness.load(xml)
    play(harness, block, BEST_PATH[:3] + [("choose", {"node": "night", "choice": "gas-stove"}), ("restart", {})])
    stored = harness.reload(block)
    assert stored.attempts == 1 and stored.raw_earned == pytest.approx(0.19), "6/14 points, capped below the pass"
    play(harness, block, BEST_PATH[:4] + [("restart", {})])
    stored = harness.reload(block)
    assert stored.attempts == 2 and stored.raw_earned == pytest.approx(9 / 14, abs=1e-4)


def test_practice_mode_grades_the_first_attempt_only_then_restarts_are_free(harness, published):
    # Before: practice kept the best of unlimited attempts, so a learner who read the feedback
    # restarted and played the better choices for a free 100 %.
    block = harness.load(OUTAGE_PRACTICE)
    body = play(harness, block, [("choose", {"node": "dark", "choice": "scroll"})])
    assert body["view"]["restart_uses_attempt"] is True and body["view"]["can_restart"] is True
    play(harness, block, [("restart", {})])
    first = harness.reload(block)
    assert first.attempts == 1 and first.raw_earned is not None and first.raw_earned < 0.7
    body = play(harness, block, [("choose", {"node": "dark", "choice": "radio"})])
    assert body["view"]["restart_uses_attempt"] is False
    play(harness, block, [("restart", {})] + BEST_PATH)
    again = harness.reload(block)
    assert again.raw_earned == first.raw_earned and grades(published) == [first.raw_earned]


def test_after_max_attempts_restart_and_choose_are_refused_and_the_grade_stays(harness, published):
    block = harness.load(OUTAGE.replace('max_attempts="3"', 'max_attempts="2"'))
    play(harness, block, BEST_PATH[:1] + [("restart", {})])
    body = play(harness, block, BEST_PATH[:3])
    assert body["view"]["can_restart"] is False, "the last attempt cannot be thrown away"
    before = copy.deepcopy(harness.reload(block).drill_state)
    status, body = harness.call(block, "restart", {})
    assert status == 400 and "last attempt" in body["error"]
    assert harness.reload(block).drill_state == before and harness.reload(block).attempts == 1
    body = play(harness, block, [("choose", {"node": "night", "choice": "gas-stove"})])
    assert body["view"]["finished"] and body["view"]["can_restart"] is False
    stored = harness.reload(block)
    assert stored.attempts == 2 and stored.raw_earned == pytest.approx(6 / 14, abs=1e-4)
    events = len(published)
    state = copy.deepcopy(stored.drill_state)
    for handler, payload in [("restart", {}), ("choose", {"node": "dark", "choice": "radio"}),
                             ("choose", {"node": "co", "choice": "x"}), ("timeout", {"node": "dark"})]:
        status, body = harness.call(block, handler, payload)
        assert status == 400, (handler, body)
    stored = harness.reload(block)
    assert (stored.attempts, stored.raw_earned, stored.drill_state) == (2, pytest.approx(6 / 14, abs=1e-4), state)
    assert len(published) == events, "nothing is published after the attempts are used"


def test_replaying_a_choice_does_not_give_its_points_twice(harness, published):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:1])
    state = copy.deepcopy(harness.reload(block).drill_state)
    status, body = harness.call(block, "choose", {"node": "dark", "choice": "radio"})
    assert status == 400 and "not the current" in body["error"]
    assert harness.reload(block).drill_state == state
    play(harness, block, [("restart", {})])
    assert harness.reload(block).raw_earned == pytest.approx(2 / 14, abs=1e-4)
    names = [name for name, _data in published]
    assert names.count("noturiba.crisisdrill.step.answered") == 1


@pytest.mark.parametrize(("handler", "payload"), [
    ("choose", {"node": "dark", "choice": "scroll"}),
    ("choose", {"node": "emergency", "choice": "call-where"}),
    ("pick", {"node": "kit", "items": ["water-supply"]}),
    ("arrange", {"node": "siren", "order": ["stop", "tune", "listen", "act", "tell"]}),
    ("timeout", {"node": "dark"}),
])
def test_acting_on_a_node_that_is_not_current_is_refused(harness, handler, payload):
    block = harness.load(OUTAGE)
    play(harness, block, BEST_PATH[:1])
    state = copy.deepcopy(harness.reload(block).drill_state)
    assert state["node"] == "info"
    status, body = harness.call(block, handler, payload)
    assert status == 400 and "not the current" in body["error"]
    stored = harness.reload(block)
    assert stored.drill_state == state and stored.attempts == 0 and stored.raw_earned is None


# The step clock (issue 14): it starts with the learner, survives a reload, and a timeout is checked ---------


def clock_of(harness, block):
    return harness.reload(block).learner_view()["clock"]


def test_the_first_timed_step_waits_for_the_learner_and_a_reload_never_resets_its_clock(harness, later):
    block = harness.load(OUTAGE)
    later.offset += 300  # the page is open, the learner reads the intro: no time runs yet
    assert clock_of(harness, block) == {"started": False, "limit": 60, "remaining": 60, "paused": False}
    status, body = harness.call(block, "clock", {"node": "dark", "action": "start"})
    assert status == 200 and body["clock"]["started"] and body["clock"]["remaining"] == 60
    later.offset += 20
    assert clock_of(harness, block)["remaining"] == 40, "a reload shows the time left, not the full limit"
    assert harness.call(block, "clock", {"node": "dark", "action": "start"})[1]["clock"]["remaining"] == 40, \
        "starting again does not reset the clock"
    harness.call(block, "clock", {"node": "dark", "action": "pause"})
    later.offset += 600
    assert clock_of(harness, block) == {"started": True, "limit": 60, "remaining": 40, "paused": True}
    status, body = harness.call(block, "timeout", {"node": "dark"})
    assert status == 400 and "not run out" in body["error"], "a paused clock does not run out"
    harness.call(block, "clock", {"node": "dark", "action": "resume"})
    assert harness.call(block, "clock", {"node": "dark", "action": "extend"})[1]["clock"]["remaining"] == 70
    later.offset += 30
    assert clock_of(harness, block)["remaining"] == 40


def test_a_timeout_before_the_time_has_run_out_is_refused_and_changes_nothing(harness, later):
    block = harness.load(OUTAGE)
    status, body = harness.call(block, "timeout", {"node": "dark"})
    assert status == 400 and "not run out" in body["error"], "a clock that never started cannot run out"
    harness.call(block, "clock", {"node": "dark", "action": "start"})
    later.offset += 50
    state = copy.deepcopy(harness.reload(block).drill_state)
    status, body = harness.call(block, "timeout", {"node": "dark"})
    assert status == 400 and "not run out" in body["error"]
    assert harness.reload(block).drill_state == state
    later.offset += 10
    assert harness.call(block, "timeout", {"node": "dark"})[0] == 200


def test_a_decision_starts_the_next_timed_steps_clock_and_turning_the_timer_off_holds_it(harness, later):
    xml = OUTAGE.replace('<step id="wait">', '<step id="wait" time_limit="20" timeout="info">')
    block = harness.load(xml)
    harness.call(block, "clock", {"node": "dark", "action": "start"})
    later.offset += 61
    status, body = harness.call(block, "timeout", {"node": "dark"})
    assert body["view"]["clock"] == {"started": True, "limit": 20, "remaining": 20, "paused": False}
    later.offset += 5
    status, body = harness.call(block, "timer", {"enabled": False})
    assert body["clock"]["paused"] is True and body["clock"]["remaining"] == 15
    later.offset += 100
    status, body = harness.call(block, "timer", {"enabled": True})
    assert body["clock"] == {"started": True, "limit": 20, "remaining": 15, "paused": False}


@pytest.mark.parametrize("payload", [{"node": "dark", "action": "reset"}, {"node": "dark"},
                                     {"node": "dark", "action": "pause"}, {"node": "wait", "action": "start"}])
def test_bad_clock_actions_are_refused(harness, payload):
    block = harness.load(OUTAGE)
    state = copy.deepcopy(harness.reload(block).drill_state)
    status, body = harness.call(block, "clock", payload)
    assert status == 400 and body["error"]
    assert harness.reload(block).drill_state == state
