"""Issue 14, what a resident sees: errors at their question, numbered order items, one size text, one
percent format, dates in one chip, no keyboard hints on touch screens, a counted survey limit, and
touch targets of at least 44 x 44 px in every learner view at 360 px and 1280 px."""

import re

import pytest
from workbench import scenarios as wb_scenarios

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

PRACTICE = "civicquiz.3"   # 04-practice-every-type.xml
SURVEY = "civicquiz.2"     # 03-trust-survey.xml


def open_view(page, workbench, scenario, student=None):
    query = f"?student={student}" if student else ""
    page.goto(f"{workbench}/scenario/{scenario}/student_view/{query}")
    page.locator(".noturiba").first.wait_for()


def settle(page):
    page.wait_for_timeout(700)
    page.wait_for_load_state("networkidle")


def test_an_error_sits_at_its_question_and_takes_the_focus_on_a_phone(workbench, phone):
    open_view(phone, workbench, PRACTICE)
    first = phone.locator("[data-question]").first
    first.locator("[data-check]").tap()
    error = first.locator("[data-question-error]")
    error.wait_for(state="visible")
    assert phone.evaluate("document.activeElement.hasAttribute('data-question-error')")
    assert phone.evaluate("document.activeElement.closest('[data-question]')") is not None
    check = first.locator("[data-check]").bounding_box()
    shown = error.bounding_box()
    assert abs(shown["y"] - check["y"]) < 200, (shown, check)  # beside its Check button, not pages below
    assert phone.locator(".nt-civicquiz > [data-error]").is_hidden()
    assert axe_violations(phone) == []
    # Answering and checking again clears it.
    first.locator(".nt-choices label").first.tap()
    with phone.expect_response(lambda response: "/check/" in response.url):
        first.locator("[data-check]").tap()
    assert error.is_hidden()
    settle(phone)


def test_order_items_are_numbered_compact_and_their_buttons_name_the_item(workbench, phone):
    open_view(phone, workbench, PRACTICE)
    order = phone.locator("[data-question='siren']")
    items = order.locator("[data-item]")
    assert order.locator(".nt-order-pos").all_inner_texts() == ["1.", "2.", "3."]
    for index in range(items.count()):
        item = items.nth(index)
        label = item.locator(".nt-order-label").inner_text().strip()
        for button in (item.locator("[data-move='up']"), item.locator("[data-move='down']")):
            name = button.evaluate("(b) => b.textContent.replace(/\\s+/g, ' ').trim()")
            assert name.endswith(label), name
            inside = item.bounding_box()
            box = button.bounding_box()
            assert inside["y"] <= box["y"] and box["y"] + box["height"] <= inside["y"] + inside["height"] + 1
        assert item.bounding_box()["height"] <= 130, item.bounding_box()
    moved = items.nth(2).locator(".nt-order-label").inner_text()
    items.nth(2).locator("[data-move='up']").tap()
    assert order.locator(".nt-order-pos").all_inner_texts() == ["1.", "2.", "3."]
    assert items.nth(1).locator(".nt-order-label").inner_text() == moved
    settle(phone)


def test_a_checklist_item_shows_its_size_once(workbench, page):
    open_view(page, workbench, "course-gatavs-krizei-kri-v4-drill")  # both first choices lead to the checklist
    page.locator(".nt-crisisdrill .nt-cd-choice").first.click()
    page.locator(".nt-cd-checklist").wait_for()
    labels = page.locator(".nt-cd-option label").all_inner_texts()
    assert labels
    for label in labels:
        assert len(re.findall(r"\(\d+", label)) == 1, label
    settle(page)


def test_a_latvian_date_is_one_markable_chip(workbench, page):
    open_view(page, workbench, "mediacheck.2")  # 03-survey.xml: "... kopš 1997. gada"
    chips = page.locator(".nt-seg").all_inner_texts()
    assert "1997.\u00a0gada" in chips, chips
    assert "1997." not in chips


PERCENT = re.compile(r"\d\s*%")


def percents(page):
    return PERCENT.findall(page.locator(".noturiba").first.inner_text())


def test_every_percentage_is_written_one_way(workbench, page):
    """A number, a no-break space, "%": in civicquiz, crisisdrill and mediacheck alike."""
    open_view(page, workbench, "civicquiz.0")
    seen = []
    question = page.locator("[data-question]").first
    question.locator(".nt-choices input, .nt-scale input").first.check()
    if page.locator("[data-check]").count():
        page.locator("[data-check]").first.click()
        question.locator(".nt-feedback").wait_for(state="visible")
    else:
        page.locator("[data-submit]").click()
        if page.locator("[data-confirm-yes]").count():
            page.locator("[data-confirm-yes]").click()
        page.locator("[data-result]").wait_for(state="visible")
    seen += percents(page)
    settle(page)
    open_view(page, workbench, "mediacheck.1")  # assessment with confidence: "How sure are you? (50 % ...)"
    seen += percents(page)
    open_view(page, workbench, "crisisdrill.2")
    page.locator(".nt-crisisdrill .nt-cd-choice", has_text="vienojos ar pašvaldību").click()
    page.locator(".nt-cd-checklist").wait_for()
    page.locator(".nt-cd-checklist button[type=submit]").click()
    page.locator(".nt-crisisdrill [data-feedback]").get_by_text("%").first.wait_for()
    seen += percents(page)
    assert len(seen) >= 3, seen
    assert all(found.endswith("\u00a0%") and found.count("\u00a0") == 1 for found in seen), seen
    settle(page)


