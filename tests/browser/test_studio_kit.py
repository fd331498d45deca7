"""The kit's Studio form (xblocks/noturiba/public/studio.js) in all three editors, in Chromium: one number rule,
problems that say what they are in words, and one reading of pasted HTML."""

import pytest

pytestmark = pytest.mark.browser

EDITORS = {"crisisdrill": ".nt-cd-studio", "civicquiz": ".nt-cq-studio", "mediacheck": ".nt-mc-studio"}


def open_studio(page, workbench, block):
    page.goto(f"{workbench}/scenario/{block}.0/studio_view/?lang=en")
    page.locator(EDITORS[block]).wait_for()
    page.locator(f"{EDITORS[block]} [data-problems] > *").first.wait_for()


def test_a_decimal_comma_is_a_number_in_the_form(workbench, page):
    """A type=number field gives "" for "1,5" in Chromium, so the points silently became 0."""
    open_studio(page, workbench, "crisisdrill")
    studio = page.locator(EDITORS["crisisdrill"])
    studio.locator("[data-nodes] > li summary").first.click()
    points = studio.locator("[data-nodes] > li").first.get_by_label("Points").first
    points.fill("1,5")
    page.locator("[role=tab][data-view=olx]").click()
    page.wait_for_function("document.querySelector('textarea[name=olx]').value.includes('points=\"1.5\"')")
    assert page.js_errors == []


def test_a_problem_is_named_an_error_in_words_in_every_editor(workbench, page):
    """Colour alone told errors from warnings in crisisdrill and civicquiz (WCAG 1.4.1)."""
    open_studio(page, workbench, "crisisdrill")
    studio = page.locator(EDITORS["crisisdrill"])
    studio.locator("[data-add-node]").click()  # a new step nothing leads to: an error
    studio.locator(".nt-cd-problem").first.wait_for()
    assert studio.locator(".nt-cd-problem").first.inner_text().startswith("Error: ")
    open_studio(page, workbench, "civicquiz")
    studio = page.locator(EDITORS["civicquiz"])
    studio.locator("[data-settings] input").nth(0).fill("9")  # more questions drawn than the bank has
    studio.locator(".nt-cq-problem").first.wait_for()
    assert studio.locator(".nt-cq-problem").first.inner_text().startswith("Error: ")
    assert page.js_errors == []


def test_pasted_html_that_is_no_xml_keeps_its_text_in_the_previews(workbench, page):
    """mediacheck's preview read markup as XML and showed nothing for a paste with <br> or a bare &."""
    open_studio(page, workbench, "mediacheck")
    pasted = "<p>Plūdi & ūdens<br>līmenis<p>Otrā rindkopa"
    assert page.evaluate("t => NoturibaKit.dom.text(t)", pasted) == "Plūdi & ūdens līmenis Otrā rindkopa"
    assert page.evaluate("t => MediacheckStudioText.textOf(t)", pasted) == "Plūdi & ūdens līmenis Otrā rindkopa"
    assert page.evaluate("t => NoturibaKit.dom.text(t)", "<img src=x onerror=alert(1)>A") == "A"
    assert page.js_errors == []
