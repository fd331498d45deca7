"""civicquiz in Chromium: every question type by keyboard alone, feedback spoken, axe-clean, 360 px wide."""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

PRACTICE = "civicquiz.3"   # 04-practice-every-type.xml
SURVEY = "civicquiz.2"     # 03-trust-survey.xml


def question(page, question_id):
    return page.locator(f"[data-question='{question_id}']")


def option(page, question_id, label):
    """A choice by its label: graded quizzes show options as o1, o2, ... in each learner's own order."""
    return question(page, question_id).get_by_label(label, exact=True)


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
    press(option(page, "saeima-size", "50"), "Space")
    assert "nt-is-wrong" in check_and_hear(page, "saeima-size")
    assert question(page, "saeima-size").locator(".nt-explanation").inner_text().startswith("Satversmes 5. pants")
    press(option(page, "saeima-size", "100"), "Space")
    assert "nt-is-right" in check_and_hear(page, "saeima-size")
    for label in ("110", "113", "114"):
        press(option(page, "direct-numbers", label), "Space")
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
            .filter(e => !e.closest('.nt-visually-hidden'))  // clipped to 1 px: drawn nowhere
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length""")
        assert overflow == 0
    finally:
        context.close()


ASSESSMENT = "civicquiz.1"  # 02-civic-assessment.xml
# The workbench speaks Latvian: the kit's "Your answers are recorded. Results are not shown for this exercise."
# and "The due date has passed: answers are no longer accepted."
NOT_SHOWN = "Atbildes ir saglabātas. Šim uzdevumam rezultāti netiek rādīti."
PAST_DUE = "Termiņš ir pagājis: atbildes vairs netiek pieņemtas."


@pytest.fixture
def correctness_hidden(monkeypatch):
    """The LMS's show_correctness="never" (the workbench has no such setting)."""
    from civicquiz.block import CivicQuizBlock
    monkeypatch.setattr(CivicQuizBlock, "correctness_available", lambda self: False)


@pytest.fixture
def past_due(monkeypatch):
    """Past the LMS's due date (the workbench has none)."""
    from civicquiz.block import CivicQuizBlock
    monkeypatch.setattr(CivicQuizBlock, "is_past_due", lambda self: True)


def test_practice_with_correctness_hidden_says_recorded_and_nothing_else(workbench, page, correctness_hidden):
    page.goto(f"{workbench}/scenario/{PRACTICE}/student_view/?student=exam-taker")
    page.locator(".nt-civicquiz").wait_for()
    assert NOT_SHOWN in page.locator("[data-results-hidden]").inner_text()
    press(option(page, "saeima-size", "50"), "Space")
    with page.expect_response(lambda response: "/check/" in response.url) as response:
        press(question(page, "saeima-size").locator("[data-check]"), "Enter")
    assert response.value.ok
    feedback = question(page, "saeima-size").locator(".nt-feedback")
    feedback.wait_for(state="visible")
    assert feedback.inner_text().strip() == NOT_SHOWN
    page.wait_for_function("(text) => document.querySelector('[data-live]').textContent.includes(text)",
                           arg=NOT_SHOWN)
    assert page.locator(".nt-is-right, .nt-is-wrong, .nt-is-partial, .nt-correct, .nt-verdict").count() == 0
    assert page.js_errors == [], page.js_errors
    assert axe_violations(page) == []
    settle(page)
    page.reload()
    feedback.wait_for(state="visible")
    assert feedback.inner_text().strip() == NOT_SHOWN and page.js_errors == []
    settle(page)


def test_assessment_with_correctness_hidden_shows_no_score_after_submit(workbench, page, correctness_hidden):
    page.goto(f"{workbench}/scenario/{ASSESSMENT}/student_view/?student=exam-taker")
    page.locator(".nt-civicquiz").wait_for()
    first = page.locator("[data-question][data-type='truefalse'], [data-question][data-type='single']").first
    press(first.locator(".nt-choices input").first, "Space")
    press(first.locator(".nt-certainty input").first, "Space")
    press(page.locator("[data-submit]"), "Enter")
    confirm_in_page(page)
    result = page.locator("[data-result]")
    result.wait_for(state="visible")
    assert result.inner_text().strip() == NOT_SHOWN
    assert page.locator(".nt-is-right, .nt-is-wrong, .nt-is-partial, .nt-correct, .nt-verdict").count() == 0
    assert page.js_errors == [], page.js_errors
    assert axe_violations(page) == []
    settle(page)
    page.reload()
    result.wait_for(state="visible")
    assert result.inner_text().strip() == NOT_SHOWN and page.js_errors == []


