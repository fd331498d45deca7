"""Everything a course folder must pass before it goes to Studio.

`validate(course_dir)` returns a Report: `errors` (the course must not be
imported like this) and `warnings` (worth a look), each a list of Findings that
name the course, the file inside it, the line and the problem in plain English.

Checks: well-formed XML parsed without DTD or entities; every referenced
chapter, sequential, vertical and html file exists; url_names well-formed and
unique in the course; each in-line block of ours parsed and validated by the
block's own content module; policies consistent with the course (policy key,
advanced_modules, grading policy against the graded subsections); every
/static/ reference exists in static/; every link is a well-formed http(s) or
mailto address.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

from ..olx import OlxError, check_tree, local_name, spaces_lost_on_import
from .build import symlink_message, symlinks
from .grading_rules import practice_in_graded
from .layout import BLOCK_TYPES, linked, load_course, olx_error_text
from .ora import course_problems as open_response_problems
from .policy_checks import PolicyChecks

# Fields every Open edX block has through the platform's mixins: fine on our tags too.
PLATFORM_ATTRIBUTES = {
    "url_name", "xblock-family", "display_name", "due", "start", "graceperiod", "visible_to_staff_only",
    "group_access", "hide_after_due", "show_correctness", "days_early_for_beta", "xml_attributes",
}
# Component types Open edX offers without advanced_modules.
URL_ATTRIBUTES = ("href", "src", "poster", "data", "url")
LINK_TAGS = {"a", "source"}
SEVERITY_ORDER = {"error": 0, "warning": 1}


@dataclass
class Report:
    course: str
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def findings(self):
        return self.errors + self.warnings

    @property
    def ok(self):
        return not self.errors


def validate(course_dir, block_types=BLOCK_TYPES):
    """The Report for the course folder `course_dir` (never raises for bad content)."""
    findings = validate_course(course_dir, block_types)
    report = Report(Path(course_dir).name)
    for finding in findings:
        (report.errors if finding.is_error else report.warnings).append(finding)
    return report


def validate_course(course_dir, block_types=BLOCK_TYPES):
    """All findings: errors first, then warnings, each by file and line."""
    course = load_course(course_dir)
    for relative in symlinks(course_dir):
        course.problem(relative.as_posix(), None, symlink_message(relative.as_posix()))
    checker = _Checker(course, tuple(block_types))
    checker.run()
    for file, line, message in practice_in_graded(course, tuple(block_types)):
        course.problem(file, line, message)
    for file, line, message in open_response_problems(course):
        course.problem(file, line, message)
    seen = set()
    unique = []
    for finding in course.findings:
        if finding not in seen:
            seen.add(finding)
            unique.append(finding)
    return sorted(unique, key=lambda f: (SEVERITY_ORDER.get(f.severity, 2), f.file or "", f.line or 0))


def find_courses(root):
    """The course folders (holding a course.xml) directly under `root`, sorted."""
    root = Path(root)
    if (root / "course.xml").is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(path for path in root.iterdir() if (path / "course.xml").is_file())


@cache
def block_class(tag):
    """The installed XBlock class for `tag`, or None."""
    from xblock.core import XBlock
    from xblock.plugin import PluginMissingError
    try:
        return XBlock.load_class(tag)
    except PluginMissingError:
        return None


class _Checker(PolicyChecks):
    def __init__(self, course, block_types):
        self.course = course
        self.block_types = block_types
        self.url_names = {}

    def problem(self, file, line, message, severity="error"):
        self.course.problem(file, line, message, severity)

    def run(self):
        course = self.course
        if course.element is None:
            return
        if not course.chapters:
            self.problem(f"course/{course.run}.xml", course.element.sourceline, "The course has no chapter.")
        for item in course.items():
            self.check_unique(item)
            if item.kind in self.block_types:
                self.check_block(item)
            elif item.kind == "html" and item.html_text is not None:
                self.check_html(item.html_file or item.file, item.html_text,
                                offset=0 if item.html_file else (item.line or 1) - 1)
        self.check_orphans()
        self.check_policy()
        self.check_grading()
        self.check_about()

    # url_names --------------------------------------------------------------

    def check_unique(self, item):
        if not item.url_name:
            return
        if item.reference_file:
            where = (item.reference_file, item.line)
        else:  # a component: written in (or pointed to from) its vertical
            where = (item.parent.file, item.line)
        first = self.url_names.get(item.url_name)
        if first is None:
            self.url_names[item.url_name] = (item.kind, where)
            return
        kind, (file, line) = first
        self.problem(where[0], where[1], f'The url_name "{item.url_name}" is used twice in the course '
                                         f"(first by <{kind}> in {file}, line {line}); each must be unique.")

    def check_orphans(self):
        for folder in ("chapter", "sequential", "vertical", "html"):
            directory = self.course.path / folder
            if not directory.is_dir() or directory.is_symlink():
                continue
            for path in sorted(directory.iterdir()):
                relative = f"{folder}/{path.name}"
                if path.is_file() and relative not in self.course.referenced and not path.name.startswith("."):
                    self.problem(relative, None, "No part of the course uses this file.", "warning")

    # our blocks -------------------------------------------------------------

    def check_block(self, item):
        node, file = item.element, item.file
        cls = block_class(item.kind)
        api = getattr(cls, "content_api", None)
        if cls is None or api is None:
            self.problem(file, item.line, f"The block type {item.kind} is not installed here, "
                                          "so its content cannot be checked.")
            return
        try:
            check_tree(node)
            model = api.parse(node)
        except OlxError as error:
            self.problem(file, error.line or item.line, f"<{item.kind} url_name=\"{item.url_name}\">: "
                                                        + olx_error_text(error))
            return
        except ValueError as error:  # a content module's own error with a Message
            self.problem(file, item.line, f"<{item.kind} url_name=\"{item.url_name}\">: {_render(error)}")
            return
        try:
            problems = api.validate(model)
        except ValueError as error:
            self.problem(file, item.line, f"<{item.kind} url_name=\"{item.url_name}\">: {_render(error)}")
            return
        for problem in problems:
            line = _line_of(node, problem.node_id) or item.line
            prefix = f"<{item.kind} url_name=\"{item.url_name}\">"
            if problem.node_id:
                prefix += f', id "{problem.node_id}"'
            self.problem(file, line, f"{prefix}: {problem.message.render()}",
                         "error" if problem.is_error else "warning")
        self.check_block_attributes(item, cls, api)
        for parent, left in spaces_lost_on_import(node):
            self.problem(file, left.sourceline, f'<{item.kind} url_name="{item.url_name}">: the space after '
                         f"<{local_name(left.tag)}> is lost when Open edX imports the course (its parser drops "
                         f'whitespace-only text between elements); add xml:space="preserve" to the '
                         f"<{local_name(parent.tag)}> around it.")
        for element in node.iter():
            if not isinstance(element.tag, str):
                continue
            self.check_references(file, element.sourceline, element, link=element.tag in LINK_TAGS)

    def check_block_attributes(self, item, cls, api):
        owned = set(getattr(api, "ATTRIBUTES", ()))
        renames = getattr(cls, "ATTRIBUTE_FIELDS", {})
        for name, value in item.element.attrib.items():
            if name in owned or name in ("url_name", "xblock-family"):
                continue
            field_name = renames.get(name, name)
            xfield = cls.fields.get(field_name)
            if xfield is None:
                if name not in PLATFORM_ATTRIBUTES:
                    self.problem(item.file, item.line, f'<{item.kind} url_name="{item.url_name}">: the attribute '
                                                       f"{name} is not known to the block and is ignored.", "warning")
                continue
            try:
                xfield.from_string(value)
            except (ValueError, TypeError):
                self.problem(item.file, item.line, f'<{item.kind} url_name="{item.url_name}">: the attribute '
                                                   f'{name}="{value[:40]}" is not a valid value.')

    # html, links and static files -------------------------------------------

    def check_html(self, file, text, offset=0):
        if not text.strip():
            self.problem(file, None, "The html text is empty.", "warning")
            return
        try:
            fragments = lxml.html.fragments_fromstring(text)
        except (etree.ParserError, ValueError) as error:
            self.problem(file, None, f"The html cannot be read: {error}.")
            return
        for fragment in fragments:
            if not isinstance(fragment, etree._Element):
                continue
            for element in fragment.iter():
                if not isinstance(element.tag, str):
                    continue
                line = (element.sourceline + offset) if element.sourceline else None
                self.check_references(file, line, element, link=element.tag == "a")
                if element.tag == "img" and not element.get("alt") and element.get("alt") != "":
                    self.problem(file, line, "An <img> has no alt text.", "warning")

    def check_references(self, file, line, element, link):
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if value is None:
                continue
            value = value.strip()
            if value.startswith(("/static/", "static/")):
                self.check_static(file, line, value)
            elif link and name == "href":
                self.check_link(file, line, element.tag, value)
            elif name == "src" and not _is_web(value) and not value.startswith("data:image/"):
                self.problem(file, line, f'<{element.tag} src="{value[:80]}">: an image or media file must be '
                                         "a /static/ file of the course or an https:// address.")

    def check_static(self, file, line, value):
        if not value.startswith("/"):
            self.problem(file, line, f'"{value[:80]}" must start with /static/ (a relative path does not '
                                     "resolve in the LMS).")
            return
        name = unquote(urlsplit(value).path[len("/static/"):])
        parts = Path(name).parts
        if not name or ".." in parts or name.startswith("/"):
            self.problem(file, line, f'"{value[:80]}" is not a valid /static/ reference.')
            return
        if linked(self.course, f"static/{name}"):
            return
        if not (self.course.path / "static" / name).is_file():
            self.problem(file, line, f'"{value[:80]}" refers to static/{name}, which does not exist.')

    def check_link(self, file, line, tag, value):
        if value.startswith("#"):
            return
        if value.startswith("/jump_to_id/"):
            target = value[len("/jump_to_id/"):].strip("/")
            if target not in self.url_names and target not in {i.url_name for i in self.course.items()}:
                self.problem(file, line, f'<{tag} href="{value[:80]}">: no part of the course has the url_name '
                                         f'"{target}".')
            return
        if value.lower().startswith("mailto:"):
            if not re.fullmatch(r"mailto:[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}(\?\S*)?", value, re.IGNORECASE):
                self.problem(file, line, f'<{tag} href="{value[:80]}">: not a well-formed mailto: address.')
            return
        if not _is_web(value):
            self.problem(file, line, f'<{tag} href="{value[:80]}">: a link must be a full http:// or https:// '
                                     "address, a mailto: address or a /static/ file.")

    def check_about(self):
        for name in ("about/overview.html", "about/short_description.html"):
            path = self.course.path / name
            if linked(self.course, name):
                continue
            if not path.is_file():
                self.problem(name, None, "The file is missing; the course page will be empty there.", "warning")
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                self.problem(name, None, "The file is not UTF-8 text.")
                continue
            self.check_html(name, text)


def _is_web(value):
    if re.search(r"\s", value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and bool(re.fullmatch(r"[a-z0-9.-]+\.[a-z0-9-]{2,}|localhost", host))


def _render(error):
    render = getattr(error, "render", None)
    if callable(render):
        return render()
    message = getattr(error, "message", None)
    return message.render() if hasattr(message, "render") else str(error)


def _line_of(node, node_id):
    if not node_id:
        return None
    for element in node.iter():
        if isinstance(element.tag, str) and element.get("id") == node_id:
            return element.sourceline
    return None
