"""mediacheck's Studio form editor in Chromium: keyboard only, flags marked by selecting text, saved, axe clean."""

import pytest
from workbench import scenarios as wb_scenarios

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser


def scenario_key(title_part):
    return next(key for key, scenario in wb_scenarios.SCENARIOS.items()
                if key.startswith("mediacheck.") and title_part in scenario.description)


def tab_to(page, predicate, limit=250, back=False):
    """Press Tab (or Shift+Tab) until the focused element satisfies the JS `predicate(el)`."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def focused_label(page):
    return page.evaluate("(el => el.labels && el.labels[0] ? el.labels[0].textContent : '')(document.activeElement)")


def open_studio(page, workbench, key):
    page.goto(f"{workbench}/scenario/{key}/studio_view/?lang=lv")
    page.locator(".nt-mc-studio [data-items] li").first.wait_for()
    page.locator(".nt-mc-studio [data-problems]").get_by_text("Problēmas nav atrastas.").wait_for()


def test_a_trainer_adds_an_item_and_marks_a_flag_by_keyboard_and_learners_see_it(workbench, page):
    key = scenario_key("plūdi Lāsmalienā")
    open_studio(page, workbench, key)
    studio = page.locator(".nt-mc-studio")
    tab_to(page, "el.matches('[data-new-kind]')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-add-item]')")
    page.keyboard.press("Enter")
    assert focused_label(page) == "Identifikators"
    problems = studio.locator("[data-problems]")
    problems.get_by_text("Vienumam “item1” nav vērtējuma.").wait_for()
    page.keyboard.press("Control+A")
    page.keyboard.type("chat-1")
    page.keyboard.press("Tab")  # kind
    page.keyboard.press("Tab")  # verdict
    assert focused_label(page) == "Vērtējums"
    for _ in range(6):
        if page.evaluate("document.activeElement.value") == "false":
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "false"
    tab_to(page, "el.tagName === 'TEXTAREA'")
    assert focused_label(page) == "Vienuma teksts"
    page.keyboard.type("Steidzami! Dalies ar visiem, pirms izdzēsīs. Mācību piemērs.")
    page.keyboard.press("Home")
    for _ in range(len("Steidzami! ")):
        page.keyboard.press("ArrowRight")
    for _ in range(len("Dalies ar visiem")):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Atzīmēt atlasīto tekstu kā sarkano karodziņu"
    page.keyboard.press("Enter")
    assert "Piezīme" in focused_label(page)  # the note of the new flag has the focus
    page.keyboard.type("Steidzināšana dalīties ir manipulācijas paņēmiens.")
    item = studio.locator("[data-items] > li").last
    assert item.locator(".nt-mc-flag-quote").inner_text() == "“Dalies ar visiem”"
    assert item.locator(".nt-mc-preview-card mark").inner_text() == "Dalies ar visiem"
    problems.get_by_text("Problēmas nav atrastas.").wait_for()
    tab_to(page, "el.matches('[data-save]')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    assert page.js_errors == []

    open_studio(page, workbench, key)
    assert studio.locator("[data-items] > li").count() == 3
    page.goto(f"{workbench}/scenario/{key}/student_view/?lang=lv")
    card = page.locator(".nt-item[data-item='chat-1']")
    card.wait_for()
    assert "Dalies ar visiem" in card.inner_text()
    assert page.locator(".nt-item").count() == 3
    assert page.js_errors == []


def test_an_image_without_alt_text_is_refused_and_the_studio_view_is_axe_clean(workbench, page):
    key = scenario_key("plūdi Lāsmalienā")
    open_studio(page, workbench, key)
    studio = page.locator(".nt-mc-studio")
    first = studio.locator("[data-items] > li").first
    first.locator("summary").focus()
    page.keyboard.press("Enter")  # open the first item
    alt = first.get_by_label("Alternatīvais teksts: kas redzams attēlā (obligāts)")
    alt.focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    studio.locator("[data-problems]").get_by_text("nav alternatīvā teksta", exact=False).wait_for()
    assert "Attēls bez alternatīvā teksta!" in first.locator(".nt-mc-preview-box").inner_text()
    tab_to(page, "el.matches('[data-save]')")
    page.keyboard.press("Enter")
    error = studio.locator("[data-form-error]")
    error.wait_for(state="visible")
    assert "flood-photo" in error.inner_text()
    violations = axe_violations(page, ".noturiba")
    assert violations == [], describe(violations)
    ids = page.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    assert len(ids) == len(set(ids))
    unlabelled = page.evaluate("""Array.from(document.querySelectorAll(
        '.nt-mc-studio input, .nt-mc-studio select, .nt-mc-studio textarea')
        ).filter(e => !(e.labels && e.labels.length)).length""")
    assert unlabelled == 0
    assert page.js_errors == []


def test_author_view_names_the_mode_and_item_kinds_in_latvian(workbench, page):
    page.goto(f"{workbench}/scenario/{scenario_key('plūdi Lāsmalienā')}/author_view/?lang=lv")
    author = page.locator(".nt-mc-author")
    author.wait_for()
    assert author.locator("p").first.inner_text() in ("Režīms: Prakse", "Režīms: Pārbaude", "Režīms: Aptauja")
    kinds = author.locator(".nt-mc-summary tbody td:nth-child(2)").all_inner_texts()
    assert kinds and "Sociālo tīklu ieraksts" in kinds
    assert not {"post", "headline", "message", "image", "article", "video"} & set(kinds), kinds


def test_showanswer_choices_are_named_in_latvian(workbench, page):
    open_studio(page, workbench, scenario_key("plūdi Lāsmalienā"))
    labels = page.locator(".nt-mc-studio select").filter(has_text="Nekad").locator("option").all_inner_texts()
    assert "Pēc pirmā mēģinājuma" in labels and "attempted_no_past_due" not in labels


def test_a_source_shows_its_link_and_title_and_an_edited_title_is_saved(workbench, page):
    key = scenario_key("plūdi Lāsmalienā")
    open_studio(page, workbench, key)
    first = page.locator(".nt-mc-studio [data-items] > li").first
    first.locator("summary").click()
    link = first.locator("[data-source] input").nth(0)
    title = first.locator("[data-source] input").nth(1)
    assert link.input_value() == "https://hapgood.us/2019/06/19/sift-the-four-moves/"
    assert title.input_value() == "Mike Caulfield: SIFT (The Four Moves)"
    title.fill("SIFT")
    page.locator("[data-save]").click()
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    open_studio(page, workbench, key)
    first = page.locator(".nt-mc-studio [data-items] > li").first
    assert first.locator("[data-source] input").nth(1).input_value() == "SIFT"
    assert page.js_errors == []