@pytest.mark.parametrize("scenario", [PRACTICE, ASSESSMENT])
def test_past_the_due_date_nothing_can_be_answered(workbench, page, past_due, scenario):
    page.goto(f"{workbench}/scenario/{scenario}/student_view/")
    page.locator(".nt-civicquiz").wait_for()
    assert page.locator("[data-closed]").inner_text() == PAST_DUE
    assert page.locator("[data-check]").count() == 0
    assert page.locator("[data-submit]:visible, [data-new-attempt]:visible").count() == 0
    assert page.locator("[data-question]:not([disabled])").count() == 0
    assert page.js_errors == [], page.js_errors
    assert axe_violations(page) == []


def confirm_in_page(page, answer="yes"):
    """The page asks in itself (not window.confirm): the question has the focus, Tab reaches the buttons."""
    box = page.locator("[data-confirm]")
    box.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('nt-confirm-text')")
    assert page.evaluate("document.activeElement.closest('[data-confirm]') !== null")
    page.keyboard.press("Tab")
    if answer == "no":
        page.keyboard.press("Tab")
    assert page.evaluate("(answer) => document.activeElement.hasAttribute('data-confirm-' + answer)", answer)
    page.keyboard.press("Enter")


RIGHT = {"saeima-size": ["100"], "satversme-basics": ["Latvija ir neatkarīga demokrātiska republika.",
                                                      "Latvijas valsts suverēnā vara pieder Latvijas tautai.",
                                                      "Valsts valoda Latvijas Republikā ir latviešu valoda."],
         "initiative-signatures": ["10 000"], "saeima-term": "false", "voting-age": "true",
         "saeima-deputies-number": "100", "hours": "72", "initiative-steps": ["write", "sign", "submit", "review"],
         "numbers": {"n112": "Vienotais ārkārtas palīdzības numurs", "n110": "Valsts policija",
                     "n113": "Neatliekamā medicīniskā palīdzība", "n114": "Gāzes avārijas dienests"}}


def answer_right(page, question_id):
    fieldset = question(page, question_id)
    kind, right = fieldset.get_attribute("data-type"), RIGHT[question_id]
    if kind == "numeric":
        fieldset.locator("[data-number]").focus()
        page.keyboard.type(right)
    elif kind == "order":
        if fieldset.locator("[data-item]").evaluate_all("(items) => items.map(i => i.dataset.item)") == right:
            press(fieldset.locator("[data-move='down']").first, "Enter")  # counts only once moved
        put_in_order(page, question_id, right)
    elif kind == "match":
        match(page, question_id, right)
    elif kind == "truefalse":
        press(fieldset.locator(f"input[value='{right}']"), "Space")
    else:
        for label in right:
            press(fieldset.locator(".nt-choices").get_by_label(label, exact=True), "Space")
    press(fieldset.locator(".nt-certainty input").last, "Space")  # very sure


def test_assessment_asks_in_the_page_before_a_blank_submit_and_a_new_attempt_after_passing(workbench, page):
    page.goto(f"{workbench}/scenario/{ASSESSMENT}/student_view/?student=careful-voter")
    page.locator(".nt-civicquiz").wait_for()
    drawn = page.locator("[data-question]").evaluate_all("(all) => all.map(q => q.dataset.question)")
    for question_id in drawn[:-1]:
        answer_right(page, question_id)
    submits = []
    page.on("request", lambda request: submits.append(request.url) if "/submit/" in request.url else None)
    press(page.locator("[data-submit]"), "Enter")
    box = page.locator("[data-confirm]")
    box.wait_for()
    # Latvian workbench: "1 question is not answered. Submit anyway? This uses one of your attempts."
    assert "Vai tomēr iesniegt?" in box.inner_text()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")  # cancel: nothing sent, the focus back on the submit button
    assert box.count() == 0 and page.evaluate("document.activeElement.hasAttribute('data-submit')")
    press(page.locator("[data-submit]"), "Enter")
    confirm_in_page(page, "no")  # "Back to the questions": nothing sent either
    assert box.count() == 0 and submits == []
    answer_right(page, drawn[-1])
    settle(page)
    with page.expect_response(lambda response: "/submit/" in response.url) as response:
        press(page.locator("[data-submit]"), "Enter")  # everything answered: no question asked
    assert response.value.ok and response.value.json()["result"]["passed"]
    page.locator("[data-new-attempt]").wait_for(state="visible")
    press(page.locator("[data-new-attempt]"), "Enter")
    assert "labākais rezultāts" in box.inner_text()  # "... your best score is kept. Start a new attempt?"
    assert axe_violations(page) == []
    confirm_in_page(page, "no")
    assert page.evaluate("document.activeElement.hasAttribute('data-new-attempt')")
    press(page.locator("[data-new-attempt]"), "Enter")
    with page.expect_navigation():
        confirm_in_page(page, "yes")
    page.locator(".nt-civicquiz").wait_for()
    assert page.locator("[data-submit]").is_visible() and page.js_errors == [], page.js_errors
    settle(page)
