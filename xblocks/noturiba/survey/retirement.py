"""A retired learner's survey rows and attempt claims are deleted (GDPR erasure).

The LMS's retirement pipeline calls POST /api/user/v1/accounts/retire_misc/
(openedx/core/djangoapps/user_api/accounts/views.py, LMSAccountRetirementView), which sends
USER_RETIRE_LMS_MISC(user=...) (openedx/core/djangoapps/user_api/accounts/signals.py) for apps to
remove what they keep; the platform deletes neither our rows nor the learner's AnonymousUserId
rows. Our rows hold no user id: they are found again from the learner's per-course anonymous ids
(common/djangoapps/student/models.py AnonymousUserId: user, anonymous_user_id, course_id), the
way "delete learner state" finds them (scoring.clear_student_state).
The receiver is connected by the platform's plugin loader (apps.py, signals_config); the
deletion itself is store.forget_learner.
"""

import logging

from .store import forget_learner

log = logging.getLogger(__name__)


def on_user_retire(sender, user=None, **kwargs):
    """The USER_RETIRE_LMS_MISC receiver (LMS only)."""
    from common.djangoapps.student.models import AnonymousUserId
    ids = list(AnonymousUserId.objects.filter(user=user).values_list("course_id", "anonymous_user_id"))
    deleted = forget_learner(ids)
    log.info("noturiba: retirement deleted %d survey rows and attempt claims", deleted)
