"""Which survey is the pre and which the post one, from the course order (the LMS default)."""

from types import SimpleNamespace

from noturiba.research import blocks


def block(block_type, name):
    return SimpleNamespace(scope_ids=SimpleNamespace(block_type=block_type, usage_id=f"{block_type}@{name}"))


def test_of_each_block_type_the_first_survey_is_pre_and_the_last_post():
    ordered = [block("civicquiz", "welcome"), block("mediacheck", "pre"), block("civicquiz", "trust"),
               block("mediacheck", "post"), block("civicquiz", "end")]
    waves = blocks.inferred_waves(ordered)
    assert waves == {"civicquiz@welcome": "pre", "civicquiz@end": "post", "mediacheck@pre": "pre",
                     "mediacheck@post": "post"}
    assert blocks.inferred_waves([block("civicquiz", "only")]) == {}  # one survey: no pair, no wave
    assert blocks.course_order("course-v1:A+B+C") is None  # the workbench has no modulestore
