"""xAPI statements of our tracking events for the platform's event-routing-backends (Aspects).

The statement parts are pure dicts (`statement_parts(event)`), so they are tested without the
package. `register()` wraps them into event-routing-backends transformers and registers them,
only when that package is importable (it is part of the platform; the workbench has none):
  - event_routing_backends/processors/xapi/registry.py: XApiTransformersRegistry.register(name),
    a class decorator keyed by the tracking event's name;
  - event_routing_backends/processors/xapi/transformer.py: XApiTransformer (actor and timestamp
    from the event; subclasses give get_verb/get_object, and get_result for `additional_fields`);
    tincan's Verb, Activity, ActivityDefinition, LanguageMap, Result, Score, Extensions.
An event is only sent if the operator's allowlist names it (the Tutor plugin, off by default for
ANSWER_EVENTS: events that carry which option a learner chose).
"""

import logging

log = logging.getLogger(__name__)

ADL = "http://adlnet.gov/expapi/verbs/"
ACTIVITY = "http://adlnet.gov/expapi/activities/"
SURVEY_ACTIVITY = "http://id.tincanapi.com/activitytype/survey"
EXTENSION = "https://noturiba.example/xapi/extensions/"  # our own extension IRIs (stable, no lookup)

# event name: (verb, activity type, result builder name, extension data keys)
EVENTS = {
    "noturiba.civicquiz.question.answered": ("answered", ACTIVITY + "cmi.interaction", "score", ("question",)),
    "noturiba.civicquiz.quiz.submitted": ("attempted", ACTIVITY + "assessment", "graded", ("attempt",)),
    "noturiba.civicquiz.survey.answered": ("completed", SURVEY_ACTIVITY, "none", ()),
    "noturiba.mediacheck.item.checked": ("answered", ACTIVITY + "cmi.interaction", "score", ("item",)),
    "noturiba.mediacheck.exercise.submitted": ("attempted", ACTIVITY + "assessment", "exercise", ("mode", "items")),
    "noturiba.crisisdrill.step.answered": ("responded", ACTIVITY + "cmi.interaction", "none",
                                           ("node", "kind", "choice", "items")),
    "noturiba.crisisdrill.drill.finished": ("completed", ACTIVITY + "simulation", "graded",
                                            ("ending", "rating", "critical", "attempt")),
}
# Which option a learner took (a drill choice, the ending its path led to): off unless allowlisted.
ANSWER_EVENTS = frozenset({"noturiba.crisisdrill.step.answered", "noturiba.crisisdrill.drill.finished"})
DEFAULT_ALLOWLIST = tuple(sorted(set(EVENTS) - ANSWER_EVENTS))


def _score(data):
    score = data.get("score")
    if not isinstance(score, (int, float)) or isinstance(score, bool):
        return None
    scaled = max(0.0, min(1.0, float(score)))
    return {"scaled": scaled, "raw": scaled, "min": 0, "max": 1}


def result_of(kind, data):
    """The xAPI result of one event's data, or None."""
    if kind == "none":
        return None
    score = _score(data)
    if kind == "exercise" and data.get("mode") == "survey":
        return {"completion": True}  # a survey's submission: participation, never its content
    result = {"score": score} if score else {}
    if kind == "graded":
        result["completion"] = True
        if isinstance(data.get("passed"), bool):
            result["success"] = data["passed"]
    return result or None


def statement_parts(event):
    """{"verb", "object", "result"?, "extensions"?} of a tracking event (dict as the LMS logs it), or None.

    event: {"name", "data": {...}, "context": {"module": {"usage_key"}, "course_id"}}.
    """
    spec = EVENTS.get(event.get("name"))
    if spec is None:
        return None
    verb, activity_type, result_kind, keys = spec
    data = event.get("data") or {}
    context = event.get("context") or {}
    block = (context.get("module") or {}).get("usage_key") or data.get("block_id") or ""
    parts = {
        "verb": {"id": ADL + verb, "display": {"en": verb}},
        "object": {"id": block, "objectType": "Activity", "definition": {"type": activity_type}},
    }
    result = result_of(result_kind, data)
    if result:
        parts["result"] = result
    extensions = {EXTENSION + key: data[key] for key in keys if key in data}
    if extensions:
        parts["extensions"] = extensions
    return parts


def register():
    """Register a transformer per event with event-routing-backends; False if the package is absent."""
    try:
        from event_routing_backends.processors.xapi.registry import XApiTransformersRegistry
        from event_routing_backends.processors.xapi.transformer import XApiTransformer
        from tincan import Activity, ActivityDefinition, Extensions, LanguageMap, Result, Score, Verb
    except ImportError:
        return False

    class NoturibaTransformer(XApiTransformer):
        additional_fields = ("result",)

        def _parts(self):
            return statement_parts({"name": self.get_data("name", True), "data": self.get_data("data") or {},
                                    "context": self.get_data("context") or {}})

        def get_verb(self):
            verb = self._parts()["verb"]
            return Verb(id=verb["id"], display=LanguageMap(verb["display"]))

        def get_object(self):
            obj = self._parts()["object"]
            return Activity(id=obj["id"], definition=ActivityDefinition(type=obj["definition"]["type"]))

        def get_result(self):
            parts = self._parts()
            result = dict(parts.get("result") or {})
            if "score" in result:
                result["score"] = Score(**result["score"])
            if parts.get("extensions"):
                result["extensions"] = Extensions(parts["extensions"])
            return Result(**result) if result else None

    for name in EVENTS:
        XApiTransformersRegistry.register(name)(type(f"Transformer_{name.replace('.', '_')}",
                                                     (NoturibaTransformer,), {}))
    log.info("noturiba: registered %d xAPI transformers", len(EVENTS))
    return True
