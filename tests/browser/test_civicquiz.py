"""civicquiz in Chromium: every question type by keyboard alone, feedback spoken, axe-clean, 360 px wide."""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

PRACTICE = "civicquiz.3"   # 04-practice-every-type.xml
SURVEY = "civicquiz.2"     # 03-trust-survey.xml


def question(page, question_id):
    return page.locator(f"[data-question='{question_id}']")


def press(locator, key):
    locator.focus()
    locator.page.keyboard.press(key)


def check_and_hear(page, question_id):
    fieldset = question(page, question_id)
    with page.expect_response(lambda response: "/check/" in response.url) as response:
        press(fieldset.locator("[data-check]"), "Enter")
    assert response.value.ok
    expected = response.value.json()["feedback"]["verdict"]
    page.wait_for_function("([id, verdict]) => document.querySelector(`[data-question='${id}']`)"
                           ".classList.contains('nt-is-' + verdict)", arg=[question_id, expected])
    feedback = fieldset.locator(".nt-feedback")
    feedback.wait_for(state="visible")
    verdict = feedback.locator(".nt-verdict").inner_text()
    page.wait_for_function("(text) => document.querySelector('[data-live]').textContent.includes(text)", arg=verdict)
    return fieldset.get_attribute("class")


def settle(page):
    """Let the debounced draft saves (500 ms) finish before the test's database goes away."""
    page.wait_for_timeout(700)
    page.wait_for_load_state("networkidle")


def put_in_order(page, question_id, wanted):
    fieldset = question(page, question_id)
    for target, item_id in enumerate(wanted):
        while True:
            current = fieldset.locator("[data-item]").evaluate_all("(items) => items.map(i => i.dataset.item)")
            if current.index(item_id) == target:
                break
            press(fieldset.locator(f"[data-item='{item_id}'] [data-move='up']"), "Enter")
    # Focus stays on the moved item's button, so a keyboard user can keep moving it.
    assert page.evaluate("document.activeElement.dataset.move") == "up"


def match(page, question_id, pairs):
    fieldset = question(page, question_id)
    for left, right_text in pairs.items():
        select = fieldset.locator(f"select[data-left='{left}']")
        labels = select.locator("option").all_inner_texts()
        select.focus()
        for _ in range(labels.index(right_text)):
            page.keyboard.press("ArrowDown")
        assert select.evaluate("(s) => s.options[s.selectedIndex].text") == right_text


def test_practice_every_type_by_keyboard_with_spoken_feedback(workbench, page):
    page.goto(f"{workbench}/scenario/{PRACTICE}/student_view/")
    page.locator(".nt-civicquiz").wait_for()
    press(page.locator("[data-question='saeima-size'] input[value='a']"), "Space")
    assert "nt-is-wrong" in check_and_hear(page, "saeima-size")
    assert question(page, "saeima-size").locator(".nt-explanation").inner_text().startswith("Satversmes 5. pants")
    press(page.locator("[data-question='saeima-size'] input[value='b']"), "Space")
    assert "nt-is-right" in check_and_hear(page, "saeima-size")
    for option in ("n110", "n113", "n114"):
        press(page.locator(f"[data-question='direct-numbers'] input[value='{option}']"), "Space")
    assert "nt-is-right" in check_and_hear(page, "direct-numbers")
    press(page.locator("[data-question='surrender'] input[value='true']"), "Space")
    assert "nt-is-right" in check_and_hear(page, "surrender")
    page.locator("[data-question='hours'] [data-number]").focus()
    page.keyboard.type("72")
    assert "nt-is-right" in check_and_hear(page, "hours")
    put_in_order(page, "siren", ["hear", "tune", "act"])
    assert "nt-is-right" in check_and_hear(page, "siren")
    match(page, "numbers", {"p110": "Valsts policija", "p113": "Neatliekamā medicīniskā palīdzība",
                            "p114": "Gāzes avārijas dienests"})
    assert "nt-is-right" in check_and_hear(page, "numbers")
    assert page.js_errors == [], page.js_errors
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    # Progress survives a reload: the feedback of checked questions is shown again.
    settle(page)
    page.reload()
    page.locator("[data-question='numbers'] .nt-feedback").wait_for(state="visible")
    assert page.locator(".nt-is-right").count() == 6
    settle(page)


def test_survey_by_keyboard_then_thanks(workbench, page):
    page.goto(f"{workbench}/scenario/{SURVEY}/student_view/?student=keyboard-voter")
    page.locator(".nt-civicquiz").wait_for()
    press(page.locator("[data-question='trust'] input[value='4']"), "Space")
    press(page.locator("[data-question='visits'] input[value='monthly']"), "Space")
    press(page.locator("[data-question='crisis-info'] input[value='library']"), "Space")
    page.locator("[data-question='wish'] textarea").focus()
    page.keyboard.type("Vairāk praktisku nodarbību.")
    press(page.locator("[data-submit]"), "Enter")
    result = page.locator("[data-result]")
    result.wait_for(state="visible")
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert "data-result" in focused, focused
    assert "5" in result.inner_text()  # fewer than min_group answered: no distribution yet
    assert page.js_errors == []
    assert axe_violations(page) == []
    settle(page)


@pytest.mark.parametrize("scenario", ["civicquiz.0", "civicquiz.1", SURVEY, PRACTICE])
def test_phones_360_px_wide_need_no_horizontal_scroll(workbench, browser, scenario):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{workbench}/scenario/{scenario}/student_view/")
        page.locator(".nt-civicquiz").wait_for()
        overflow = page.evaluate("""() => Array.from(document.querySelectorAll('.nt-civicquiz *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length""")
        assert overflow == 0
    finally:
        context.close()
