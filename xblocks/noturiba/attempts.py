"""One graded answer per attempt, even under parallel requests.

Why a table: the LMS runs XBlock handlers without a request transaction
(lms/djangoapps/courseware/block_render.py: handle_xblock_callback is
`@transaction.non_atomic_requests`) and saves user_state only after the handler
returned (xblock/runtime.py Runtime.handle calls block.save()), as a plain
read-overlay-write of the StudentModule row without a lock
(lms/djangoapps/courseware/user_state_client.py set_many). Two parallel submits
therefore both read the same `attempts` and both grade. A unique row
(block, learner, number) decides: the request that inserts it grades, the others
get HTTP 400 and change nothing.

The number is the learner's `graded_serial` (ScoringMixin) plus one: a counter of
graded answers that the instructor's "reset attempts" tool does not rewrite (it
rewrites `attempts` only), so a reset never meets an old claim; "delete learner
state" removes the learner's claims with the rest (scoring.clear_student_state).
A claim whose request never saved its state (a crash after the insert) would
block the learner for good, so a claim older than STALE_AFTER seconds is taken
over, by exactly one request (a conditional UPDATE).
"""

from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .handlers import HandlerError
from .messages import Message

STALE_AFTER = 600
ALREADY_GRADED = Message("This answer was already sent from another window or tab. Reload the page to see "
                         "its result.")


def _claim(block_key, learner, number):
    from .survey.models import AttemptClaim
    try:
        with transaction.atomic():
            AttemptClaim.objects.create(block=block_key, learner=learner, attempt=number)
        return True
    except IntegrityError:
        pass
    stale = timezone.now() - timedelta(seconds=STALE_AFTER)
    taken = AttemptClaim.objects.filter(block=block_key, learner=learner, attempt=number,
                                        claimed__lt=stale).update(claimed=timezone.now())
    return taken == 1


@contextmanager
def graded_attempt(block):
    """Claim the learner's next graded answer on `block`, then run the grading inside one transaction.

    Raises HandlerError (400, nothing changed) when a parallel request holds the claim.
    On success the block's `graded_serial` moves on (saved with the rest of its state).
    """
    from .survey import store
    number = (block.graded_serial or 0) + 1
    with transaction.atomic():
        if not _claim(store.block_key(block.scope_ids.usage_id), block.learner_key(), number):
            raise HandlerError(ALREADY_GRADED)
        yield number
        block.graded_serial = number


def pin(block):
    """Read the claim number before any other learner state of a graded handler.

    XBlock caches a field at its first read. The LMS loads a block's state once per request,
    but the workbench reads each field from the database when first used, so a field read
    later may be newer than one read earlier: pinned first, the number is never newer than
    the state the handler checks (a newer number would let a stale request claim again).
    """
    return block.graded_serial


def forget(block_key, learner):
    """Remove a learner's claims on one block (the "delete learner state" hook)."""
    from .survey.models import AttemptClaim
    AttemptClaim.objects.filter(block=block_key, learner=learner).delete()
