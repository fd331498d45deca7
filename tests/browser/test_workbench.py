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
    assert "XML" in error.inner_text()
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
