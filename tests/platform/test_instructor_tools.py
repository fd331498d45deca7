"""The instructor dashboard's per-learner tools on our blocks: delete state, override score, rescore.

The platform side is emulated here, written from reading (no platform code copied):
- lms/djangoapps/instructor/enrollment.py `reset_student_attempts(delete_module=True)`: calls
  `clear_student_state(user_id=<anonymous id>, course_id, item_id, requesting_user_id)` on the
  modulestore block if it has one, then deletes the StudentModule row and sends the zero score
  (`_fire_score_changed_for_block`) ONLY when there was no `clear_student_state`.
- xmodule/modulestore/django.py: the modulestore's user service is the process's current request user,
  without an anonymous id; the block has no learner (scope user None).
- lms/djangoapps/instructor_task/api_helper.py `check_arguments_for_overriding` and
  tasks_helper/module_state.py `override_score_module_state` / `rescore_problem_module_state`:
  points checked against `max_score()`, `set_score(Score(points / weight, max_score / weight))`,
  `publish_grade()`, `save()`; rescore: `has_submitted_answer()`, `rescore(only_if_higher)`, `save()`.
- lms/djangoapps/courseware/block_render.py (grade / completion events) and
  lms/djangoapps/grades/signals/handlers.py `score_published_handler`: the CSM score (only_if_higher
  keeps a higher one), `block.set_score(...)`, PROBLEM_RAW_SCORE_CHANGED.
- lms/djangoapps/grades/scores.py `weighted_score` / `get_score`: what the progress page and the
  gradebook show (CSM score scaled to `weight`; no CSM row: 0 of the collected max_score).
- common/djangoapps/student/models `anonymous_id_for_user` / `user_by_anonymous_id`, and
  common/djangoapps/xblock_django/user_service.py (the learner's `edx-platform.anonymous_user_id`).
- openedx/completion completion/handlers.py (skips `has_custom_completion` blocks) and
  completion/models.py `BlockCompletion.objects.submit_completion(user, block_key, completion)`.
The stand-in modules carry the platform's module names, so the kit's adapter (noturiba.lms)
imports them as it would import the LMS.
"""

import hashlib
import json
import logging
import sys
import types
from datetime import UTC, datetime

import pytest
from django.dispatch import Signal
from webob import Request
from workbench.models import XBlockState
from workbench.runtime import WorkbenchRuntime
from xblock.reference.user_service import UserService, XBlockUser
from xblock.scorable import Score

from mediacheck import content as mediacheck_content
from noturiba.base import learner_key_for
from noturiba.survey.models import SurveyAnswer
from tests.blocks.conftest import package_scenarios

COURSE = "course-v1:LNB+Noturiba+2026"


def scenario(block_type, name, **attributes):
    xml = dict(package_scenarios(block_type))[name]
    extra = "".join(f' {key}="{value}"' for key, value in attributes.items())
    if "mode" in attributes:
        xml = xml.replace(' mode="practice"', "", 1)
    return xml.replace(f"<{block_type} ", f"<{block_type}{extra} ", 1)


BLOCKS = {
    ("mediacheck", "practice"): lambda **a: scenario("mediacheck", "01-minimal.xml", **a),
    ("mediacheck", "assessment"): lambda **a: scenario("mediacheck", "02-assessment.xml", **a),
    ("mediacheck", "survey"): lambda **a: scenario("mediacheck", "03-survey.xml", **a),
    ("crisisdrill", "practice"): lambda **a: scenario("crisisdrill", "01-minimal.xml", **a),
    ("crisisdrill", "assessment"): lambda **a: scenario("crisisdrill", "01-minimal.xml", mode="assessment",
                                                        max_attempts="3", **a),
    ("civicquiz", "practice"): lambda **a: scenario("civicquiz", "01-minimal.xml", **a),
    ("civicquiz", "assessment"): lambda **a: scenario("civicquiz", "01-minimal.xml", mode="assessment",
                                                      max_attempts="2", **a),
    ("civicquiz", "survey"): lambda **a: scenario("civicquiz", "03-trust-survey.xml", **a),
}
SCORED = [kind for kind in BLOCKS if kind[1] != "survey"]
CIVIC_RIGHT = {"saeima-size": "b", "term": True, "emergency": 112}
CIVIC_SURVEY = {"trust": 4, "visits": "weekly", "crisis-info": ["radio", "library"], "wish": "Kursi"}


