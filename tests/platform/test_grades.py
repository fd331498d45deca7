"""civicquiz grades that mean what they say, on the installed wheel: best attempt kept, practice not farmed,
Studio's warning for practice in a graded subsection, and student_view_data as the Blocks API collects it.

Platform code paths emulated here (read in openedx/edx-platform and XBlock; none of its code is copied):

- lms/djangoapps/courseware/block_render.py: a learner's handler call reaches `block.handle` on a block
  bound to that learner, and each "grade" event the block publishes goes to the grades app, which keeps
  the last one it is given (so a block that must keep the best attempt must never publish a lower one);
  the grades app and rescoring read `get_score()` / `calculate_score()` (xblock/scorable.py).
- xmodule/modulestore/inheritance.py `InheritanceMixin`: `graded` is an inherited setting, so a block in
  a graded subsection has `graded` True. Studio shows `xblock.validate().to_json()["messages"]` in the
  block's header (contentstore `get_xblock_validation_messages`).
- lms/djangoapps/course_api/blocks/transformers/student_view.py `StudentViewTransformer.collect`: for
  every block of the course, `block.student_view_data()` on the block the modulestore gives, which is
  bound to no user (its scope ids carry no user id), and the result is cached and served to every learner
  who asks the Blocks API. The modulestore's user service is `DjangoXBlockUserService(get_current_user())`
  built without an anonymous id (xmodule/modulestore/django.py create_modulestore_instance;
  common/djangoapps/xblock_django/user_service.py), so even with a current user the block sees no
  anonymous id.
"""

import json

import pytest
from xblock.core import XBlockMixin
from xblock.fields import Boolean, Scope, ScopeIds
from xblock.reference.user_service import UserService, XBlockUser

from .lms import PlatformInheritance, ProductionRuntime
from .test_exam_civicquiz import ASSESSMENT, PRACTICE, answers, call, capture, olx, page

SECRET_KEYS = {"correct", "answer", "solution", "explanation", "tolerance", "score", "verdict"}


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation
    with translation.override("en"):
        yield


class Quiz:
    """One civicquiz block in the LMS-like runtime; `block(user)` is what a new request of `user` gets."""

    def __init__(self, production, atlas_root, xml, runtime=ProductionRuntime):
        self.atlas_root, self.runtime = atlas_root, runtime
        if runtime is ProductionRuntime:
            self.usage_id = production(xml).scope_ids.usage_id
        else:  # parsed by the runtime whose mixins hold the OLX's inherited settings
            self.usage_id = runtime("author", atlas_root).parse_xml_string(xml)

    def block(self, user):
        return self.runtime(user, self.atlas_root).get_block(self.usage_id)


def grades(published):
    return [data["value"] for name, data in published if name == "grade"]


def submit(quiz, user, right):
    block = quiz.block(user)
    published = capture(block)
    given = answers(block, right)
    status, body = call(block, "submit", {"answers": given, "certainty": dict.fromkeys(given, 3)})
    assert status == 200, body
    return json.loads(body)["result"], grades(published)


def test_a_worse_retake_keeps_the_first_attempts_grade(production, atlas_root):
    quiz = Quiz(production, atlas_root, olx(ASSESSMENT, weight="10"))
    result, first = submit(quiz, "learner", right=True)
    assert result["passed"] and first == [10.0]
    assert quiz.block("learner").get_score().raw_earned == 10.0
    assert call(quiz.block("learner"), "new_attempt", {})[0] == 200
    result, second = submit(quiz, "learner", right=False)
    assert result["score"] == 0 and not result["passed"]  # the learner is told how the retake went
    # The grades app keeps the last grade it is given: nothing lower than the first attempt reaches it.
    assert all(value == 10.0 for value in second), second
    fresh = quiz.block("learner")
    assert fresh.get_score().raw_earned == 10.0
    assert fresh.calculate_score().raw_earned == pytest.approx(10.0)  # what a rescore gives


def first_single(block):
    return next(q for q in block.layout().questions if q.type == "single")


