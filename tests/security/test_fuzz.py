"""Every JSON handler of every block, fed random and malformed payloads: never a 500, a message with
every 4xx, and a rejected call leaves the learner's saved state exactly as it was."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from webob import Request
from xblock.fields import Scope

from ..blocks.conftest import BLOCK_TYPES, Harness, package_scenarios

JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=50),
    st.sampled_from(["", "x" * 100_000, "-1", "../../etc/passwd", "<script>alert(1)</script>", "\u0000", "🙂" * 50]),
)
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=6) | st.dictionaries(
    st.text(max_size=12), inner, max_size=6), max_leaves=25)


def handler_names(block):
    return sorted(name for name in dir(type(block))
                  if getattr(getattr(type(block), name, None), "_is_xblock_handler", False))


def learner_state(harness, block):
    stored = harness.reload(block)
    return {name: json.dumps(field.read_from(stored), sort_keys=True, default=str)
            for name, field in stored.fields.items()
            if field.scope in (Scope.user_state, Scope.content, Scope.settings)}


def known_keys(block):
    """Keys and ids a fuzzer should mix in so some payloads get past the first checks."""
    model = block.content_api.to_json(block.model)
    ids = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "id" and isinstance(item, str):
                    ids.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(model)
    return sorted(ids)


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
@pytest.mark.parametrize("scenario", [0, 1])
def test_random_payloads_never_crash_and_rejections_keep_state(db, block_type, scenario):
    scenarios = package_scenarios(block_type)
    harness = Harness("fuzzer")
    block = harness.load(scenarios[min(scenario, len(scenarios) - 1)][1])
    handlers = handler_names(block)
    ids = known_keys(block)
    keys = st.sampled_from(["item", "verdict", "flags", "leads", "confidence", "node", "choice", "items", "order",
                            "question", "answer", "answers", "certainty", "score", "lead", "content", "settings",
                            "display_name", "olx", "attempt", "value", *ids[:20]])
    payloads = st.one_of(
        JSON_VALUES,
        st.dictionaries(keys, st.one_of(JSON_VALUES, st.sampled_from(ids or ["x"]),
                                        st.lists(st.sampled_from(ids or ["x"]), max_size=5),
                                        st.dictionaries(st.sampled_from(ids or ["x"]), JSON_VALUES, max_size=4)),
                        max_size=5),
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(handler=st.sampled_from(handlers), payload=payloads, raw=st.booleans())
    def fuzz(handler, payload, raw):
        live = harness.reload(block)
        before = learner_state(harness, live)
        body = json.dumps(payload).encode() if not raw else json.dumps(payload).encode()[:-1] + b"\xff"
        request = Request.blank("/", method="POST", body=body, content_type="application/json")
        response = live.runtime.handle(live, handler, request)
        status = response.status_code
        assert status < 500, f"{handler} {payload!r}: {status} {response.body[:300]!r}"
        if status >= 400:
            if response.content_type == "application/json":
                answer = json.loads(response.body)
                assert isinstance(answer, dict) and isinstance(answer.get("error"), str) and answer["error"], answer
            else:
                assert response.text.strip(), f"{handler}: {status} without a message"
            assert learner_state(harness, live) == before, f"{handler} changed saved state on a rejected call"

    fuzz()