class LmsUser(UserService):
    """The user service as block_render binds it (or, without anonymous id, as the modulestore has it)."""

    def __init__(self, user, anonymous_id):
        xblock_user = XBlockUser(is_current_user=True, emails=[f"{user.username}@example.lv"])
        xblock_user.opt_attrs.update({"edx-platform.user_id": user.id, "edx-platform.username": user.username,
                                      "edx-platform.anonymous_user_id": anonymous_id,
                                      "edx-platform.is_authenticated": True})
        super().__init__(user=xblock_user)

    def get_current_user(self):
        return self._user


class Lms:
    """Users, StudentModule scores, completions and the grade signals of one emulated LMS."""

    def __init__(self):
        self.users, self.csm, self.completions, self.raw_scores, self.unbound = {}, {}, {}, [], []
        self.grade_events = []
        self.PROBLEM_RAW_SCORE_CHANGED = Signal()
        self.PROBLEM_RAW_SCORE_CHANGED.connect(lambda sender, **kw: self.raw_scores.append(kw), weak=False)

    def user(self, user_id, username):
        self.users[user_id] = types.SimpleNamespace(id=user_id, username=username, is_anonymous=False)
        return self.users[user_id]

    def anonymous_id_for_user(self, user, course_id):
        return hashlib.sha256(f"lms-secret|{user.id}|{course_id}".encode()).hexdigest()[:32]

    def user_by_anonymous_id(self, uid):
        return next((u for u in self.users.values() if self.anonymous_id_for_user(u, COURSE) == uid), None)

    def learner_block(self, usage_id, user):
        """The block bound to `user`, as a courseware request or an instructor task loads it."""
        runtime = WorkbenchRuntime(str(user.id))
        runtime._services["user"] = LmsUser(user, self.anonymous_id_for_user(user, COURSE))
        runtime.publish = lambda block, name, data: self.publish(user, block, name, data)
        return runtime.get_block(usage_id)

    def modulestore_block(self, usage_id, current_user):
        runtime = WorkbenchRuntime(None)
        runtime._services["user"] = LmsUser(current_user, None)
        runtime.publish = lambda block, name, data: self.unbound.append((name, data))
        return runtime.get_block(usage_id)

    def publish(self, user, block, name, data):
        key = (user.id, str(block.scope_ids.usage_id))
        if name == "completion":
            self.completions[key] = data["completion"]
        if name != "grade":
            return
        self.grade_events.append((user.id, dict(data)))
        earned, possible = data["value"], data["max_value"]
        previous = self.csm.get(key)
        if data.get("only_if_higher") and previous and previous[0] * possible > earned * previous[1]:
            return
        self.csm[key] = (earned, possible)
        block.set_score(Score(raw_earned=earned, raw_possible=possible))
        self.PROBLEM_RAW_SCORE_CHANGED.send(
            sender=None, raw_earned=earned, raw_possible=possible, weight=getattr(block, "weight", None),
            user_id=user.id, course_id=COURSE, usage_id=key[1], only_if_higher=data.get("only_if_higher"),
            score_deleted=bool(data.get("score_deleted")), modified=datetime.now(UTC), score_db_table="csm")

    def submit_completion(self, user, block_key, completion):
        self.completions[(user.id, str(block_key))] = completion
        return None, False

    # What the platform does with them.

    def reset_student_attempts(self, usage_id, student, requesting_user):
        """enrollment.py with delete_module=True (no teams, no children)."""
        block = self.modulestore_block(usage_id, requesting_user)
        cleared = False
        clear = getattr(block, "clear_student_state", None)
        if callable(clear):
            clear(user_id=self.anonymous_id_for_user(student, COURSE), course_id=COURSE, item_id=str(usage_id),
                  requesting_user_id=self.anonymous_id_for_user(requesting_user, COURSE))
            cleared = True
        XBlockState.objects.filter(scope="usage", scope_id=str(usage_id), user_id=str(student.id)).delete()
        self.csm.pop((student.id, str(usage_id)), None)
        if not cleared and block.has_score and block.max_score() is not None:
            self.PROBLEM_RAW_SCORE_CHANGED.send(
                sender=None, raw_earned=0, raw_possible=block.max_score(), weight=getattr(block, "weight", None),
                user_id=student.id, course_id=COURSE, usage_id=str(usage_id), score_deleted=True,
                only_if_higher=False, modified=datetime.now(UTC), score_db_table="csm")

    def override_score(self, usage_id, student, points, staff):
        descriptor = self.modulestore_block(usage_id, staff)
        if not hasattr(type(descriptor), "set_score"):
            raise NotImplementedError("This component does not support score override.")
        if points < 0 or points > descriptor.max_score():
            raise ValueError("Scores must be between 0 and the value of the problem.")
        instance = self.learner_block(usage_id, student)
        if not 0 <= points <= instance.max_score():
            raise ValueError("Score must be between 0 and the maximum points available for the problem.")
        weight = instance.weight if instance.weight is not None else 1
        if weight == 0:
            raise ValueError("Scores cannot be overridden for a problem that has a weight of zero.")
        instance.set_score(Score(raw_earned=points / weight, raw_possible=instance.max_score() / weight))
        instance.publish_grade()
        instance.save()

    def rescore(self, usage_id, student, only_if_higher):
        instance = self.learner_block(usage_id, student)
        if not instance.has_submitted_answer():
            return "skipped"
        instance.rescore(only_if_higher=only_if_higher)
        instance.save()
        return "succeeded"

    def progress(self, usage_id, student, staff):
        """The problem's (earned, possible) on the progress page; the gradebook adds these up."""
        block = self.modulestore_block(usage_id, staff)
        earned, possible = self.csm.get((student.id, str(usage_id)), (0.0, block.max_score()))
        if block.weight is None or possible == 0:
            return earned, possible
        return float(earned) * block.weight / possible, float(block.weight)


