"""Course units as workbench scenarios: every vertical of courses/ that holds one of our blocks.

Each becomes the scenario "course-<folder>-<vertical url_name>" titled
"<course> > <chapter> > <unit>": a <vertical_demo> holding the unit's components
in order, our blocks as written, html units as the SDK's <html_demo> sample
block (their text, made well-formed), an ORA2 <openassessment> (not installed
here) as a translated note with its prompt, anything else left out.

`install()` (run by CourseScenariosConfig.ready) wraps the workbench's
init_scenarios so the course scenarios are added after the blocks' own ones,
whenever the workbench (re)builds its list. A broken course or unit is skipped
with a log warning; it never breaks the index page.
"""

import copy
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from django.apps import AppConfig
from django.conf import settings
from django.db import transaction
from lxml import etree

from noturiba.courses.layout import BLOCK_TYPES, load_course
from noturiba.courses.ora import TAG as ORA_TAG
from noturiba.courses.ora import prompt_texts
from noturiba.courses.validate import find_courses

from .ora_note import NOTE_TAG, register

log = logging.getLogger(__name__)

DEFAULT_COURSES_DIR = Path(__file__).resolve().parents[2] / "courses"
SCENARIO_PREFIX = "course-"
SCENARIO_TYPES = (*BLOCK_TYPES, ORA_TAG)  # a unit with one of these becomes a scenario
# Filled by add_course_scenarios: the units added, in course order, and each one's course folder
# by the prefix of its blocks' usage ids (static_files.py serves that course's /static/ files).
ADDED_UNITS = []
COURSE_OF_USAGE_PREFIX = {}


def courses_dir():
    configured = os.environ.get("NOTURIBA_COURSES_DIR") or getattr(settings, "NOTURIBA_COURSES_DIR", None)
    return Path(configured) if configured else DEFAULT_COURSES_DIR


def course_scenarios(root=None):
    """[(scenario id, title, xml)] for every unit with one of our blocks, course by course, in course order."""
    return [(unit.scenario_id, unit.title, unit.xml) for unit in _all_units(root)]


def _course_units(course_dir):
    return [(unit.scenario_id, unit.title, unit.xml) for unit in _units(course_dir)]


@dataclass(frozen=True)
class Unit:
    """One course unit as a scenario, with where it sits in its course (for the start page)."""

    scenario_id: str
    course_folder: str
    course_title: str
    chapter_title: str
    unit_title: str
    xml: str

    @property
    def title(self):
        return " > ".join([self.course_title, self.chapter_title, self.unit_title])


def _units(course_dir):
    course = load_course(course_dir)
    course_title = course.display_name or course.folder
    units = []
    for vertical in course.verticals():
        if not any(child.kind in SCENARIO_TYPES for child in vertical.children):
            continue
        chapter = vertical.parent.parent if vertical.parent else None
        scenario_id = f"{SCENARIO_PREFIX}{course.folder}-{vertical.url_name}"
        try:
            xml = unit_xml(vertical)
        except Exception:
            log.warning("Skipping the unit %s of %s", vertical.url_name, course.folder, exc_info=True)
            continue
        units.append(Unit(scenario_id, course.folder, course_title, chapter.title if chapter else "?",
                          vertical.title, xml))
    return units


def _all_units(root=None):
    units = []
    for course_dir in find_courses(root or courses_dir()):
        try:
            units.extend(_units(course_dir))
        except Exception:  # a broken course must not break the workbench
            log.warning("Skipping the course %s: it cannot be read", course_dir.name, exc_info=True)
    return units


def unit_xml(vertical):
    """The <vertical_demo> of one unit: our blocks as written, html text as <html_demo>."""
    root = etree.Element("vertical_demo")
    for child in vertical.children:
        if child.kind in BLOCK_TYPES and child.element is not None:
            root.append(_detached(child.element))
        elif child.kind == "html" and child.html_text:
            root.append(_html_demo(child.html_text))
        elif child.kind == ORA_TAG and child.element is not None:
            root.append(_ora_note(child))
    return etree.tostring(root, encoding="unicode")


def _ora_note(item):
    """The note block standing in for an <openassessment>: its title and prompt(s), as ORA stores them."""
    register()
    node = etree.Element(NOTE_TAG, display_name=item.display_name or "",
                         prompts_type=item.element.get("prompts_type", "text"))
    node.text = "\n".join(prompt_texts(item.element))
    return node


def _detached(element):
    node = copy.deepcopy(element)
    node.tail = None
    return node


def _html_demo(text):
    """The SDK's html_demo block, which renders its content through string.Template: $ doubled."""
    node = etree.Element("html_demo")
    for fragment in lxml.html.fragments_fromstring(text):
        if isinstance(fragment, str):
            _append_text(node, fragment)
            continue
        if not isinstance(fragment.tag, str):
            continue
        node.append(etree.fromstring(etree.tostring(fragment, method="xml", encoding="unicode")))
    for element in node.iter():
        element.text = _escape(element.text)
        element.tail = _escape(element.tail) if element is not node else None
        for name, value in element.attrib.items():
            element.set(name, value.replace("$", "$$"))
    return node


def _append_text(node, text):
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def _escape(text):
    return text.replace("$", "$$") if text else text


def add_course_scenarios(root=None):
    """Add the course scenarios to the workbench's list; return the ids added."""
    from django.utils.text import slugify
    from workbench import scenarios
    added = []
    ADDED_UNITS.clear()
    COURSE_OF_USAGE_PREFIX.clear()
    # One transaction (a savepoint per unit): SQLite commits of each block's fields are what cost time.
    with transaction.atomic():
        for unit in _all_units(root):
            scenario_id, title = unit.scenario_id, unit.title
            if scenario_id in scenarios.SCENARIOS:
                log.warning("Skipping the course scenario %s: the id is already taken", scenario_id)
                continue
            try:
                with transaction.atomic():
                    scenarios.add_xml_scenario(scenario_id, title, unit.xml)
            except Exception:
                scenarios.SCENARIOS.pop(scenario_id, None)
                log.warning("Skipping the course scenario %s (%s)", scenario_id, title, exc_info=True)
                continue
            added.append(scenario_id)
            ADDED_UNITS.append(unit)
            # The workbench's usage ids start with the slug of the scenario's title (ScenarioIdManager).
            COURSE_OF_USAGE_PREFIX[slugify(title)] = unit.course_folder
    return added


def install():
    """Make the workbench add the course scenarios whenever it builds its scenario list."""
    from workbench import runtime_util, scenarios
    original = scenarios.init_scenarios
    if getattr(original, "adds_course_scenarios", False):
        return

    def init_scenarios():
        original()
        try:
            add_course_scenarios()
        except Exception:
            log.warning("The course scenarios could not be added", exc_info=True)

    init_scenarios.adds_course_scenarios = True
    scenarios.init_scenarios = init_scenarios
    runtime_util.init_scenarios = init_scenarios  # reset_global_state imported it by name


class CourseScenariosConfig(AppConfig):
    """Listed in INSTALLED_APPS by the workbench settings; registers the course scenarios."""

    name = "workbench_site"
    label = "noturiba_course_scenarios"
    verbose_name = "Noturiba course units in the workbench"

    def ready(self):
        install()
        # The workbench_site app's other LMS behaviours: per-block services, course files.
        from . import i18n, static_files
        i18n.install()
        static_files.install()
