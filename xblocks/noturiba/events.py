"""Tracking events named `noturiba.<block>.<object>.<past-tense verb>`, free of personal data.

The LMS adds the course, block and user context itself; the data we send holds
only ids, counts and scores.
"""

import re

_PART = re.compile(r"^[a-z][a-z_]*$")
PERSONAL_KEYS = frozenset({
    "user_id", "username", "email", "name", "full_name", "anonymous_user_id", "ip", "text", "answer_text",
})


def event_name(block_type, obj, action):
    if not (_PART.match(obj) and _PART.match(action) and action.endswith("ed")):
        raise ValueError(f"event parts must be lower_case words, the verb in past tense: {obj}.{action}")
    return f"noturiba.{block_type}.{obj}.{action}"


def emit(block, obj, action, **data):
    leaked = PERSONAL_KEYS.intersection(data)
    if leaked:
        raise ValueError(f"personal data in a tracking event: {sorted(leaked)}")
    block.runtime.publish(block, event_name(block.scope_ids.block_type, obj, action), data)
