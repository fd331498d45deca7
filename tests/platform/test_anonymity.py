"""Survey anonymity in the instructor's Problem Responses report and in Studio's preview, on the wheel.

Emulated from reading (no platform code copied):
- lms/djangoapps/instructor_task/tasks_helper/grades.py `ProblemResponses._build_student_data`: for
  each block with `generate_report_data`, the rows it yields for
  `DjangoXBlockUserStateClient().iter_all_for_block(block_key)` (objects with `.username` and
  `.state`), grouped by username; then one CSV row per `list_problem_responses` entry
  (lms/djangoapps/instructor_analytics/basic.py: every StudentModule row of the block as
  {"username", "state": the raw JSON state}), merged with that user's generated rows, if any.
- cms/djangoapps/contentstore/views/preview.py `_prepare_runtime_for_preview`: the preview runtime
  has `is_author_mode = True`, learner state in the author's session and, unless
  individualize_anonymous_user_id is on, the anonymous id "student" for every author.
"""

import json
import types

from workbench.models import XBlockState

from noturiba.survey.models import SurveyAnswer

from . import test_instructor_tools as tools
from .test_instructor_tools import CIVIC_SURVEY, LmsUser, call, load, mediacheck_answer

lms = tools.lms  # the emulated LMS fixture of the instructor tools' tests

SECRET = "Kursi mājās un radio baterijas 0815"


def problem_responses(lms, usage_id):
    """The report's rows for one block: [{"username", "state", <the block's columns>...}]."""
    block = lms.modulestore_block(usage_id, lms.staff)
    modules = XBlockState.objects.filter(scope="usage", scope_id=str(usage_id)).exclude(user_id=None)
    users = {str(user.id): user.username for user in lms.users.values()}
    states = [types.SimpleNamespace(username=users[row.user_id], state=json.loads(row.state)) for row in modules]
    generated = {}
    for username, row in block.generate_report_data(iter(states), None):
        generated.setdefault(username, []).append(row)
    rows = []
    for row in modules:
        response = {"username": users[row.user_id], "state": row.state}
        rows += [{**response, **extra} for extra in generated.get(response["username"], [])] or [response]
    return rows


def test_problem_responses_has_no_survey_answer_next_to_a_username(lms):
    civic = load(lms, ("civicquiz", "survey"))
    media = load(lms, ("mediacheck", "survey"))
    for user in (lms.learner, lms.other):
        call(lms.learner_block(civic, user), "submit", {"answers": {**CIVIC_SURVEY, "wish": SECRET}})
        block = lms.learner_block(media, user)
        answers = {item.id: {**mediacheck_answer(block.model, item), "verdict": "false"} for item in block.model.items}
        call(block, "submit", {"answers": answers})
    assert SurveyAnswer.objects.filter(block=str(civic)).values("learner").distinct().count() == 2
    civic_rows, media_rows = problem_responses(lms, civic), problem_responses(lms, media)
    assert {row["username"] for row in civic_rows + media_rows} == {"learner", "other"}
    for row in civic_rows:
        text = json.dumps(row)
        for value in ('"weekly"', "radio", "library", SECRET, '"trust"'):
            assert value not in text, (value, row)
    for row in media_rows:
        assert '"false"' not in json.dumps(row), row
    # The learner's own answers come back from the anonymous table, in the LMS runtime too.
    assert SECRET in lms.learner_block(civic, lms.learner).render("student_view", {}).content


def test_studio_preview_answers_are_not_counted(lms):
    usage_id = load(lms, ("civicquiz", "survey"))
    block = lms.learner_block(usage_id, lms.staff)
    block.runtime._services["user"] = LmsUser(lms.staff, "student")
    block.runtime.is_author_mode = True
    body = call(block, "submit", {"answers": CIVIC_SURVEY})
    assert body["preview"] and body["aggregates"]["shown"] is False
    assert not SurveyAnswer.objects.filter(block=str(usage_id)).exists()
