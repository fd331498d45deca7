"""The offline site in Chromium from file:// with the network blocked: start page, keyboard, languages,
progress kept in the browser, axe-clean, and not one request leaving the pack."""

import pytest

from noturiba.messages import PluralMessage
from noturiba.offline.catalog import translator
from tests.browser.conftest import describe

from .conftest import activity_page, axe_violations, pack_activities, pack_index

pytestmark = pytest.mark.browser

COURSE = "gatavs-krizei"


def violations(page, exclude=()):
    """axe-core's WCAG 2.1 A/AA violations on the whole page (minus `exclude` selectors)."""
    return axe_violations(page, "html", exclude)


def done_text(lang, done, count):
    """The progress line as the Python catalogs say it (the JS catalog must say the same)."""
    return translator(lang).render(PluralMessage("{done} of {count} activity done", "{done} of {count} activities done",
                                                 count, done=done))


def status_text(lang, score):
    return translator(lang).gettext("Done before; your best score here: {score}.").format(score=score)


def first_activity(pack, course=COURSE):
    return next(activity for name, activity in pack_activities(pack) if name == course)


def test_start_page_opens_from_a_file_and_asks_for_nothing(offline_pack, file_page):
    index = pack_index(offline_pack, COURSE)
    page = file_page(offline_pack / COURSE / "index.html")
    assert page.locator("h1").inner_text() == index["title"]
    assert page.locator("html").get_attribute("lang") == "lv"
    count = len(index["activities"])
    assert page.locator("[data-offline-progress]").inner_text() == done_text("lv", 0, count)
    left_out = page.locator(".nt-offline-left-out-list li")
    assert left_out.count() == len(index["left_out"])
    assert index["left_out"][0]["display_name"] in left_out.first.inner_text()
    assert violations(page) == [], describe(violations(page))
    assert page.blocked == [] and page.js_errors == []


def focus_by_tab(page, selector, limit=200):
    """Press Tab until the element matching `selector` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_alone_goes_from_contents_to_a_unit_and_on(offline_pack, file_page):
    index = pack_index(offline_pack, COURSE)
    first, second = index["units"][0], index["units"][1]
    page = file_page(offline_pack / COURSE / "index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "nt-offline-skip"
    focus_by_tab(page, f'.nt-offline-contents a[href="{first["pages"]["lv"]}"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/" + first["pages"]["lv"])
    assert page.locator("h1").inner_text() == first["title"]
    focus_by_tab(page, "a[rel=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/" + second["pages"]["lv"])
    assert page.blocked == [] and page.js_errors == []


def test_language_switch_keeps_the_place(offline_pack, file_page):
    unit = pack_index(offline_pack, COURSE)["units"][2]
    page = file_page(offline_pack / COURSE / unit["pages"]["lv"])
    focus_by_tab(page, '.nt-offline-languages a[hreflang="ru"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/" + unit["pages"]["ru"])
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").get_attribute("lang") == "lv"  # the course text itself is Latvian
    assert page.locator('.nt-offline-languages a[aria-current="page"]').get_attribute("hreflang") == "ru"
    page.locator('.nt-offline-languages a[hreflang="lv"]').click()
    page.wait_for_url("**/" + unit["pages"]["lv"])
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.blocked == [] and page.js_errors == []


def test_progress_stays_after_reload_and_in_every_language(offline_pack, file_page):
    index = pack_index(offline_pack, COURSE)
    activity = first_activity(offline_pack)
    page = file_page(activity_page(offline_pack, COURSE, activity))
    page.wait_for_function("window.NoturibaOffline && NoturibaOffline.activities.length > 0")
    ui = f"NoturibaOffline.activities.find(a => a.element.dataset.activity === '{activity['url_name']}').ui"
    page.evaluate(f"{ui}.save({{step: 3}})")
    page.evaluate(f"{ui}.finish(0.5)")
    page.reload()
    page.wait_for_function("window.NoturibaOffline && NoturibaOffline.activities.length > 0")
    assert page.evaluate(f"{ui}.load()") == {"step": 3}
    status = page.locator(".nt-offline-status").first
    assert status.inner_text() == status_text("lv", "50\u00a0%")
    page.evaluate(f"{ui}.finish(0.25)")  # a worse try keeps the best
    assert status.inner_text() == status_text("lv", "50\u00a0%")
    total = len(index["activities"])
    for lang, start in (("lv", "index.html"), ("ru", "ru/index.html"), ("en", "en/index.html")):
        page.goto((offline_pack / COURSE / start).as_uri())
        assert page.locator("[data-offline-progress]").inner_text() == done_text(lang, 1, total)
        unit_status = page.locator(f'[data-offline-activities~="{activity["url_name"]}"]')
        assert "nt-offline-all-done" in unit_status.get_attribute("class").split() or \
            len(unit_status.get_attribute("data-offline-activities").split()) > 1
    assert page.blocked == [] and page.js_errors == []


def test_unit_pages_are_axe_clean(offline_pack, file_page):
    index = pack_index(offline_pack, COURSE)
    activity = first_activity(offline_pack)
    text_unit = next(u for u in index["units"] if u["url_name"] not in {a["unit"] for a in index["activities"]})
    for lang in ("lv", "ru"):
        page = file_page(offline_pack / COURSE / text_unit["pages"][lang])
        assert violations(page) == [], describe(violations(page))
        # The page around an activity (each player's own tests check the player itself).
        page.goto((offline_pack / COURSE / activity["pages"][lang]).as_uri())
        found = violations(page, exclude=[".noturiba-offline-activity"])
        assert found == [], describe(found)
        assert page.blocked == [] and page.js_errors == []


def test_a_remote_image_in_a_page_would_be_caught(offline_pack, file_page, tmp_path):
    """The network guard itself: a page that asks for a remote file is seen asking."""
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><html lang="lv"><title>x</title><img src="https://cdn.example/x.png" alt="x">')
    page = file_page(probe)
    page.wait_for_load_state("load")
    assert page.blocked == ["https://cdn.example/x.png"]
