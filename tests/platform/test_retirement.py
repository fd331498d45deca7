"""User retirement on the wheel: the platform's plugin loader connects our receiver, and the
retirement signal removes a retired learner's survey rows, and only theirs.

Emulated from reading (no platform code copied):
- edx_django_utils/plugins/plugin_signals.py `connect_receivers(project_type)`: for every app config
  with `plugin_app["signals_config"][project_type]`, import `<app name>.<relative_path>` ("signals"
  when absent), and for each receiver connect `signal_path` to `receiver_func_name` with its
  `dispatch_uid` (and `sender_path`, if any). The LMS calls it with "lms.djangoapp".
- openedx/core/djangoapps/user_api/accounts/views.py (retire_misc) sends
  signals.USER_RETIRE_LMS_MISC(sender=..., user=the retired user); the platform deletes neither our
  rows nor the learner's AnonymousUserId rows (common/djangoapps/student/models.py: user,
  anonymous_user_id, course_id).
"""

import importlib
import sys
import types

from django.apps import apps
from django.dispatch import Signal

from noturiba.survey.models import SurveyAnswer

from . import test_instructor_tools as tools
from .test_instructor_tools import CIVIC_SURVEY, call, load

lms = tools.lms
RETIRE_SIGNAL = "openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_MISC"


def connect_plugin_receivers(project_type):
    for app_config in apps.get_app_configs():
        config = (getattr(app_config, "plugin_app", {}) or {}).get("signals_config", {}).get(project_type)
        if config is None:
            continue
        module = importlib.import_module(f"{app_config.name}.{config.get('relative_path', 'signals')}")
        for receiver in config.get("receivers", []):
            path, _, name = receiver["signal_path"].rpartition(".")
            signal = getattr(importlib.import_module(path), name)
            signal.connect(getattr(module, receiver["receiver_func_name"]), dispatch_uid=receiver.get("dispatch_uid"))


class AnonymousIds:
    """AnonymousUserId.objects as the receiver queries it: filter(user=...).values_list(course_id, id)."""

    def __init__(self, rows):
        self.rows = rows

    def filter(self, user):
        mine = [row for row in self.rows if row[0] is user]
        return types.SimpleNamespace(values_list=lambda *fields: [(course, anon) for _user, course, anon in mine])


def test_the_retirement_signal_deletes_the_retired_learners_survey_rows_only(lms, monkeypatch):
    usage_id = load(lms, ("civicquiz", "survey"))
    learner, other = (lms.learner_block(usage_id, user) for user in (lms.learner, lms.other))
    for block in (learner, other):
        call(block, "submit", {"answers": CIVIC_SURVEY})
    # What the LMS keeps per learner and course; the course as the block sees it (a workbench usage id
    # has no course key, the LMS's has: either way it is the block's own respondent() course).
    rows = [(user, block.respondent()[0], block.anonymous_id())
            for user, block in ((lms.learner, learner), (lms.other, other))]
    signals = types.ModuleType("signals")
    signals.USER_RETIRE_LMS_MISC = Signal()
    monkeypatch.setitem(sys.modules, RETIRE_SIGNAL.rpartition(".")[0], signals)
    monkeypatch.setattr(sys.modules["common.djangoapps.student.models"], "AnonymousUserId",
                        types.SimpleNamespace(objects=AnonymousIds(rows)), raising=False)
    connect_plugin_receivers("lms.djangoapp")
    assert signals.USER_RETIRE_LMS_MISC.receivers, "the loader connected no receiver"
    before = SurveyAnswer.objects.filter(block=str(usage_id)).count()
    learner_key = learner.learner_key()
    assert SurveyAnswer.objects.filter(learner=learner_key).exists()
    signals.USER_RETIRE_LMS_MISC.send(sender=None, user=lms.learner)
    assert not SurveyAnswer.objects.filter(learner=learner_key).exists()
    assert SurveyAnswer.objects.filter(learner=other.learner_key()).count() > 0
    assert SurveyAnswer.objects.filter(block=str(usage_id)).count() < before
