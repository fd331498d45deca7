"""mediacheck in Chromium: a 3-item assessment by keyboard alone, practice feedback announced, 360 px, axe."""

import pytest
from workbench import scenarios as wb_scenarios

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser


def scenario_url(workbench, title_part):
    key = next(key for key, scenario in wb_scenarios.SCENARIOS.items()
               if key.startswith("mediacheck.") and title_part in scenario.description)
    return f"{workbench}/scenario/{key}/student_view/?lang=lv"


def tab_to(page, predicate, limit=60):
    """Press Tab until the focused element satisfies the JS `predicate(el)`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def pick_verdict(page, item, verdict):
    tab_to(page, f"el.name && el.name.endsWith('{item}-verdict')")
    page.keyboard.press("Space")
    for _ in range(10):
        if page.evaluate("document.activeElement.value") == verdict:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"verdict {verdict} not reachable")


def mark_flags(page, item, texts):
    """Reach the item's text by Tab, walk its parts with the arrow keys, mark the given ones with Enter."""
    tab_to(page, f"el.classList.contains('nt-seg') && el.closest('[data-item]').dataset.item === '{item}'")
    for _ in range(40):
        text = page.evaluate("document.activeElement.textContent")
        if any(text.startswith(t) for t in texts) and page.evaluate(
                "document.activeElement.getAttribute('aria-pressed')") == "false":
            page.keyboard.press("Enter")
        before = page.evaluate("document.activeElement.dataset.seg")
        page.keyboard.press("ArrowRight")
        if page.evaluate("document.activeElement.dataset.seg") == before:
            return


def test_assessment_by_keyboard_alone_is_announced_and_axe_clean(workbench, page):
    page.goto(scenario_url(workbench, "Pārbaudes darbs"))
    page.locator(".nt-mediacheck").wait_for()
    assert page.locator(".nt-practice-label").first.inner_text().startswith("Mācību materiāls")
    answers = {  # verdict, red flags to mark, how many leads to open (the useful ones come first)
        "surrender-msg": ("false", ["Draugs no ministrijas", "Pārsūti visiem"], 2),
        "kvc-headline": ("accurate", [], 1),
        "water-photo": ("misleading", ["Šodien", "Skrien un pērc"], 2),
    }
    order = page.evaluate("Array.from(document.querySelectorAll('.nt-item')).map(s => s.dataset.item)")
    assert sorted(order) == sorted(answers)
    page.locator(".nt-mc-title").click()  # start from the top of the block, then keyboard only
    for item in order:
        verdict, flags, leads = answers[item]
        if flags:
            mark_flags(page, item, flags)
        for _ in range(leads):
            tab_to(page, f"el.classList.contains('nt-mc-lead') && el.closest('[data-item]').dataset.item === '{item}'"
                   f" && el.getAttribute('aria-expanded') === 'false'")
            page.keyboard.press("Enter")
            page.wait_for_function("document.activeElement.getAttribute('aria-expanded') === 'true'")
        pick_verdict(page, item, verdict)
        tab_to(page, "el.type === 'range'")
        for _ in range(10):
            page.keyboard.press("ArrowRight")
    assert page.evaluate("document.querySelectorAll('.nt-seg[aria-pressed=true]').length") == 4
    assert page.js_errors == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    tab_to(page, "el.classList.contains('nt-mc-submit')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.nt-mediacheck [data-live]').textContent.includes('100')")
    assert page.evaluate("document.activeElement.classList.contains('nt-mc-status')")
    assert page.locator(".nt-mc-feedback:not([hidden])").count() == 3
    assert "Pareizs vērtējums." in page.locator(".nt-mc-feedback").first.inner_text()
    assert page.locator(".nt-mc-print").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.js_errors == []
    page.reload()
    page.locator(".nt-mc-feedback:not([hidden])").first.wait_for()
    assert page.locator(".nt-mc-feedback:not([hidden])").count() == 3


def test_practice_feedback_is_announced_and_focused_then_retry(workbench, page):
    page.goto(scenario_url(workbench, "plūdi"))
    page.locator(".nt-mediacheck").wait_for()
    page.locator(".nt-mc-title").click()
    mark_flags(page, "flood-photo", ["PLŪDI"])
    pick_verdict(page, "flood-photo", "misleading")
    tab_to(page, "el.classList.contains('nt-mc-check')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.nt-mediacheck [data-live]').textContent.includes('Pareizs')")
    live = page.locator(".nt-mediacheck [data-live]").inner_text()
    assert "1 no 2" in live
    assert page.evaluate("document.activeElement.classList.contains('nt-mc-feedback')")
    feedback = page.locator(".nt-mc-feedback").first.inner_text()
    assert "Nepamanīts:" in feedback and "Skaidrojums" in feedback
    assert axe_violations(page) == []
    tab_to(page, "el.classList.contains('nt-mc-retry')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.classList.contains('nt-seg')")
    assert page.locator(".nt-mc-feedback").first.is_hidden()
    assert page.js_errors == []


@pytest.mark.parametrize("title", ["plūdi", "Pārbaudes darbs", "aptauja", "satīra"])
def test_phone_width_has_no_horizontal_scroll(workbench, page, title):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(scenario_url(workbench, title))
    block = page.locator(".nt-mediacheck")
    block.wait_for()
    # The workbench page around the block has wide debug tables of its own: measure the block.
    widths = page.evaluate("""() => { const b = document.querySelector('.nt-mediacheck');
        const right = Math.max(...Array.from(b.querySelectorAll('*')).map(e => e.getBoundingClientRect().right));
        return [b.scrollWidth, b.clientWidth, Math.ceil(right), b.getBoundingClientRect().right]; }""")
    assert widths[0] <= widths[1] and widths[2] <= 360 and widths[3] <= 360, widths
    assert page.js_errors == []
