"""Read a course folder in the layout Studio exports into a tree, noting what is wrong on the way.

course.xml -> course/<run>.xml -> chapter/<id>.xml -> sequential/<id>.xml ->
vertical/<id>.xml -> html/<id>.xml (+ html/<filename>.html) and our blocks in-line.

Every XML file is parsed with noturiba.olx.parse_string (no DTD, no entity, no
network). Problems found while reading (a missing file, a file that is no
well-formed XML, a reference Open edX would not read as one) are collected as
Findings on the Course; validate.py adds the checks that need the whole tree.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..olx import OlxError, parse_string

# The blocks of this package; each must be written in-line inside a vertical.
BLOCK_TYPES = ("mediacheck", "crisisdrill", "civicquiz")
URL_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
STRUCTURE = ("chapter", "sequential", "vertical")


@dataclass(frozen=True)
class Finding:
    """One problem in a course: where (course folder, file inside it, line) and what."""

    course: str
    file: str | None
    line: int | None
    message: str
    severity: str = "error"

    @property
    def is_error(self):
        return self.severity == "error"

    def __str__(self):
        where = self.course
        if self.file:
            where += "/" + self.file
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Item:
    """A chapter, sequential, vertical or component (html, one of our blocks, any other tag)."""

    kind: str
    url_name: str | None
    file: str  # the file that defines it, relative to the course folder
    line: int | None  # where it is referenced (pointer) or written (in-line)
    element: object = None  # the defining element (root of its file, or the in-line element)
    display_name: str = ""
    children: list = field(default_factory=list)
    parent: "Item | None" = None
    html_file: str | None = None  # html components: the .html file with the text
    html_text: str | None = None
    reference_file: str | None = None  # structure items: the file holding the pointer

    @property
    def title(self):
        return self.display_name or self.url_name or self.kind

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Course:
    path: Path
    folder: str
    run: str | None = None
    org: str | None = None
    number: str | None = None
    display_name: str = ""
    element: object = None
    chapters: list = field(default_factory=list)
    policy: dict | None = None
    grading_policy: dict | None = None
    findings: list = field(default_factory=list)
    referenced: set = field(default_factory=set)  # files reached from course.xml

    def problem(self, file, line, message, severity="error"):
        self.findings.append(Finding(self.folder, file, line, message, severity))

    def items(self):
        for chapter in self.chapters:
            yield from chapter.walk()

    def verticals(self):
        return [item for item in self.items() if item.kind == "vertical"]

    def components(self):
        return [item for item in self.items() if item.parent is not None and item.parent.kind == "vertical"]

    def sequentials(self):
        return [item for item in self.items() if item.kind == "sequential"]


def olx_error_text(error):
    """An OlxError's message without its 'Line N' prefix (the Finding carries the line)."""
    text = error.message.render()
    if error.element and error.element_id:
        return f'<{error.element} id="{error.element_id}">: {text}'
    if error.element:
        return f"<{error.element}>: {text}"
    return text


def is_pointer(node):
    """Open edX's rule: no children, no text, and exactly the attribute url_name (course: + org, course)."""
    expected = {"url_name", "org", "course"} if node.tag == "course" else {"url_name"}
    has_text = bool(node.text and node.text.strip())
    return len(node) == 0 and set(node.attrib) == expected and not has_text


def linked(course, relative):
    """Whether `relative` or a folder on its way is a symbolic link (build refuses them; nothing reads one)."""
    path = course.path
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def read_xml(course, relative, *, line=None, referrer=None):
    """Parse course file `relative`; None (with a finding) when it is missing, linked or broken."""
    path = course.path / relative
    course.referenced.add(relative)
    if linked(course, relative):
        return None  # validate reports every link (build.symlinks)
    if not path.is_file():
        course.problem(referrer or relative, line, f"The file {relative} does not exist.")
        return None
    try:
        return parse_string(path.read_bytes())
    except OlxError as error:
        course.problem(relative, error.line, olx_error_text(error))
        return None


