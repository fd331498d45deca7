"""xAPI statements of our events (issue 17, point 5): shapes, no survey content, registration."""

import json
import sys
import types

import pytest
import tincan

from noturiba import xapi

BLOCK = "block-v1:LNB+MED+2027+type@civicquiz+block@pre"


def event(name, **data):
    context = {"module": {"usage_key": BLOCK}, "course_id": "course-v1:LNB+MED+2027"}
    return {"name": name, "data": data, "context": context}


EVENTS = {
    "noturiba.civicquiz.question.answered": {"question": "q1", "score": 0.5},
    "noturiba.civicquiz.quiz.submitted": {"score": 0.8, "passed": True, "attempt": 2},
    "noturiba.civicquiz.survey.answered": {},
    "noturiba.mediacheck.item.checked": {"item": "h1", "score": 1.0},
    "noturiba.mediacheck.exercise.submitted": {"mode": "survey", "items": 6},
    "noturiba.crisisdrill.step.answered": {"node": "s1", "kind": "step", "choice": "call-112"},
    "noturiba.crisisdrill.drill.finished": {"ending": "e1", "rating": "good", "score": 0.9, "critical": False,
                                            "attempt": 1},
}


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_every_event_becomes_a_statement_of_the_xapi_shape(name):
    parts = xapi.statement_parts(event(name, **EVENTS[name]))
    assert parts["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/") and parts["verb"]["display"]["en"]
    activity_type = parts["object"]["definition"]["type"]
    assert parts["object"] == {"id": BLOCK, "objectType": "Activity", "definition": {"type": activity_type}}
    assert activity_type.startswith("http")
    score = (parts.get("result") or {}).get("score")
    if score:
        assert 0 <= score["scaled"] <= 1 and (score["min"], score["max"]) == (0, 1)
    assert all(key.startswith("https://") for key in parts.get("extensions", {}))


def test_a_survey_statement_says_only_that_it_was_answered():
    media = xapi.statement_parts(event("noturiba.mediacheck.exercise.submitted", mode="survey", items=6))
    assert media["result"] == {"completion": True}
    civic = xapi.statement_parts(event("noturiba.civicquiz.survey.answered"))
    assert "result" not in civic and "extensions" not in civic
    graded = xapi.statement_parts(event("noturiba.civicquiz.quiz.submitted", score=0.8, passed=True, attempt=2))
    assert graded["result"] == {"score": {"scaled": 0.8, "raw": 0.8, "min": 0, "max": 1}, "completion": True,
                                "success": True}
    assert xapi.statement_parts({"name": "problem_check", "data": {}}) is None


def test_events_that_tell_which_option_was_taken_are_not_in_the_default_allowlist():
    assert "noturiba.crisisdrill.step.answered" not in xapi.DEFAULT_ALLOWLIST
    assert "noturiba.crisisdrill.drill.finished" not in xapi.DEFAULT_ALLOWLIST
    assert "noturiba.civicquiz.survey.answered" in xapi.DEFAULT_ALLOWLIST


def test_transformers_register_only_where_event_routing_backends_is(monkeypatch):
    assert xapi.register() is False  # not installed here

    class Registry:
        mapping = {}

        @classmethod
        def register(cls, name):
            def inner(transformer):
                cls.mapping[name] = transformer
                return transformer
            return inner

    class XApiTransformer:
        def __init__(self, raw):
            self.event = raw

        def get_data(self, key, required=False):
            value = self.event
            for part in key.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            return value

    registry_module = types.ModuleType("registry")
    registry_module.XApiTransformersRegistry = Registry
    transformer_module = types.ModuleType("transformer")
    transformer_module.XApiTransformer = XApiTransformer
    for path, module in (("event_routing_backends", types.ModuleType("erb")),
                         ("event_routing_backends.processors", types.ModuleType("p")),
                         ("event_routing_backends.processors.xapi", types.ModuleType("x")),
                         ("event_routing_backends.processors.xapi.registry", registry_module),
                         ("event_routing_backends.processors.xapi.transformer", transformer_module)):
        monkeypatch.setitem(sys.modules, path, module)
    assert xapi.register() is True
    assert set(Registry.mapping) == set(xapi.EVENTS)
    name = "noturiba.mediacheck.item.checked"
    transformer = Registry.mapping[name](event(name, item="h1", score=1.0))
    assert transformer.get_verb().id == "http://adlnet.gov/expapi/verbs/answered"
    assert transformer.get_object().id == BLOCK
    # The real tincan library (what event-routing-backends builds statements with) takes the parts and
    # writes valid xAPI JSON: event-routing-backends itself is not in this machine's package index.
    statement = tincan.Statement(actor=tincan.Agent(account={"homePage": "https://lms.example", "name": "anon"}),
                                 verb=transformer.get_verb(), object=transformer.get_object(),
                                 result=transformer.get_result())
    sent = json.loads(statement.to_json())
    assert sent["verb"] == {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en": "answered"}}
    assert sent["object"]["id"] == BLOCK and sent["object"]["objectType"] == "Activity"
    assert sent["result"]["score"]["scaled"] == 1.0
    assert sent["result"]["extensions"] == {xapi.EXTENSION + "item": "h1"}
