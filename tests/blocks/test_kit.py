"""The kit in the real runtime: handlers answer 400s and keep state, scoring meets the LMS contract."""

import json
from importlib import resources

import pytest
from workbench.runtime import WorkbenchRuntime
from xblock.core import XBlock
from xblock.fields import Scope
from xblock.scorable import Score

from .conftest import Harness
from .kitnote import KitNoteBlock

OLX = '<kitnote display_name="Piezīmes" mode="assessment" weight="2"><note id="a">Pirmā</note></kitnote>'
with_kitnote = XBlock.register_temp_plugin(KitNoteBlock, "kitnote")


@pytest.fixture
def kit_catalog(monkeypatch):
    """The kit's strings reach a block only through its own package catalog (tools/i18n.py compiles
    the kit's domain into each block's), as in the LMS; the test block borrows civicquiz's."""
    from noturiba import i18n
    own = i18n.block_package
    monkeypatch.setattr(i18n, "block_package",
                        lambda block: "civicquiz" if isinstance(block, KitNoteBlock) else own(block))


class Published:
    def __init__(self, runtime):
        self.events = []
        original = runtime.publish

        def publish(block, name, data):
            self.events.append((name, data))
            return original(block, name, data)
        runtime.publish = publish

    def named(self, name):
        return [data for event, data in self.events if event == name]


@with_kitnote
def test_bad_json_and_wrong_method_get_translated_errors_and_change_nothing(db, latvian, kit_catalog):
    harness = Harness()
    block = harness.load(OLX)
    status, body = harness.call(block, "submit", None, raw=b"\xff\xfe")
    assert (status, body) == (400, {"error": "Pieprasījums nav derīgs JSON."})
    status, body = harness.call(block, "submit", {"score": "1"})
    assert status == 400 and body["error"] == "Laukam score ir nepareizs tips."
    status, body = harness.call(block, "submit", {"score": 0.5, "extra": 1})
    assert status == 400 and "extra" in body["error"]
    request_get = __import__("webob").Request.blank("/", method="GET")
    assert block.runtime.handle(block, "submit", request_get).status_code == 405
    assert harness.reload(block).attempts == 0


@with_kitnote
def test_a_handler_that_fails_after_changing_fields_saves_nothing(db):
    harness = Harness()
    block = harness.load(OLX)
    assert harness.call(block, "submit", {"score": 0.5}) == (200, {"attempts": 1})
    status, _body = harness.call(harness.reload(block), "submit", {"score": 1.0, "fail": True})
    assert status == 400
    stored = harness.reload(block)
    assert (stored.attempts, stored.raw_earned) == (1, 0.5)


@with_kitnote
def test_learner_state_is_per_learner(db):
    harness = Harness()
    block = harness.load(OLX)
    harness.call(block, "submit", {"score": 1.0})
    other = harness.reload(block, user_id="learner-2")
    assert (other.attempts, other.raw_earned) == (0, None)


@with_kitnote
def test_scoring_contract_for_grades_rescore_override_and_reset(db):
    harness = Harness()
    block = harness.load(OLX)
    published = Published(block.runtime)
    harness.call(block, "submit", {"score": 0.75})
    # Grades are points: max_score() is the weight (2), the learner keeps the fraction.
    assert published.named("grade")[-1] == {"value": 1.5, "max_value": 2.0, "only_if_higher": None}
    assert published.named("completion") == [{"completion": 1.0}]
    stored = harness.reload(block)
    published = Published(stored.runtime)
    assert stored.max_score() == 2.0 and stored.weight == 2.0 and stored.raw_earned == 0.75
    assert stored.has_submitted_answer() and stored.get_score() == Score(1.5, 2.0)
    stored.rescore(only_if_higher=True)
    assert published.named("grade")[-1]["only_if_higher"] is True
    stored.set_score(Score(raw_earned=3, raw_possible=4))
    stored.publish_grade()
    assert published.named("grade")[-1]["value"] == 1.5
    assert stored.fields["attempts"].scope == Scope.user_state


@with_kitnote
def test_studio_json_save_validates_content_and_settings_before_saving(kit_catalog, db, latvian):
    harness = Harness()
    block = harness.load(OLX)
    before = block.model_json
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": {"mode": "practice"}})
    assert status == 400 and body["error"] == "Pieprasījumam jābūt JSON objektam."
    empty = {"mode": "practice", "notes": []}
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": empty})
    assert (status, body["error"]) == (400, "Atribūts id ir obligāts.")
    good = {"mode": "practice", "notes": [["b", "Otrā"]]}
    status, _ = harness.call(block, "save_content", {"display_name": "X", "content": good,
                                                     "settings": {"showanswer": "bogus"}})
    assert status == 400
    stored = harness.reload(block)
    assert (stored.model_json, stored.display_name, stored.showanswer) == (before, "Piezīmes", "finished")
    status, body = harness.call(block, "save_content", {"display_name": "Jaunas", "content": good,
                                                        "settings": {"max_attempts": 3, "weight": 0.5}})
    assert (status, body) == (200, {"saved": True, "warnings": []})
    stored = harness.reload(block)
    assert (stored.model_json, stored.display_name, stored.max_attempts, stored.weight) == (good, "Jaunas", 3, 0.5)
    status, body = harness.call(stored, "check_content", {"content": empty})
    assert body == {"problems": [{"severity": "error", "message": "Atribūts id ir obligāts.", "id": None}]}


def test_every_block_package_carries_the_kit_files_it_asks_for():
    """The LMS serves only files of the block's own package (tests/platform checks the wheel)."""
    kit = resources.files("noturiba").joinpath("public")
    names = sorted(entry.name for entry in kit.iterdir() if entry.is_file())
    assert {"kit.js", "kit.css", "olx_editor.js"} <= set(names)
    for block_type in ("mediacheck", "crisisdrill", "civicquiz"):
        copy = resources.files(block_type).joinpath("public", "noturiba")
        for name in names:
            assert copy.joinpath(name).read_bytes() == kit.joinpath(name).read_bytes(), (block_type, name)


@with_kitnote
def test_fragment_carries_kit_and_catalog_as_urls(db, latvian):
    block = Harness().load(OLX)
    fragment = block.render("student_view", {})
    urls = [r.data for r in fragment.resources if r.kind == "url"]
    assert urls[0].endswith("public/noturiba/kit.css")
    # This test block's package ships no catalog: no catalog URL, the kit's JS falls back to English.
    assert not any("/translations/" in u for u in urls)
    assert json.dumps(block.content_api.public(block.model)) == '{"notes": ["a"]}'
    assert isinstance(block.runtime, WorkbenchRuntime)
