"""Every block in a real browser: renders in Latvian (or Russian), keyboard-operable, axe-clean."""

import pytest
from workbench import scenarios as wb_scenarios

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser



@pytest.mark.parametrize("block_type", ["mediacheck", "crisisdrill", "civicquiz"])
def test_index_lists_the_block_and_every_scenario_renders_clean(workbench, page, block_type):
    page.goto(workbench + "/")
    ids = [key for key in wb_scenarios.SCENARIOS if key.startswith(block_type + ".")]
    assert ids, f"no workbench scenario for {block_type}"
    for scenario_id in ids:
        page.goto(f"{workbench}/scenario/{scenario_id}/student_view/")
        block = page.locator(".noturiba").first
        block.wait_for()
        assert page.js_errors == [], page.js_errors
        violations = axe_violations(page)
        assert violations == [], f"{scenario_id}: {describe(violations)}"


@pytest.mark.parametrize("block_type", ["mediacheck", "crisisdrill", "civicquiz"])
def test_studio_editor_works_by_keyboard_and_speaks_the_chosen_language(workbench, page, block_type):
    scenario_id = f"{block_type}.0"
    page.goto(f"{workbench}/scenario/{scenario_id}/studio_view/?lang=ru")
    page.locator(".nt-olx-editor").wait_for()
    assert page.get_by_role("button", name="Сохранить").is_visible()
    page.goto(f"{workbench}/scenario/{scenario_id}/studio_view/?lang=lv")
    editor = page.locator(".nt-olx-editor")
    editor.wait_for()
    page.locator("[role=tab][data-view=olx]").focus()  # the form and the OLX are two views of one editor
    page.keyboard.press("Enter")
    page.locator("textarea[name=olx]").wait_for()
    assert axe_violations(page, ".noturiba") == []
    page.locator("input[name=display_name]").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "olx"
    page.keyboard.press("Control+End")
    page.keyboard.type("<broken")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    error = page.locator(".nt-error")
    error.wait_for(state="visible")
    assert "rinda: Aiz saknes elementa beigu taga vēl ir saturs" in error.inner_text()  # line, then why
    assert page.evaluate("document.activeElement.classList.contains('nt-error')")
    page.locator("textarea[name=olx]").focus()
    page.keyboard.press("Control+End")
    for _ in range(len("<broken")):
        page.keyboard.press("Backspace")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    assert error.is_hidden()
    assert page.js_errors == []


# The start page, course files and each block's own catalog (issue 14, points 4, 6, 7).

def _course_units_in_course_order():
    from noturiba.courses.layout import load_course
    from noturiba.courses.validate import find_courses
    from workbench_site.course_scenarios import SCENARIO_TYPES, courses_dir
    courses = []
    for course_dir in find_courses(courses_dir()):
        course = load_course(course_dir)
        units = [vertical for vertical in course.verticals()
                 if any(child.kind in SCENARIO_TYPES for child in vertical.children)]  # ORA units too
        chapters = []
        for vertical in units:
            title = vertical.parent.parent.title
            if title not in chapters:
                chapters.append(title)
        courses.append((course.folder, [f"course-{course.folder}-{vertical.url_name}" for vertical in units], chapters))
    return courses


