"""No correct answer reaches the browser before the learner has submitted.

For every workbench scenario and every block in courses/, a new learner's
student_view HTML, its JS init arguments and student_view_data (mobile) hold
no answer key with a value and none of the explanation, feedback or flag-note
texts of the block's own OLX.
"""

import json
import re

import pytest

from ..blocks.conftest import Harness
from .secrets import answer_keys, dumps, every_block, secret_texts, visible_text

BLOCKS = every_block()
JSON_SCRIPT = re.compile(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', re.S)


def page_json(markup):
    """Data blocks put in the page for their scripts (escaped JSON, as Django's json_script writes it)."""
    return [json.loads(found) for found in JSON_SCRIPT.findall(markup)]


@pytest.mark.parametrize(("label", "block_type", "xml"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_nothing_answer_like_before_submission(db, label, block_type, xml):
    block = Harness("curious-learner").load(xml)
    fragment = block.render("student_view", {})
    init_args = fragment.json_init_args or {}
    data = block.student_view_data()
    leaks = answer_keys(init_args, "init_args") + answer_keys(data, "student_view_data")
    for index, embedded in enumerate(page_json(fragment.content)):
        leaks += answer_keys(embedded, f"page JSON {index}")
    assert not leaks, f"{label}: answer keys reach the browser: {leaks[:5]}"
    page = visible_text(fragment.content) + " " + dumps(init_args) + " " + dumps(data)
    for secret in secret_texts(xml):
        assert secret not in page, f"{label}: '{secret}' is in the page before submission"
    for view in ("public_view", "author_view"):
        if view == "author_view":
            continue  # authors see everything in Studio
        public = visible_text(block.render(view, {}).content)
        for secret in secret_texts(xml):
            assert secret not in public, f"{label}: '{secret}' is in {view}"
