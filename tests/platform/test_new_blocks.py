"""A block an author has just added in Studio, on the installed wheel: it opens, previews, validates,
publishes and answers its handlers before it holds any content.

Platform code paths emulated here (read in openedx/openedx-platform; none of its code is copied):

- Studio's "Add component" for a block type without a boilerplate template:
  cms/djangoapps/contentstore/xblock_storage_handlers/create_xblock.py `create_xblock` calls
  `store.create_child(..., definition_data=None, metadata={...})`, so the new block holds field
  defaults only (`content == {}`). Studio then shows its preview (author_view, preferred over
  student_view by cms/djangoapps/contentstore/views/preview.py) and, on "Edit", studio_view.
- Studio's component wrapper, cms/templates/studio_xblock_wrapper.html: `xblock.validate().to_json()`;
  a summary of type "not-configured" (xmodule/validation.py StudioValidation's `summary`) is the
  not-configured state, and cms/static/js/models/xblock_validation.js lists the messages by type.
- Course publish: lms/djangoapps/course_api/blocks/transformers/student_view.py
  `StudentViewTransformer.collect` calls `block.student_view_data()` without arguments on every block
  of the course while its block structure is collected (no learner is bound); the structure is stored
  zlib-pickled (openedx/core/djangoapps/content/block_structure/store.py `_serialize`) and the Blocks
  API returns the data as JSON. In the same collect, lms/djangoapps/grades/transformer.py
  `GradesTransformer` reads `has_score`, `weight`, `graded` ... and calls `max_score()`.
- A learner's handler call: lms/djangoapps/courseware/block_render.py `_invoke_xblock_handler` calls
  `block.handle(name, request, suffix)` and re-raises every exception but a few (a 500 for the learner).
"""

import json
import pickle
import zlib
from importlib import resources

import lxml.html
import pytest
from django.utils import translation
from lxml import etree
from webob import Request
from workbench import scenarios as wb_scenarios
from workbench.runtime import WorkbenchRuntime

BLOCK_TYPES = ("mediacheck", "crisisdrill", "civicquiz")
NOT_CONFIGURED_LV = "Šis uzdevums vēl nav sagatavots."
NOT_READY_LV = "Šī aktivitāte vēl nav gatava."
HINT_LV = {
    "mediacheck": "Pievienojiet redaktorā vismaz vienu vienumu.",
    "crisisdrill": "Pievienojiet redaktorā pirmo soli un nobeigumu.",
    "civicquiz": "Pievienojiet redaktorā vismaz vienu jautājumu.",
}
# What a learner must never read: editor words, markup names, a traceback, an untranslated notice.
AUTHOR_WORDS = ("redaktor", "OLX", "Traceback", "Error", "not configured", "not ready")
# The form editor's button that adds the first item, step or question.
ADD_BUTTON = {"mediacheck": "[data-add-item]", "crisisdrill": "[data-add-node]", "civicquiz": "[data-add]"}
# What Studio's editors post while the block is still empty (the block may name more authoring handlers).
EDITOR_HANDLERS = {"save_olx", "save_content", "check_content"}


class PublishRuntime(WorkbenchRuntime):
    """The runtime of the publish-time collect: no learner is bound, so no user service answers."""

    def __init__(self):
        super().__init__(user_id=None)

    def service(self, block, service_name):
        return None if service_name == "user" else super().service(block, service_name)


def studio_creates(block_type, runtime=None):
    """create_xblock without a boilerplate: a new usage whose fields all hold their defaults."""
    runtime = runtime or WorkbenchRuntime("author")
    runtime.id_generator.set_scenario("studio-new")
    usage_id = runtime.id_generator.create_usage(runtime.id_generator.create_definition(block_type))
    block = runtime.get_block(usage_id)
    assert block.model_json == {} and not block.fields["model_json"].is_set_on(block)
    return block


def text_of(html):
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


def init_of(fragment):
    """The script the runtime starts on the rendered block (its wrapper's data-init), or None."""
    return lxml.html.fragment_fromstring(fragment.content, create_parent="div")[0].get("data-init")


def post(block, handler, payload):
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode(), content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    body = response.body.decode("utf-8")
    is_json = response.content_type == "application/json"
    return response.status_code, json.loads(body) if is_json and body else body


def collect(block):
    """What StudentViewTransformer.collect and GradesTransformer.collect take from one block."""
    student_view = getattr(block.__class__, "student_view", None)
    collected = {"multi_device": block.has_support(student_view, "multi_device")}
    if getattr(block, "student_view_data", None):
        collected["student_view_data"] = block.student_view_data()
    for name in ("due", "format", "graded", "has_score", "weight", "show_correctness"):
        collected[name] = getattr(block, name, None)
    if getattr(block, "has_score", False):
        collected["max_score"] = block.max_score()
    zlib.compress(pickle.dumps(collected))  # the block structure store
    json.dumps(collected["student_view_data"])  # the Blocks API response
    return collected


@pytest.fixture
def latvian():
    with translation.override("lv"):
        yield


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_studio_opens_the_editor_of_a_new_block_on_an_empty_model(db, latvian, block_type):
    """create_xblock's new block, then Studio's "Edit": studio_view renders the form editor and the OLX editor."""
    block = studio_creates(block_type)
    fragment = block.render("studio_view", {})
    assert init_of(fragment), "the form editor must start on the empty model"
    page = lxml.html.fragment_fromstring(fragment.content, create_parent="div")
    olx = page.xpath("//textarea[@name='olx']")[0].text
    skeleton = etree.fromstring(olx.encode())
    assert skeleton.tag == block_type and len(skeleton) == 0, olx
    assert all(value.strip() for value in skeleton.attrib.values()), f"empty attribute in the skeleton: {olx}"
    assert "Traceback" not in fragment.content


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_author_preview_says_the_block_is_not_configured_and_what_to_add(db, latvian, block_type):
    """Studio's preview (preview.py prefers author_view) of a block create_xblock just made."""
    text = text_of(studio_creates(block_type).render("author_view", {}).content)
    assert NOT_CONFIGURED_LV in text and HINT_LV[block_type] in text, text