def read_json(course, relative):
    path = course.path / relative
    course.referenced.add(relative)
    if linked(course, relative):
        return None
    if not path.is_file():
        course.problem(relative, None, f"The file {relative} does not exist.")
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", None)
        course.problem(relative, line, f"The file is not valid JSON: {getattr(error, 'msg', error)}.")
        return None


def check_url_name(course, file, line, tag, url_name):
    if not url_name:
        course.problem(file, line, f"<{tag}> has no url_name.")
        return False
    if not URL_NAME.fullmatch(url_name):
        course.problem(file, line, f'<{tag} url_name="{url_name}">: a url_name may hold only lowercase letters, '
                                   "digits and '-' (at most 100, starting with a letter or digit).")
        return False
    return True


def load_course(course_dir):
    """The Course read from `course_dir`, with its findings (never raises for bad content)."""
    path = Path(course_dir)
    course = Course(path=path, folder=path.name)
    root = read_xml(course, "course.xml")
    if root is None:
        return course
    if root.tag != "course":
        course.problem("course.xml", root.sourceline, f"The root element must be <course>, not <{root.tag}>.")
        return course
    course.run, course.org, course.number = root.get("url_name"), root.get("org"), root.get("course")
    for name in ("url_name", "org", "course"):
        if not root.get(name):
            course.problem("course.xml", root.sourceline, f"<course> needs the attribute {name}.")
    if not is_pointer(root):
        course.problem("course.xml", root.sourceline,
                       "course.xml must hold only <course url_name=... org=... course=.../> "
                       "(other attributes or children make Open edX ignore course/<run>.xml).")
    if not course.run:
        return course
    if not URL_NAME.fullmatch(course.run.lower()) or "/" in course.run:
        course.problem("course.xml", root.sourceline, f'The course run "{course.run}" is not a valid url_name.')
        return course
    course_file = f"course/{course.run}.xml"
    element = read_xml(course, course_file, line=root.sourceline, referrer="course.xml")
    if element is not None:
        if element.tag != "course":
            course.problem(course_file, element.sourceline,
                           f"The root element must be <course>, not <{element.tag}>.")
        else:
            course.element = element
            course.display_name = element.get("display_name", "")
            if not course.display_name:
                course.problem(course_file, element.sourceline, "<course> has no display_name.", "warning")
            course.chapters = _load_children(course, element, course_file, "chapter", None)
    course.policy = read_json(course, f"policies/{course.run}/policy.json")
    course.grading_policy = read_json(course, f"policies/{course.run}/grading_policy.json")
    return course


def _load_children(course, element, file, kind, parent):
    """The <kind> pointers under `element` (in `file`), each loaded from <kind>/<url_name>.xml."""
    items = []
    for node in element:
        if not isinstance(node.tag, str):
            continue
        if node.tag != kind:
            severity = "error" if node.tag in STRUCTURE or node.tag in BLOCK_TYPES else "warning"
            course.problem(file, node.sourceline, f"<{node.tag}> is not expected inside <{element.tag}>; "
                                                  f"only <{kind}> is.", severity)
            continue
        items.append(_load_pointer(course, node, file, kind, parent))
    return [item for item in items if item is not None]


