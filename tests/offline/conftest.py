"""Fixtures of the offline pack's tests: the pack built once per session, and pages opened from file://.

The pack's layout (noturiba.offline.site):
    <dist>/<course>/index.html            Latvian start page; <dist>/<course>/<lang>/index.html for ru, uk, en
    <dist>/<course>/<unit>.html           one page per unit (vertical url_name); <lang>/<unit>.html likewise
    <dist>/<course>/pack.json             what was built: units, activities (page per language), left out
    <dist>/kolibri/<course>/<activity>.zip, <dist>/scorm/<course>.zip
"""

import json
from pathlib import Path

import pytest

from tests.conftest import watched_page

ROOT = Path(__file__).resolve().parents[2]
COURSES = ROOT / "courses"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def offline_pack(tmp_path_factory):
    """The dist folder (Path) with every course of courses/ built, in every language."""
    from noturiba.courses.validate import find_courses
    from noturiba.offline.site import build_pack
    out = tmp_path_factory.mktemp("offline") / "offline"
    build_pack(out, find_courses(COURSES))
    return out


def pack_index(pack, course):
    """The course's pack.json: {"course", "title", "languages", "units": [...], "activities": [...],
    "left_out": [...]}; each activity {"kind", "url_name", "display_name", "unit", "island",
    "pages": {lang: path relative to the course folder}}."""
    return json.loads((Path(pack) / course / "pack.json").read_text(encoding="utf-8"))


def pack_activities(pack, kind=None):
    """[(course, activity dict)] of every included activity in the pack (of `kind` if given), in course order."""
    found = []
    for index_file in sorted(Path(pack).glob("*/pack.json")):
        index = json.loads(index_file.read_text(encoding="utf-8"))
        found += [(index["course"], activity) for activity in index["activities"]
                  if kind is None or activity["kind"] == kind]
    return found


def activity_page(pack, course, activity, lang="lv"):
    """The file Path of the page holding `activity` (a dict of pack_activities) in `lang`."""
    return Path(pack) / course / activity["pages"][lang]


def axe_violations(page, selector=".noturiba-offline-activity", exclude=()):
    """axe-core's WCAG 2.1 A/AA violations inside the elements matching `selector` (minus `exclude`).

    Use this one, not tests/browser's, on pack pages: their Content-Security-Policy refuses inline
    scripts (add_script_tag(path=...) is one), so axe comes in as a file:// script, which it allows."""
    page.add_script_tag(url=AXE.as_uri())
    return page.evaluate("""async ([selector, exclude]) => {
        const context = {include: [[selector]], exclude: exclude.map(s => [s])};
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
        const r = await axe.run(context, {runOnly: {type: 'tag', values: tags}});
        return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}));
    }""", [selector, list(exclude)])


@pytest.fixture
def file_page(browser):
    """open(path, *, init_script=None, goto=True, **context_args) -> a Page showing `path` from file://.

    Every request that is not file:// is aborted and its URL appended to `page.blocked` (assert it stays
    empty); script errors go to `page.js_errors`. `init_script` (JS text, or a Path of a JS file) runs
    before every page's own scripts, e.g. to put a SCORM API on window. Contexts close after the test.
    The pages' CSP holds (no inline script): run axe with this module's axe_violations.
    """
    contexts = []

    def open_page(path, *, init_script=None, goto=True, **context_args):
        context = browser.new_context(**{"viewport": {"width": 1024, "height": 800}, **context_args})
        contexts.append(context)
        blocked = []

        def route(request_route):
            url = request_route.request.url
            if url.startswith("file:"):
                request_route.continue_()
            else:
                blocked.append(url)
                request_route.abort()

        context.route("**/*", route)
        if isinstance(init_script, Path):
            context.add_init_script(path=str(init_script))
        elif init_script:
            context.add_init_script(init_script)
        page = watched_page(context)
        page.blocked = blocked
        if goto:
            page.goto(Path(path).resolve().as_uri())
        return page

    yield open_page
    for context in contexts:
        context.close()
