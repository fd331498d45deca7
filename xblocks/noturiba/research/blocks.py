"""Finding a course's survey blocks and their waves, in the LMS (modulestore) or the workbench.

The wave of a block: what the operator names (`--pre`/`--post`), else, in the LMS, the course
order: of each block type's surveys the first is the pre and the last the post survey.
"""

from .specs import spec_of

SURVEY_TYPES = ("civicquiz", "mediacheck")


def _modulestore():
    try:
        from xmodule.modulestore.django import modulestore
    except ImportError:
        return None
    return modulestore()


def load_block(block_key):
    """The block of a stored block key: from the LMS's modulestore, else the workbench's runtime."""
    store = _modulestore()
    if store is not None:
        from opaque_keys.edx.keys import UsageKey
        return store.get_item(UsageKey.from_string(block_key))
    from workbench.runtime import WorkbenchRuntime
    return WorkbenchRuntime().get_block(block_key)


def _is_survey(block):
    return block.scope_ids.block_type in SURVEY_TYPES and getattr(block.model, "mode", None) == "survey"


def course_order(course_id):
    """The survey blocks of a course in course order (LMS only; None in the workbench)."""
    store = _modulestore()
    if store is None:
        return None
    from opaque_keys.edx.keys import CourseKey
    found = []

    def walk(block):
        if _is_survey(block):
            found.append(block)
        for child in block.get_children():
            walk(child)
    walk(store.get_course(CourseKey.from_string(course_id), depth=None))
    return found


def inferred_waves(blocks):
    """{block key: wave} from course order: per block type, the first survey is pre, the last post."""
    from noturiba.survey import store
    waves, by_type = {}, {}
    for block in blocks:
        by_type.setdefault(block.scope_ids.block_type, []).append(block)
    for same_type in by_type.values():
        if len(same_type) >= 2:
            waves[store.block_key(same_type[0].scope_ids.usage_id)] = "pre"
            waves[store.block_key(same_type[-1].scope_ids.usage_id)] = "post"
    return waves


def specs_and_min_group(waves, default_min_group):
    """(BlockSpecs, the largest min_group of the blocks) of {block key: wave}."""
    specs, minimum = [], default_min_group
    for block_key, wave in waves.items():
        block = load_block(block_key)
        specs.append(spec_of(block, wave))
        minimum = max(minimum, block.min_group())
    return specs, minimum