def _load_pointer(course, node, file, kind, parent):
    url_name = node.get("url_name")
    if not check_url_name(course, file, node.sourceline, kind, url_name):
        return None
    if not is_pointer(node):
        extra = sorted(set(node.attrib) - {"url_name"})
        reason = f"the attributes {', '.join(extra)}" if extra else "content"
        course.problem(file, node.sourceline,
                       f'<{kind} url_name="{url_name}"> has {reason} besides url_name, so Open edX reads it as an '
                       f"in-line {kind} and ignores {kind}/{url_name}.xml; keep only url_name here.")
        return None
    item_file = f"{kind}/{url_name}.xml"
    item = Item(kind, url_name, item_file, node.sourceline, parent=parent, reference_file=file)
    root = read_xml(course, item_file, line=node.sourceline, referrer=file)
    if root is None:
        return item
    if root.tag != kind:
        course.problem(item_file, root.sourceline, f"The root element must be <{kind}>, not <{root.tag}>.")
        return item
    if root.get("url_name") and root.get("url_name") != url_name:
        course.problem(item_file, root.sourceline,
                       f'The url_name "{root.get("url_name")}" differs from the file name "{url_name}".')
    item.element = root
    item.display_name = root.get("display_name", "")
    if not item.display_name:
        course.problem(item_file, root.sourceline, f"<{kind}> has no display_name.", "warning")
    if kind == "chapter":
        item.children = _load_children(course, root, item_file, "sequential", item)
    elif kind == "sequential":
        item.children = _load_children(course, root, item_file, "vertical", item)
    else:
        item.children = _load_components(course, root, item_file, item)
    return item


def _load_components(course, vertical, file, parent):
    components = []
    for node in vertical:
        if not isinstance(node.tag, str):
            continue
        tag = node.tag
        url_name = node.get("url_name")
        if tag in STRUCTURE:
            course.problem(file, node.sourceline, f"<{tag}> cannot be inside a <vertical>.")
            continue
        item = Item(tag, url_name, file, node.sourceline, element=node, parent=parent,
                    display_name=node.get("display_name", ""))
        if url_name is None and tag in BLOCK_TYPES:
            course.problem(file, node.sourceline,
                           f"<{tag}> has no url_name: Open edX would invent one on every import, "
                           "and learners' answers would not carry over.")
        elif url_name is not None and not check_url_name(course, file, node.sourceline, tag, url_name):
            continue
        if tag == "html":
            _load_html(course, item, node)
        elif tag in BLOCK_TYPES:
            if is_pointer(node):
                course.problem(file, node.sourceline,
                               f"<{tag}> must be written in-line inside the vertical (Open edX does not read "
                               f"{tag}/{url_name}.xml for a custom block).")
        elif is_pointer(node):
            other = f"{tag}/{url_name}.xml"
            course.referenced.add(other)
            if not (course.path / other).is_file():
                course.problem(file, node.sourceline, f"The file {other} does not exist.")
        components.append(item)
    return components


def _load_html(course, item, node):
    """An html component: a pointer to html/<id>.xml naming html/<filename>.html, or in-line."""
    element = node
    if is_pointer(node):
        item.file = f"html/{item.url_name}.xml"
        element = read_xml(course, item.file, line=node.sourceline, referrer=item.parent.file)
        if element is None:
            return
        if element.tag != "html":
            course.problem(item.file, element.sourceline, f"The root element must be <html>, not <{element.tag}>.")
            return
        item.element = element
        item.display_name = element.get("display_name", "")
        if not item.display_name:
            course.problem(item.file, element.sourceline, "<html> has no display_name.", "warning")
    filename = element.get("filename")
    if filename:
        if filename.endswith(".html") or "/" in filename:
            course.problem(item.file, element.sourceline,
                           f'filename="{filename}" must be the bare name: Open edX reads html/<filename>.html.')
            return
        item.html_file = f"html/{filename}.html"
        course.referenced.add(item.html_file)
        path = course.path / item.html_file
        if linked(course, item.html_file):
            return
        if not path.is_file():
            course.problem(item.file, element.sourceline, f"The file {item.html_file} does not exist.")
            return
        try:
            item.html_text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            course.problem(item.html_file, None, "The file is not UTF-8 text.")
    elif len(element) or (element.text and element.text.strip()):
        item.html_text = (element.text or "") + "".join(
            etree.tostring(child, encoding="unicode") for child in element)
    else:
        course.problem(item.file, element.sourceline, "<html> has neither a filename nor any content.")
