"""Every <source> an author wrote in a course reaches a learner: each one is in some parsed block's sources.

Counted in all OLX files of every course (html/ units excluded: there <source> is the HTML media element,
and none of our rich text allows media), so a source no parser reads cannot pass unnoticed.
"""

import dataclasses
from collections import Counter

import pytest
from lxml import etree

from noturiba.courses.layout import BLOCK_TYPES, load_course
from noturiba.courses.validate import block_class

from .conftest import REAL_COURSES


def _written(course_dir):
    found = Counter()
    for path in sorted(course_dir.rglob("*.xml")):
        if "html" in path.relative_to(course_dir).parts[:1]:
            continue
        for source in etree.parse(str(path)).iter("source"):
            found[(source.get("href", "").strip(), source.get("title") or source.get("href", "").strip())] += 1
    return found


def _model_sources(value):
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            inner = getattr(value, field.name)
            if field.name.endswith("sources"):
                yield from inner
            else:
                yield from _model_sources(inner)
    elif isinstance(value, (tuple, list)):
        for inner in value:
            yield from _model_sources(inner)


def _parsed(course_dir):
    found = Counter()
    for item in load_course(course_dir).items():
        if item.kind in BLOCK_TYPES:
            found.update(_model_sources(block_class(item.kind).content_api.parse(item.element)))
    return found


@pytest.mark.skipif(not REAL_COURSES, reason="no course in this tree")
def test_every_source_in_the_courses_is_in_a_parsed_model():
    written, parsed = Counter(), Counter()
    for course_dir in REAL_COURSES:
        written += _written(course_dir)
        parsed += _parsed(course_dir)
    assert sum(written.values()) >= 264  # the courses' count on 2026-12-01: the test counts something
    assert written - parsed == Counter(), "sources no block reads"
    assert parsed == written