def test_practice_checks_cannot_be_farmed_with_the_shown_solution(production, atlas_root):
    quiz = Quiz(production, atlas_root, olx(PRACTICE, weight="6"))
    block = quiz.block("farmer")
    q = first_single(block)
    wrong = answers(block, right=False)[q.id]
    published = capture(block)
    status, body = call(block, "check", {"question": q.id, "answer": wrong})
    feedback = json.loads(body)["feedback"]
    assert status == 200 and feedback["verdict"] == "wrong" and feedback["solution"]
    assert grades(published) == [0.0]
    again = quiz.block("farmer")
    published = capture(again)
    status, body = call(again, "check", {"question": q.id, "answer": feedback["solution"]})
    assert status == 200 and json.loads(body)["feedback"]["verdict"] == "right"  # practice still teaches
    assert all(value == 0.0 for value in grades(published)), grades(published)
    fresh = quiz.block("farmer")
    assert fresh.get_score().raw_earned == 0.0 and fresh.calculate_score().raw_earned == 0.0
    # The same question right at the first check does count: one of the six questions.
    honest = quiz.block("honest")
    published = capture(honest)
    call(honest, "check", {"question": q.id, "answer": answers(honest, right=True)[q.id]})
    assert grades(published) == [pytest.approx(1.0)]


class GradedSubsection(XBlockMixin):
    """InheritanceMixin's `graded` (the subsection's setting, inherited by the blocks inside it)."""

    graded = Boolean(scope=Scope.settings, default=False)


class StudioRuntime(ProductionRuntime):
    def __init__(self, user_id, atlas_root):
        super().__init__(user_id, atlas_root)
        self.mixologist = type(self.mixologist)([PlatformInheritance, GradedSubsection])


def studio_messages(production, atlas_root, xml):
    block = Quiz(production, atlas_root, xml, runtime=StudioRuntime).block("author")
    return [(m["type"], m["text"]) for m in block.validate().to_json()["messages"]]


def test_studio_warns_in_the_block_about_practice_in_a_graded_subsection(production, atlas_root):
    warned = studio_messages(production, atlas_root, olx(PRACTICE, graded="true"))
    assert [kind for kind, text in warned if "practice mode inside a graded subsection" in text] == ["warning"]
    for xml in (olx(PRACTICE), olx(ASSESSMENT, graded="true")):
        assert not any("graded subsection" in text for _kind, text in studio_messages(production, atlas_root, xml))


class ModulestoreUserService(UserService):
    """The modulestore's user service: the current user, if any, but no anonymous id (see the module doc)."""

    def get_current_user(self):
        user = XBlockUser(is_current_user=True)
        user.opt_attrs.update({"edx-platform.is_authenticated": True, "edx-platform.user_id": 7,
                               "edx-platform.username": "whoever-asked-first",
                               "edx-platform.anonymous_user_id": None})
        return user


def collected(quiz):
    """student_view_data() as StudentViewTransformer.collect gets it: a block bound to no user."""
    block = quiz.block("modulestore")
    block.scope_ids = ScopeIds(None, *block.scope_ids[1:])
    service = block.runtime.service
    block.runtime.service = lambda blk, name: ModulestoreUserService() if name == "user" else service(blk, name)
    return block.student_view_data()


def test_student_view_data_for_the_blocks_api_holds_no_question_option_or_answer(production, atlas_root):
    quiz = Quiz(production, atlas_root, olx(ASSESSMENT))
    data = collected(quiz)
    assert data["questions"] == [] and data["question_count"] == 6 and data["mode"] == "assessment"
    text = json.dumps(data, ensure_ascii=False)
    model = quiz.block("learner").model
    for q in model.questions:
        assert q.id not in text
        for part in (*q.options, *q.items, *q.pairs):
            for label in (getattr(part, "label", ""), getattr(part, "left", ""), getattr(part, "right", "")):
                assert not label or label not in text, label
    assert not SECRET_KEYS & keys(data)


def keys(value):
    """Every dict key anywhere in `value`."""
    if isinstance(value, dict):
        return set(value) | set().union(*(keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(keys(item) for item in value))
    return set()


def test_student_view_data_for_a_learner_is_their_draw_with_the_ids_of_their_page(production, atlas_root):
    quiz = Quiz(production, atlas_root, olx(ASSESSMENT))
    block = quiz.block("mobile-learner")
    data = block.student_view_data()
    drawn = block.layout().ids()
    assert [q["id"] for q in data["questions"]] == drawn and len(drawn) < len(block.model.questions)
    html = page(quiz.block("mobile-learner"))
    for q in data["questions"]:
        assert f'data-question="{q["id"]}"' in html
        shown = [option["id"] for option in q.get("options", ())]
        assert shown == [f"o{n}" for n in range(1, len(shown) + 1)]  # never the authored ids
        for option_id in shown:
            assert f'value="{option_id}"' in html
    assert not SECRET_KEYS & keys(data)
