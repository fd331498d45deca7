"""Course tooling: check, package and import the OLX courses in courses/.

`python -m noturiba.courses validate|build|push` (see __main__.py). The modules:
- layout: read a course folder (course.xml -> course/<run>.xml -> chapters ->
  sequentials -> verticals -> html and our in-line blocks) into a tree;
- validate: every check a course must pass before it goes to Studio;
- build: one deterministic .tar.gz per course, as Studio's import expects;
- push: import a .tar.gz through the CMS's course import REST API.
"""

from .layout import BLOCK_TYPES, Course, Finding, load_course
from .validate import Report, validate, validate_course

__all__ = ["BLOCK_TYPES", "Course", "Finding", "Report", "load_course", "validate", "validate_course"]
