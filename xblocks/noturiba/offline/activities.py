"""The activities of a course, read from its OLX with the blocks' own content parsers.

An activity goes into the offline pack only in practice mode: an assessment or a survey
online is left out (the start page lists them), because the pack holds the answers.
"""

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..courses.layout import BLOCK_TYPES, load_course
from ..courses.validate import block_class

OFFLINE_MODE = "practice"


@dataclass
class Activity:
    kind: str  # mediacheck, crisisdrill, civicquiz
    url_name: str
    display_name: str
    element: object  # the in-line OLX element
    model: object  # the block's parsed content model
    attrs: dict  # the element's attributes (mode, pass, timer, ...)
    vertical: object  # the layout Item of the unit that holds it

    @property
    def mode(self):
        return self.attrs.get("mode", OFFLINE_MODE)

    @property
    def included(self):
        return self.mode == OFFLINE_MODE


def exporter(kind):
    """The offline module of a block type (noturiba.offline.blocks.<kind>)."""
    return import_module(f"{__package__}.blocks.{kind}")


def course_activities(course_dir):
    """Every activity of ours in the course at `course_dir`, in course order, included or not."""
    course = load_course(Path(course_dir))
    found = []
    for item in course.components():
        if item.kind not in BLOCK_TYPES:
            continue
        model = block_class(item.kind).content_api.parse(item.element)
        found.append(Activity(item.kind, item.url_name, item.display_name, item.element, model,
                              dict(item.element.attrib), item.parent))
    return found