@pytest.fixture
def lms(db, monkeypatch):
    """The emulated LMS, and its modules where the kit's adapter imports them."""
    platform = Lms()
    student_models = {"user_by_anonymous_id": platform.user_by_anonymous_id,
                      "anonymous_id_for_user": platform.anonymous_id_for_user}
    grades_api = {"signals": types.SimpleNamespace(PROBLEM_RAW_SCORE_CHANGED=platform.PROBLEM_RAW_SCORE_CHANGED),
                  "constants": types.SimpleNamespace(
                      ScoreDatabaseTableEnum=types.SimpleNamespace(courseware_student_module="csm"))}
    switch = types.SimpleNamespace(is_enabled=lambda: True)
    modules = {
        "common.djangoapps.student.models": student_models, "lms.djangoapps.grades.api": grades_api,
        "completion.models": {"BlockCompletion": types.SimpleNamespace(objects=platform)},
        "completion.waffle": {"ENABLE_COMPLETION_TRACKING_SWITCH": switch},
    }
    for dotted, attributes in modules.items():
        parts = dotted.split(".")
        for depth in range(1, len(parts) + 1):
            name = ".".join(parts[:depth])
            if name not in sys.modules or depth == len(parts):
                module = types.ModuleType(name)
                monkeypatch.setitem(sys.modules, name, module)
                if depth > 1:
                    monkeypatch.setattr(sys.modules[".".join(parts[:depth - 1])], parts[depth - 1], module,
                                        raising=False)
        sys.modules[dotted].__dict__.update(attributes)
    platform.learner, platform.other, platform.staff = (platform.user(7, "learner"), platform.user(8, "other"),
                                                       platform.user(2, "staff"))
    return platform


def call(block, handler, payload):
    """A learner's POST to a JSON handler, as the courseware's handler URL delivers it."""
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode(), content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    assert response.status_code == 200, (handler, payload, response.body)
    return json.loads(response.body)


def mediacheck_answer(model, item):
    flags = [segment for segment, flag in mediacheck_content.segment_flags(item.body).items() if flag]
    answer = {"verdict": item.verdict or model.scale[0].id, "flags": flags,
              "leads": [lead.id for lead in item.leads if lead.useful]}
    return {**answer, "confidence": 100} if model.confidence else answer


