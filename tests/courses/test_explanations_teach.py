"""After checking an answer, a learner of a public course reads why, not only a source link.

Every explanation/feedback with a source in the residents' courses (gatavs-krizei, medijpratiba-ikdiena)
must say something besides its sources, in the model the blocks parse (sources already taken out).
"""

import dataclasses

import pytest
from lxml import html as lxml_html

from noturiba.courses.layout import BLOCK_TYPES, load_course
from noturiba.courses.validate import block_class

from .conftest import COURSES

PUBLIC = ("gatavs-krizei", "medijpratiba-ikdiena")


def _text(markup):
    return lxml_html.fragment_fromstring(markup, create_parent="div").text_content().strip() if markup else ""


def _bare(value, where):
    """(where, field) of every explanation/feedback that has sources but no text of its own."""
    if dataclasses.is_dataclass(value):
        names = {field.name for field in dataclasses.fields(value)}
        for name in ("explanation", "feedback"):
            if name in names and getattr(value, "sources", ()) and not _text(getattr(value, name)):
                yield f"{where}/{getattr(value, 'id', '?')}"
        for field in dataclasses.fields(value):
            yield from _bare(getattr(value, field.name), where)
    elif isinstance(value, (tuple, list)):
        for inner in value:
            yield from _bare(inner, where)


@pytest.mark.parametrize("course", PUBLIC)
def test_every_sourced_explanation_in_a_public_course_explains(course):
    course_dir = COURSES / course
    if not (course_dir / "course.xml").is_file():
        pytest.skip("course not in this tree")
    bare, checked = [], 0
    for item in load_course(course_dir).items():
        if item.kind in BLOCK_TYPES:
            bare.extend(_bare(block_class(item.kind).content_api.parse(item.element), item.url_name))
            checked += 1
    assert checked, "no block read: the test checks nothing"
    assert bare == [], "a source link and no explanation"
