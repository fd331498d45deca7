"""The only module of the kit that imports Open edX platform code (lazily, each import guarded).

What it wraps (read in openedx-platform and openedx/completion):
- `common.djangoapps.student.models.user_by_anonymous_id`: the Django user of a per-course anonymous id
  (what `reset_student_attempts` passes to `clear_student_state` as `user_id`).
- `lms.djangoapps.grades.api.signals.PROBLEM_RAW_SCORE_CHANGED`: the zero score with `score_deleted`
  that `lms/djangoapps/instructor/enrollment.py` sends itself (`_fire_score_changed_for_block`) only
  for blocks WITHOUT `clear_student_state`; the grades app turns it into a subsection recalculation.
- `completion.models.BlockCompletion.objects.submit_completion`: edx-completion's score handler skips
  blocks with `has_custom_completion` (ours), so a reset must set the completion itself.

Outside the LMS (the workbench, tests, Studio without the apps) every function logs what it could
not do and returns False; nothing here ever raises because the platform is missing.
"""

import logging
from datetime import UTC, datetime

log = logging.getLogger(__name__)


def _missing(what, error):
    log.warning("noturiba: %s skipped, the Open edX platform is not available here (%s)", what, error)
    return False


def user_by_anonymous_id(anonymous_id):
    """The Django user of an anonymous id, or None (unknown id, or no platform)."""
    try:
        from common.djangoapps.student.models import user_by_anonymous_id as lookup
    except ImportError as error:
        _missing("looking up the learner of an anonymous id", error)
        return None
    return lookup(anonymous_id)


def publish_deleted_score(block, user, course_id, usage_id):
    """Send the zero score of a deleted learner state, as the LMS does for blocks without clear_student_state.

    Only for blocks that are scored now (`has_score`); possible points are `block.max_score()`.
    """
    if not getattr(block, "has_score", False):
        return False
    try:
        from lms.djangoapps.grades.api import constants as grades_constants
        from lms.djangoapps.grades.api import signals as grades_signals
    except ImportError as error:
        return _missing(f"the zero grade of {usage_id}", error)
    grades_signals.PROBLEM_RAW_SCORE_CHANGED.send(
        sender=None, raw_earned=0, raw_possible=block.max_score(), weight=getattr(block, "weight", None),
        user_id=user.id, course_id=str(course_id), usage_id=str(usage_id), score_deleted=True,
        only_if_higher=False, modified=datetime.now(UTC),
        score_db_table=grades_constants.ScoreDatabaseTableEnum.courseware_student_module,
    )
    return True


def _completion_key(usage_key, course_id):
    # Old Mongo usage keys lack the run; BlockCompletion refuses them (completion/models.py).
    context = getattr(usage_key, "context_key", None)
    if context is not None and getattr(context, "is_course", False) and getattr(context, "run", "") is None:
        from opaque_keys.edx.keys import CourseKey
        return usage_key.replace(course_key=CourseKey.from_string(str(course_id)))
    return usage_key


def set_completion(user, usage_key, course_id, completion):
    """Store the learner's completion of a block (0.0 .. 1.0) when completion tracking is on."""
    try:
        from completion import waffle as completion_waffle
        from completion.models import BlockCompletion
    except ImportError as error:
        return _missing(f"setting the completion of {usage_key}", error)
    if not completion_waffle.ENABLE_COMPLETION_TRACKING_SWITCH.is_enabled():
        log.info("noturiba: completion tracking is off; the completion of %s is left as it is", usage_key)
        return False
    BlockCompletion.objects.submit_completion(user=user, block_key=_completion_key(usage_key, course_id),
                                              completion=completion)
    return True