def play(block, worse=False):
    """One learner's play through the handlers, to a grade (scored modes), completion and survey rows."""
    kind, mode = block.scope_ids.block_type, block.model.mode
    if kind == "crisisdrill":
        return call(block, "choose", {"node": "siren", "choice": "ignore" if worse else "radio"})
    if kind == "mediacheck":
        answers = {item.id: mediacheck_answer(block.model, item) for item in block.model.items}
        if mode == "practice":
            return [call(block, "check_item", {"item": item_id, **answer}) for item_id, answer in answers.items()]
        return call(block, "submit", {"answers": answers})
    if mode == "practice":
        return [call(block, "check", {"question": q, "answer": a}) for q, a in civic_right(block).items()]
    return call(block, "submit", {"answers": CIVIC_SURVEY if mode == "survey" else civic_right(block)})


def civic_right(block):
    """CIVIC_RIGHT as the learner's page sends it: options by the ids that page shows (o1, o2, ...)."""
    layout = block.layout()
    return {q: layout.to_learner(block.model.question(q), a) for q, a in CIVIC_RIGHT.items()}


def rows_of(lms, usage_id, user):
    key = learner_key_for(lms.anonymous_id_for_user(user, COURSE), usage_id)
    return SurveyAnswer.objects.filter(block=str(usage_id), learner=key).count()


def load(lms, kind, **attributes):
    """The block's usage id, after importing its OLX (the course author's part)."""
    return WorkbenchRuntime(str(lms.staff.id)).parse_xml_string(BLOCKS[kind](**attributes))


@pytest.mark.parametrize("kind", list(BLOCKS), ids="-".join)
def test_delete_learner_state_removes_grade_completion_and_survey_rows_of_that_learner(lms, kind):
    usage_id = load(lms, kind, weight="10")
    for user in (lms.learner, lms.other, lms.staff):
        play(lms.learner_block(usage_id, user))
    records_rows = kind in {("mediacheck", "survey"), ("civicquiz", "survey"), ("civicquiz", "assessment")}
    assert (rows_of(lms, usage_id, lms.learner) > 0) == records_rows
    scored = kind[1] != "survey"
    assert ((lms.learner.id, str(usage_id)) in lms.csm) == scored
    assert lms.completions[(lms.learner.id, str(usage_id))] == 1.0
    before = len(lms.raw_scores)

    lms.reset_student_attempts(usage_id, lms.learner, requesting_user=lms.staff)

    assert rows_of(lms, usage_id, lms.learner) == 0
    assert (rows_of(lms, usage_id, lms.other) > 0) == records_rows, "other learners' rows stay"
    assert (rows_of(lms, usage_id, lms.staff) > 0) == records_rows, "the runtime's current user is not the learner"
    zeros = [s for s in lms.raw_scores[before:] if s["user_id"] == lms.learner.id]
    if scored:
        assert len(zeros) == 1 and zeros[0]["raw_earned"] == 0 and zeros[0]["score_deleted"] is True
        assert zeros[0]["only_if_higher"] is False and zeros[0]["usage_id"] == str(usage_id)
        assert zeros[0]["raw_possible"] == 10.0 and zeros[0]["weight"] == 10.0
        assert lms.progress(usage_id, lms.learner, lms.staff) == (0.0, 10.0)
    else:
        assert zeros == [], "a survey has no grade to reset"
    assert all(s["user_id"] == lms.learner.id for s in lms.raw_scores[before:])
    assert lms.completions[(lms.learner.id, str(usage_id))] == 0.0
    assert lms.completions[(lms.other.id, str(usage_id))] == 1.0
    assert lms.unbound == [], "nothing is published through the unbound block's runtime"
    fresh = lms.learner_block(usage_id, lms.learner)
    assert not fresh.has_submitted_answer() and fresh.attempts == 0


def test_without_the_platform_delete_state_removes_the_rows_and_says_what_it_left(db, caplog):
    from noturiba.base import NoturibaBlock  # noqa: F401 - the kit imports without any platform module
    assert "lms" not in sys.modules and "completion" not in sys.modules
    runtime = WorkbenchRuntime("learner-1")
    usage_id = runtime.parse_xml_string(BLOCKS[("civicquiz", "survey")]())
    play(runtime.get_block(usage_id))
    assert SurveyAnswer.objects.filter(block=str(usage_id)).exists()
    unbound = WorkbenchRuntime(None).get_block(usage_id)
    with caplog.at_level(logging.INFO, logger="noturiba"):
        unbound.clear_student_state(user_id="learner-1", course_id=COURSE, item_id=str(usage_id),
                                    requesting_user_id="staff")
    assert not SurveyAnswer.objects.filter(block=str(usage_id)).exists()
    assert "platform is not available" in caplog.text