def test_start_page_is_latvian_lists_the_courses_in_course_order_then_the_block_demos(workbench, page):
    page.goto(workbench + "/")
    assert page.evaluate("document.documentElement.lang") == "lv"
    assert page.title() == "Noturība: mācību bloku darbgalds"
    for role in ("banner", "navigation", "main", "contentinfo"):
        assert page.get_by_role(role).count() == 1, role
    assert page.locator("h1").inner_text() == "Noturība: kursi un mācību bloki"
    links = page.locator("main a[data-scenario]").evaluate_all("links => links.map(a => a.dataset.scenario)")
    expected = _course_units_in_course_order()
    course_links = [link for link in links if link.startswith("course-")]
    assert course_links == [unit for _folder, units, _chapters in expected for unit in units]
    assert links[:len(course_links)] == course_links  # the courses first, then the blocks' demos
    for folder, units, chapters in expected:
        section = page.locator(f"section[data-course='{folder}']")
        assert section.locator("a").first.get_attribute("data-scenario") == units[0]
        assert section.locator("h4").all_inner_texts() == chapters
    demos = links[len(course_links):]
    assert [demo.split(".")[0] for demo in demos] == sorted(
        (demo.split(".")[0] for demo in demos), key=["mediacheck", "crisisdrill", "civicquiz"].index)
    assert {demo.split(".")[0] for demo in demos} == {"mediacheck", "crisisdrill", "civicquiz"}
    assert {demo for demo in wb_scenarios.SCENARIOS if demo.split(".")[0] in ("mediacheck", "crisisdrill",
                                                                            "civicquiz")} == set(demos)
    modes = page.locator("[data-block=crisisdrill] [data-mode]").evaluate_all("s => s.map(e => e.dataset.mode)")
    assert modes == sorted(modes, key=["practice", "assessment", "survey"].index)
    assert "XBlock scenarios" not in page.content()
    assert page.locator("a[href*='_demo'], a[href*='/scenario/thumbs'], a[href*='/scenario/problem']").count() == 0
    violations = axe_violations(page, "html")
    assert violations == [], describe(violations)
    page.get_by_role("navigation").get_by_role("link", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.locator("h1").inner_text() == "Noturība: courses and learning blocks"
    assert page.locator("h3[lang=lv]").first.is_visible()  # course titles keep their language
    page.goto(workbench + "/")  # remembered
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("link", name="Latviešu").click()
    page.wait_for_function("document.documentElement.lang === 'lv'")


def _broken_resources(page, url):
    bad = []
    page.on("response", lambda response: bad.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.on("requestfailed", lambda request: bad.append(f"failed {request.url}"))
    page.goto(url, wait_until="load")
    # Lazy images below the fold are not fetched by themselves: ask for each one.
    bad += page.evaluate("""async () => {
        const out = [];
        for (const img of document.images) {
            try { const r = await fetch(img.currentSrc || img.src); if (!r.ok) out.push(r.status + ' ' + img.src); }
            catch (e) { out.push('failed ' + img.src); }
        }
        return out;
    }""")
    return bad


def test_no_resource_of_any_scenario_or_course_unit_is_missing(workbench, browser):
    ids = [key for key in wb_scenarios.SCENARIOS
           if key.startswith(("course-", "mediacheck.", "crisisdrill.", "civicquiz."))]
    assert any(key.startswith("course-medijpratiba-ikdiena") for key in ids)
    missing = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        for scenario_id in ids:
            page = context.new_page()
            bad = _broken_resources(page, f"{workbench}/scenario/{scenario_id}/")
            if bad:
                missing[scenario_id] = bad
            page.close()
    finally:
        context.close()
    assert missing == {}


def test_practice_images_show_in_the_block_scenarios_with_alt_text(workbench, page):
    page.goto(f"{workbench}/scenario/mediacheck.0/")
    image = page.locator(".noturiba img").first
    image.wait_for(state="attached")
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.get_attribute("alt")
    assert "izdomāts" in page.locator(".noturiba").inner_text().lower()  # labelled as practice material


def test_each_block_reads_its_own_catalog_in_the_workbench(workbench, page):
    from django.utils import translation
    from workbench.runtime import WorkbenchRuntime
    runtime = WorkbenchRuntime("catalog-check")
    own = {"civicquiz": "Nepatiesi", "mediacheck": "Nepatiess"}  # each block's own "False"
    with translation.override("lv"):
        for block_type, text in own.items():
            block = runtime.get_block(wb_scenarios.SCENARIOS[f"{block_type}.0"].usage_id)
            assert runtime.service(block, "i18n").gettext("False") == text, block_type
    scenario_id = next(key for key, scenario in wb_scenarios.SCENARIOS.items()
                       if key.startswith("civicquiz.") and 'type="truefalse"' in scenario.xml)
    page.goto(f"{workbench}/scenario/{scenario_id}/?lang=lv")
    page.locator(".noturiba").first.wait_for()
    labels = page.locator(".noturiba label[for$='-true'], .noturiba label[for$='-false']").all_inner_texts()
    assert labels[:2] == ["Patiesi", "Nepatiesi"]