def test_no_keyboard_hint_on_a_touch_screen(workbench, phone, page):
    open_view(phone, workbench, "mediacheck.0")
    howto = phone.locator(".nt-mc-howto")
    assert "Tab" not in howto.inner_text() and "Enter" not in howto.inner_text()
    open_view(page, workbench, "mediacheck.0")
    assert "Tab" in page.locator(".nt-mc-howto").inner_text()  # a mouse and keyboard: the hint is there


def test_a_written_survey_answer_counts_down_and_is_never_cut(workbench, page):
    open_view(page, workbench, SURVEY, student="long-writer")
    question = page.locator("[data-question][data-type='text']")
    counter = question.locator("[data-count]")
    assert counter.get_attribute("aria-live") == "polite"
    page.wait_for_function("(el) => el.textContent.includes('2000')", arg=counter.element_handle())
    area = question.locator("textarea")
    area.fill("ā" * 1990)
    page.wait_for_function("(el) => el.textContent.includes('10') && !el.textContent.includes('2000')",
                           arg=counter.element_handle())
    area.fill("ā" * 2005)
    assert len(area.input_value()) == 2005  # nothing cut
    page.wait_for_function("(el) => el.textContent.includes('5')", arg=counter.element_handle())
    sent = []
    page.on("request", lambda request: sent.append(request.url) if "/submit/" in request.url else None)
    page.locator("[data-submit]").click()
    error = question.locator("[data-question-error]")
    error.wait_for(state="visible")
    assert "2000" in error.inner_text() and "5" in error.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-question-error')")
    assert sent == []
    assert axe_violations(page) == []


def small_targets(page):
    """Visible controls smaller than 44 x 44 px; a radio or checkbox counts with its label, a word of
    a mediacheck text only by height and a link inside a sentence not at all (WCAG 2.5.8 "inline")."""
    return page.evaluate("""() => {
        const union = (a, b) => {
            const left = Math.min(a.left, b.left), top = Math.min(a.top, b.top);
            return {width: Math.max(a.right, b.right) - left, height: Math.max(a.bottom, b.bottom) - top};
        };
        const found = [];
        const controls = document.querySelectorAll(
            '.noturiba :is(button, input, select, textarea, a[href], summary)');
        for (const el of controls) {
            const style = getComputedStyle(el);
            if (el.closest('[hidden]') || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
            if (el.closest('.nt-visually-hidden')) continue;
            let box = el.getBoundingClientRect();
            if ((el.type === 'radio' || el.type === 'checkbox') && el.labels && el.labels[0]) {
                let wrap = el.closest('.nt-choice, .nt-scale-point, .nt-cd-option, .nt-mc-option') || el.labels[0];
                box = union(el.getBoundingClientRect(), wrap.getBoundingClientRect());
            }
            // WCAG 2.5.8 "inline": a word of a mediacheck text (its width is the word's), a link in a sentence.
            const inline = el.classList.contains('nt-seg');
            if (el.tagName === 'A' && el.closest('p')) continue;
            if (box.height < 44 - 0.5 || (!inline && box.width < 44 - 0.5)) {
                const text = (el.innerText || el.value || '').slice(0, 30);
                found.push(`${el.tagName.toLowerCase()}.${el.className} "${text}"`
                           + ` ${Math.round(box.width)}x${Math.round(box.height)}`);
            }
        }
        return found;
    }""")


@pytest.mark.parametrize("width", [360, 1280])
def test_every_control_is_a_comfortable_touch_target(workbench, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        problems = {}
        for scenario in [key for key in wb_scenarios.SCENARIOS
                         if key.split(".")[0] in ("mediacheck", "crisisdrill", "civicquiz")]:
            open_view(page, workbench, scenario)
            small = small_targets(page)
            for _ in range(4):  # a drill's next situations: checklists and order tasks have controls of their own
                if not scenario.startswith("crisisdrill") or not page.locator(".nt-cd-choice").count():
                    break
                with page.expect_response(lambda response: "/choose/" in response.url):
                    page.locator(".nt-cd-choice").first.click()
                page.locator(".nt-crisisdrill [data-heading]").wait_for()
                small += small_targets(page)
            if small:
                problems[scenario] = small
        assert problems == {}, describe(problems)
        assert axe_violations(page) == []
    finally:
        context.close()