@pytest.mark.parametrize("kind", SCORED, ids="-".join)
def test_override_takes_points_and_progress_page_and_gradebook_agree(lms, kind):
    usage_id = load(lms, kind, weight="10")
    play(lms.learner_block(usage_id, lms.learner))
    descriptor = lms.modulestore_block(usage_id, lms.staff)
    assert descriptor.max_score() == 10.0, "max_score() is the points the trainer set (weight)"

    lms.override_score(usage_id, lms.learner, 7, staff=lms.staff)

    assert lms.grade_events[-1] == (lms.learner.id, {"value": 7.0, "max_value": 10.0, "only_if_higher": None})
    assert lms.progress(usage_id, lms.learner, lms.staff) == (7.0, 10.0)
    stored = lms.learner_block(usage_id, lms.learner)
    assert stored.get_score() == Score(raw_earned=7.0, raw_possible=10.0)
    assert stored.raw_earned == pytest.approx(0.7), "learner state keeps the fraction"
    with pytest.raises(ValueError, match="between 0 and the value"):
        lms.override_score(usage_id, lms.learner, 11, staff=lms.staff)
    descriptor.weight = 20  # the trainer doubles the points: old scores follow
    descriptor.save()
    assert lms.progress(usage_id, lms.learner, lms.staff) == (14.0, 20.0)
    assert lms.learner_block(usage_id, lms.learner).get_score() == Score(raw_earned=14.0, raw_possible=20.0)


@pytest.mark.parametrize("kind", SCORED, ids="-".join)
def test_rescore_gives_what_play_kept(lms, kind):
    usage_id = load(lms, kind, weight="10")
    play(lms.learner_block(usage_id, lms.learner))
    kept = lms.progress(usage_id, lms.learner, lms.staff)
    if kind == ("civicquiz", "assessment"):
        call(lms.learner_block(usage_id, lms.learner), "new_attempt", {})
    if kind == ("mediacheck", "assessment"):
        call(lms.learner_block(usage_id, lms.learner), "new_attempt", {})
    assert lms.rescore(usage_id, lms.learner, only_if_higher=False) == "succeeded"
    assert lms.progress(usage_id, lms.learner, lms.staff) == pytest.approx(kept)
    assert lms.grade_events[-1][1]["max_value"] == 10.0


def test_crisisdrill_rescore_keeps_the_best_attempt_that_play_keeps(lms):
    usage_id = load(lms, ("crisisdrill", "assessment"), weight="10")
    block = lms.learner_block(usage_id, lms.learner)
    play(block)
    call(lms.learner_block(usage_id, lms.learner), "restart", {})
    play(lms.learner_block(usage_id, lms.learner), worse=True)
    assert lms.progress(usage_id, lms.learner, lms.staff) == (10.0, 10.0), "play keeps the best attempt"

    lms.rescore(usage_id, lms.learner, only_if_higher=False)

    assert lms.progress(usage_id, lms.learner, lms.staff) == (10.0, 10.0)
    assert lms.grade_events[-1][1]["only_if_higher"] is False


@pytest.mark.parametrize("weight, points", [(None, 1.0), (0, 1.0), (2.5, 2.5)])
def test_max_score_needs_no_user_and_no_content(db, weight, points):
    from xblock.fields import ScopeIds

    from civicquiz import CivicQuizBlock
    from crisisdrill import CrisisDrillBlock
    from mediacheck import MediaCheckBlock
    runtime = WorkbenchRuntime(None)
    classes = ((MediaCheckBlock, "mediacheck"), (CrisisDrillBlock, "crisisdrill"), (CivicQuizBlock, "civicquiz"))
    for cls, name in classes:
        def_id = runtime.id_generator.create_definition(name)
        block = runtime.construct_xblock_from_class(cls, ScopeIds(None, name, def_id,
                                                                  runtime.id_generator.create_usage(def_id)))
        block.weight = weight
        assert [block.max_score(), block.max_score()] == [points, points], name
