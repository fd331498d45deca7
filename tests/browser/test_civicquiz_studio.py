"""civicquiz in Studio and for staff, in Chromium: the bank editor by keyboard alone, axe-clean; the results view."""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

MINIMAL = "civicquiz.0"    # 01-minimal.xml: three questions, practice
SURVEY = "civicquiz.2"     # 03-trust-survey.xml
PRACTICE = "civicquiz.3"   # 04-practice-every-type.xml


def active(page, attribute="id"):
    return page.evaluate(f"document.activeElement.getAttribute('{attribute}') || ''")


def tab(page, times=1):
    for _ in range(times):
        page.keyboard.press("Tab")


def no_errors_shown(page):
    page.wait_for_function("""() => {
        const box = document.querySelector('.nt-cq-studio [data-problems]');
        return box.textContent.trim() !== '' && !box.querySelector('.nt-cq-problem');
    }""")


def test_bank_editor_by_keyboard_alone_then_the_learner_sees_the_question(workbench, page):
    page.goto(f"{workbench}/scenario/{MINIMAL}/studio_view/")
    studio = page.locator(".nt-cq-studio")
    studio.wait_for()
    no_errors_shown(page)
    # Choose the type (single choice is first), then add.
    page.locator("[data-new-type]").focus()
    assert page.locator("[data-new-type]").input_value() == "single"
    tab(page)
    page.keyboard.press("Enter")
    assert active(page).endswith("-prompt")
    page.keyboard.type("Uz cik gadiem ievēl Saeimu?")
    # The new question is listed and selected; its problems are shown as the trainer types.
    page.wait_for_function("document.querySelector('.nt-cq-studio [aria-current=true]')"
                           ".textContent.includes('Uz cik gadiem')")
    page.wait_for_function("document.querySelector('.nt-cq-studio [data-problems]')"
                           ".textContent.includes('q1')")
    tab(page, 4)  # id, topic, difficulty, then the first option's text
    page.keyboard.type("3")
    tab(page, 5)  # its "correct" box, move up, move down, delete, then the second option's text
    page.keyboard.type("4")
    tab(page)
    page.keyboard.press("Space")
    second = studio.locator("[data-part]").nth(1).locator("input[type=checkbox]")
    assert second.is_checked()
    assert page.evaluate("document.activeElement.type") == "checkbox"  # focus kept after the redraw
    # Radio semantics: marking the first option correct unmarks the second, and back.
    first = studio.locator("[data-part]").nth(0).locator("input[type=checkbox]")
    for _ in range(5):  # the second text, then the first option's delete, move down, move up, correct box
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert first.is_checked() and not second.is_checked()
    tab(page, 5)
    page.keyboard.press("Space")
    assert second.is_checked() and not first.is_checked()
    no_errors_shown(page)
    assert "Uz cik gadiem" in studio.locator("[data-preview]").inner_text()
    page.locator("[data-save]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    assert page.js_errors == [], page.js_errors
    # Reload: the saved bank comes back, and the learner sees the new question.
    page.reload()
    studio.wait_for()
    assert studio.locator("[data-bank] > li").count() == 4
    assert "Uz cik gadiem" in studio.locator("[data-bank] > li").nth(3).inner_text()
    page.goto(f"{workbench}/scenario/{MINIMAL}/student_view/")
    added = page.locator("[data-question='q1']")
    added.wait_for()
    assert "Uz cik gadiem ievēl Saeimu?" in added.inner_text()
    assert sorted(added.locator("label").all_inner_texts()) == ["3", "4"]


def test_invalid_content_is_refused_with_the_reason_in_focus(workbench, page):
    page.goto(f"{workbench}/scenario/{MINIMAL}/studio_view/")
    studio = page.locator(".nt-cq-studio")
    studio.wait_for()
    draw = studio.locator("[data-settings] input").nth(0)
    draw.focus()
    page.keyboard.type("9")
    page.wait_for_function("document.querySelector('.nt-cq-studio .nt-cq-problem') !== null")
    assert "9" in studio.locator(".nt-cq-problem").first.inner_text()
    page.locator("[data-save]").focus()
    page.keyboard.press("Enter")
    error = studio.locator("[data-form-error]")
    error.wait_for(state="visible")
    assert "9" in error.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-form-error')")
    assert page.js_errors == []


def test_every_question_type_in_the_editor_is_axe_clean(workbench, page):
    page.goto(f"{workbench}/scenario/{PRACTICE}/studio_view/")
    studio = page.locator(".nt-cq-studio")
    studio.wait_for()
    no_errors_shown(page)
    for index in range(studio.locator("[data-bank] > li").count()):
        studio.locator(f"[data-bank] > li:nth-child({index + 1}) .nt-cq-select").focus()
        page.keyboard.press("Enter")
        assert active(page).endswith("-prompt")
        violations = axe_violations(page)
        assert violations == [], f"question {index + 1}: {describe(violations)}"
    assert page.js_errors == []


def test_author_view_shows_the_staff_results_section(workbench, page):
    page.goto(f"{workbench}/scenario/{SURVEY}/author_view/")
    section = page.locator("[data-staff-results]")
    section.wait_for()
    assert "5" in section.locator("[data-hidden-results]").inner_text()  # fewer than min_group: no breakdown
    assert "export_csv" in section.locator("[data-csv]").get_attribute("href")
    assert axe_violations(page) == []


def test_texts_in_a_json_island_are_decoded_exactly(workbench, page):
    """Author text travels in a JSON island (fragments.json_island, escaped so "</script>" cannot end it);
    the learner's script reads it back unchanged with NoturibaKit.island."""
    from noturiba.fragments import escaped_json
    page.goto(f"{workbench}/scenario/{MINIMAL}/student_view/")
    page.locator(".nt-civicquiz").wait_for()
    value = {"a": ['</script> &amp; "x" <b>', 3], "b": None}
    decoded = page.evaluate("""(json) => {
        const island = document.createElement('script');
        island.type = 'application/json'; island.id = 'island-test'; island.textContent = json;
        document.body.appendChild(island);
        return NoturibaKit.island('island-test');
    }""", escaped_json(value))
    assert decoded == value
    assert page.js_errors == []


def test_showanswer_choices_are_named_in_latvian_and_the_value_is_stored(workbench, page):
    page.goto(f"{workbench}/scenario/{MINIMAL}/studio_view/?lang=lv")
    studio = page.locator(".nt-cq-studio")
    studio.wait_for()
    select = studio.locator("select[id$='-showanswer']")
    labels = select.locator("option").all_inner_texts()
    assert "Pēc pirmā mēģinājuma" in labels and "Nekad" in labels
    assert not [label for label in labels if "_" in label or label.islower()], labels
    select.select_option(label="Pēc pirmā mēģinājuma")
    page.locator("[data-save]").click()
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    page.reload()
    studio.wait_for()
    assert studio.locator("select[id$='-showanswer']").input_value() == "attempted_no_past_due"
    assert page.js_errors == []


def test_a_bad_setting_is_refused_naming_the_fields_label(workbench, page):
    page.goto(f"{workbench}/scenario/{MINIMAL}/studio_view/?lang=lv")
    studio = page.locator(".nt-cq-studio")
    studio.wait_for()
    studio.locator("input[id$='-pass']").fill("2")
    studio.locator("input[id$='-mingroup']").fill("0")
    page.locator("[data-save]").click()
    error = studio.locator("[data-form-error]")
    error.wait_for(state="visible")
    assert "“Mazākā grupa, kuras atbildes tiek rādītas”" in error.inner_text()
    assert "min_group" not in error.inner_text()
    studio.locator("input[id$='-mingroup']").fill("")
    page.locator("[data-save]").click()
    page.wait_for_function("document.querySelector('.nt-cq-studio [data-form-error]').textContent.includes('0 līdz 1')")
    assert "“Nokārtošanas slieksnis (no 0 līdz 1)”" in error.inner_text()
    assert "pass_threshold" not in error.inner_text()


def test_author_view_names_the_mode_and_question_types_in_latvian(workbench, page):
    page.goto(f"{workbench}/scenario/{PRACTICE}/author_view/?lang=lv")
    bank = page.locator(".nt-civicquiz .nt-bank")
    bank.wait_for()
    text = bank.inner_text()
    assert "Viena izvēle" in text and "Sakārtot secībā" in text
    for raw in ("[single", "[multiple", "[truefalse", "[order", "[match", "[numeric"):
        assert raw not in text, text


def test_broken_olx_is_explained_with_its_line_in_latvian(workbench, page):
    page.goto(f"{workbench}/scenario/{MINIMAL}/studio_view/?lang=lv")
    page.locator(".nt-olx-editor").wait_for()
    page.locator("[role=tab][data-view=olx]").click()
    olx = page.locator("textarea[name=olx]")
    olx.fill('<civicquiz mode="practice">\n<question id="q" type="single">')
    page.locator(".nt-olx-editor [data-save]").click()
    error = page.locator(".nt-olx-editor .nt-error")
    error.wait_for(state="visible")
    assert error.inner_text() == ("2. rinda: Elements <question>, kas atvērts 2. rindā, nav aizvērts: "
                                  "OLX beidzas pirms </question>.")
    olx.fill('<civicquiz mode="practice">\n<question id="q" type="single">R&D</question></civicquiz>')
    page.locator(".nt-olx-editor [data-save]").click()
    page.wait_for_function("document.querySelector('.nt-olx-editor .nt-error').textContent.includes('&amp;')")
    assert error.inner_text().startswith("2. rinda: ")
    assert "EntityRef" not in error.inner_text()
