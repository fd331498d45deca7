"""The survey settings both blocks share: min_group and whether an answer counts at all.

min_group: the OLX `min_group` of the block if it sets one, else XBLOCK_SETTINGS[<block>]["min_group"]
(through the settings service; a whole number, at least 1), else DEFAULT_MIN_GROUP.

Studio preview: cms/djangoapps/contentstore/views/preview.py `_prepare_runtime_for_preview` sets
`runtime.is_author_mode = True` on the preview runtime (learner state there lives in the author's
session, and every author shares the anonymous id "student" unless individualize_anonymous_user_id
is on). The LMS runtime has no such attribute, so a block finds no `is_author_mode` in the LMS.
"""

DEFAULT_MIN_GROUP = 5


def platform_min_group(block):
    service = block.runtime.service(block, "settings")
    bucket = service.get_settings_bucket(block) if service else {}
    value = bucket.get("min_group") if isinstance(bucket, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_MIN_GROUP


def min_group(block, olx_value=None):
    return olx_value if olx_value is not None else platform_min_group(block)


def in_studio_preview(block):
    """Whether the block runs in Studio's preview: its survey answers are not counted there."""
    return bool(getattr(block.runtime, "is_author_mode", False))