@pytest.mark.parametrize("view", ["student_view", "public_view"])
@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_learners_see_a_neutral_message_and_no_script(db, latvian, block_type, view):
    """An empty block published into a unit: the LMS renders student_view (public_view when unenrolled)."""
    block = studio_creates(block_type, WorkbenchRuntime("learner"))
    fragment = block.render(view, {})
    text = text_of(fragment.content)
    assert NOT_READY_LV in text, text
    assert not [word for word in AUTHOR_WORDS if word in text], text
    assert init_of(fragment) is None, "no learner script may start on an empty block"


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_validation_says_what_to_add_and_studio_shows_not_configured(db, latvian, block_type):
    """studio_xblock_wrapper.html: `validate().to_json()`, then the summary type "not-configured"."""
    validation = studio_creates(block_type).validate()
    assert not validation.empty
    assert [(m.type, m.text) for m in validation.messages] == [("warning", HINT_LV[block_type])]
    data = json.loads(json.dumps(validation.to_json()))
    assert data["summary"]["type"] == "not-configured"
    assert data["summary"]["text"] == NOT_CONFIGURED_LV
    assert data["summary"]["action_class"] == "edit-button" and data["summary"]["action_label"]


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_publish_collects_a_safe_projection_and_score_without_a_user(db, latvian, block_type):
    """StudentViewTransformer.collect and GradesTransformer.collect on a new block, with no user bound."""
    created = studio_creates(block_type)
    block = PublishRuntime().get_block(created.scope_ids.usage_id)
    collected = collect(block)
    assert collected["multi_device"] is True
    data = collected["student_view_data"]
    assert isinstance(data, dict) and data["configured"] is False
    assert data["display_name"] == block.display_name
    assert collected["has_score"] is True and collected["max_score"] == 1.0


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_learner_handlers_on_a_new_block_answer_400_in_latvian(db, latvian, block_type):
    """block_render.py's `_invoke_xblock_handler` on an empty block (a stale page, a script): a 400, never a 500."""
    block = studio_creates(block_type, WorkbenchRuntime("learner"))
    handlers = sorted(name for name in dir(type(block))
                      if getattr(getattr(type(block), name), "_is_xblock_handler", False))
    authoring = type(block).AUTHORING_HANDLERS
    assert authoring >= EDITOR_HANDLERS
    learner = [name for name in handlers if name not in authoring]
    assert learner, handlers
    for name in learner:
        status, body = post(block, name, {})
        assert status in (400, 403), f"{name}: {status} {body}"
        if status == 400:
            assert body == {"error": NOT_READY_LV}, f"{name}: {body}"


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_authors_first_save_configures_the_block(db, latvian, block_type):
    """The editor's live checks answer on the empty block; saving the first content makes it a normal block."""
    block = studio_creates(block_type)
    checker = "inspect" if "inspect" in dir(type(block)) else "check_content"
    status, body = post(block, checker, {"content": block.content_api.to_json(block.model)})
    assert status == 200 and body["problems"], body
    minimal = resources.files(block_type).joinpath("scenarios", "01-minimal.xml").read_text(encoding="utf-8")
    status, body = post(block, "save_olx", {"display_name": "Pirmais", "olx": minimal})
    assert (status, body) == (200, {"saved": True})
    again = WorkbenchRuntime("learner").get_block(block.scope_ids.usage_id)
    assert again.is_configured()
    assert NOT_READY_LV not in text_of(again.render("student_view", {}).content)
    assert not again.validate().to_json().get("summary")
    assert collect(again)["student_view_data"]["configured"] is True


@pytest.mark.browser
@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_a_new_block_in_chromium_opens_its_editor_and_shows_its_notices(workbench, page, block_type):
    """The pages Studio and the LMS show for a new block, in Chromium: the notices (axe clean), and the
    form editor starting on the empty model and adding the first entry, without a script error."""
    from tests.browser.conftest import axe_violations, describe

    block = studio_creates(block_type)
    key = f"studio-new.{block_type}"
    wb_scenarios.SCENARIOS[key] = wb_scenarios.Scenario(f"New {block_type}", block.scope_ids.usage_id, "")
    for view, notice in {"author_view": NOT_CONFIGURED_LV, "student_view": NOT_READY_LV}.items():
        page.goto(f"{workbench}/scenario/{key}/{view}/?lang=lv")
        page.get_by_text(notice).first.wait_for()
        violations = axe_violations(page)
        assert violations == [], f"{view}: {describe(violations)}"
    page.goto(f"{workbench}/scenario/{key}/studio_view/?lang=lv")
    form = page.locator(".noturiba[data-uid$='-form']")
    page.locator("textarea[name='olx']").wait_for(state="attached")
    fields = form.locator("input, select, textarea")
    before = fields.count()
    form.locator(ADD_BUTTON[block_type]).first.click()
    page.wait_for_load_state("networkidle")
    assert fields.count() > before, "the first entry has no fields to fill in"
    assert page.js_errors == []
