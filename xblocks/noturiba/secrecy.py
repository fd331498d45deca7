"""Who a learner payload is for (pure apart from the runtime's user service).

The platform's Blocks API (mobile) computes student_view_data once per course
publish, in the block structure's collect phase, from blocks bound to no user
(lms/djangoapps/course_api/blocks/transformers/student_view.py), and serves
the result to every learner. A block must then send only what is the same for
every learner: no draw, no shuffle, no per-learner ids.
"""


def bound_learner(block):
    """Whether `block` is bound to a real learner (a user id or an anonymous id), not to nobody."""
    service = block.runtime.service(block, "user")
    user = service.get_current_user() if service else None
    attrs = getattr(user, "opt_attrs", {}) or {}
    return bool(attrs.get("edx-platform.anonymous_user_id") or attrs.get("xblock-workbench.user_id")
                or block.scope_ids.user_id)
