"""What goes into a course's pack: its units in order, each unit's parts, and what is left out and why.

Language-free: pages.py renders the plan once per language.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..courses.layout import BLOCK_TYPES, load_course
from ..messages import Message
from .activities import course_activities, exporter

REASONS = {
    "assessment": Message("a graded assessment: it runs only in the online course"),
    "survey": Message("a survey: answers given offline would reach nobody"),
    "other": Message("this kind of component works only in the online course"),
    "missing": Message("it has no offline version yet"),
}


@dataclass
class Part:
    """One component of a unit: html text, an activity played offline, or a note that it is left out."""

    kind: str  # "html", one of BLOCK_TYPES, or any other tag
    url_name: str | None
    title: str
    html: str | None = None  # html components: the author's markup (sanitised when rendered)
    activity: object = None  # included activities: the activities.Activity
    reason: str | None = None  # left out: a key of REASONS

    @property
    def included(self):
        return self.reason is None


@dataclass
class Unit:
    url_name: str
    title: str
    chapter: str
    sequential: str
    parts: list = field(default_factory=list)

    @property
    def activities(self):
        return [part for part in self.parts if part.activity is not None and part.included]


@dataclass
class Plan:
    folder: str
    path: Path
    title: str
    content_lang: str
    chapters: list  # [(chapter title, [(sequential title, [Unit])])]

    @property
    def units(self):
        return [unit for _chapter, sequentials in self.chapters for _seq, units in sequentials for unit in units]

    @property
    def activities(self):
        return [part for unit in self.units for part in unit.activities]

    @property
    def left_out(self):
        return [(unit, part) for unit in self.units for part in unit.parts if not part.included]


def has_exporter(kind):
    try:
        exporter(kind)
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.blocks.{kind}":
            raise  # an exporter that is there but imports something missing is a bug to see
        return False
    return True


def _part(item, activities):
    if item.kind == "html":
        return Part("html", item.url_name, item.display_name, html=item.html_text or "")
    if item.kind not in BLOCK_TYPES:
        return Part(item.kind, item.url_name, item.display_name or item.kind, reason="other")
    activity = activities[item.url_name]
    part = Part(item.kind, item.url_name, activity.display_name or item.kind, activity=activity)
    if not activity.included:
        part.reason = "survey" if activity.mode == "survey" else "assessment"
    elif not has_exporter(item.kind):
        part.reason = "missing"
    return part


def course_plan(course_dir):
    """The Plan of the course at `course_dir` (raises ValueError if it has errors that stop a build)."""
    course_dir = Path(course_dir)
    course = load_course(course_dir)
    errors = [finding for finding in course.findings if finding.is_error]
    if errors or course.element is None:
        raise ValueError("; ".join(str(finding) for finding in errors) or f"{course_dir} has no course")
    activities = {activity.url_name: activity for activity in course_activities(course_dir)}
    chapters = []
    for chapter in course.chapters:
        sequentials = []
        for sequential in chapter.children:
            units = [Unit(vertical.url_name, vertical.title, chapter.title, sequential.title,
                          [_part(item, activities) for item in vertical.children])
                     for vertical in sequential.children]
            sequentials.append((sequential.title, units))
        chapters.append((chapter.title, sequentials))
    lang = course.element.get("language") or (course.policy or {}).get("course/" + (course.run or ""), {}).get(
        "language") or "lv"
    return Plan(course.folder, course_dir, course.display_name or course.folder, lang, chapters)
