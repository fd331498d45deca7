"""Course files (/static/<name>) in the workbench, as the LMS serves a course's assets.

The LMS and Studio's preview wrap every block's fragment in replace_urls_wrapper
(lms/djangoapps/courseware/block_render.py, cms/djangoapps/contentstore/views/preview.py):
a "/static/<name>" inside quotes in the HTML becomes the course's asset URL
(common/djangoapps/static_replace/__init__.py matches quoted URLs only), and the
blocks' `replace_urls` service does the same to markup they hand it. The workbench
does neither, so a course unit's <img src="/static/x.svg"> went to Django's
staticfiles: 404. Here, the same rewrite, to:

- /course-static/<course folder>/<name> (courses/<folder>/static/<name>) for a course unit;
- the block package's public/practice/<name> for the blocks' own scenarios, which
  thus reference their practice images as a course does (/static/<name>).
"""

import re

from django.http import Http404
from django.urls import reverse
from django.views.static import serve

from noturiba.courses.validate import find_courses

from . import course_scenarios

OUR_BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")
_QUOTED_STATIC = re.compile(r"""(?P<quote>\\?['"])/static/(?P<rest>[^'"\\]*?)(?P=quote)""")


def files_base(block):
    """Where this block's "/static/" points, or None (blocks of the SDK's own scenarios)."""
    prefix = str(block.scope_ids.usage_id).split(".", 1)[0]
    folder = course_scenarios.COURSE_OF_USAGE_PREFIX.get(prefix)
    if folder:
        return reverse("course_static", args=(folder, ""))
    block_type = block.scope_ids.block_type
    if block_type in OUR_BLOCKS:
        return reverse("package_resource", args=(block_type, "public/practice/"))
    return None


def replace_static(text, base):
    if not base or not text or "/static/" not in text:
        return text
    return _QUOTED_STATIC.sub(lambda match: f"{match['quote']}{base}{match['rest']}{match['quote']}", text)


class ReplaceUrlsService:
    """Set as the workbench's `replace_urls` service; called with a block (i18n.install), as in the LMS."""

    runtime = None

    def __call__(self, block):
        return BlockReplaceUrls(files_base(block))


class BlockReplaceUrls:
    def __init__(self, base):
        self.base = base

    def replace_urls(self, text, static_replace_only=False):
        return replace_static(text, self.base)


def install():
    """Rewrite every rendered fragment's /static/ URLs, as the LMS's fragment wrapper does."""
    from workbench.runtime import WorkbenchRuntime
    original = WorkbenchRuntime.render
    if getattr(original, "replaces_static_urls", False):
        return

    def render(self, block, view_name, context=None):
        fragment = original(self, block, view_name, context)
        fragment.content = replace_static(fragment.content, files_base(block))
        return fragment

    render.replaces_static_urls = True
    WorkbenchRuntime.render = render


def course_static(request, folder, name):
    """A file of courses/<folder>/static/ (safe_join in `serve` refuses paths out of it)."""
    courses = {path.name: path for path in find_courses(course_scenarios.courses_dir())}
    if folder not in courses:
        raise Http404
    return serve(request, name, document_root=str(courses[folder] / "static"))
