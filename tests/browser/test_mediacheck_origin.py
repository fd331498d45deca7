"""mediacheck in Chromium, issue 13: a block with a real headline has one note and no "made up" label;
after a check the item says it is real, with its outlet, date and a link, and is axe clean."""

import pytest
from workbench import scenarios as wb_scenarios

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser
HREF = "https://pilsetas.com/2025/05/23/latvija-uz-tris-minutem-iedarbinas-trauksmes-sirenas"


def test_a_real_headline_says_so_only_after_the_check_with_a_link(workbench, page):
    key = next(key for key, scenario in wb_scenarios.SCENARIOS.items()
               if key.startswith("mediacheck.") and "Īsts vai izdomāts virsraksts" in scenario.description)
    page.goto(f"{workbench}/scenario/{key}/student_view/?lang=lv")
    page.locator(".nt-mediacheck").wait_for()
    assert page.locator(".nt-practice-label").count() == 0
    assert page.locator(".nt-mc-material-note").count() == 1
    assert page.locator(f"a[href='{HREF}']").count() == 0
    item = page.locator("[data-item=sirens-may]")
    item.locator(".nt-mc-verdict input[value=accurate]").check()
    item.locator(".nt-mc-check").click()
    link = item.locator(f".nt-mc-feedback .nt-mc-provenance-real a[href='{HREF}']")
    link.wait_for()
    assert "pilsetas.com, 23.05.2025" in link.inner_text()
    other = page.locator("[data-item=sirens-night]")
    other.locator(".nt-mc-verdict input[value=false]").check()
    other.locator(".nt-mc-check").click()
    other.locator(".nt-mc-feedback .nt-mc-provenance-made-up").wait_for()
    assert other.locator(".nt-mc-feedback .nt-mc-provenance-made-up a").count() == 0
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.js_errors == []


def test_a_trainer_marks_an_item_real_and_names_where_it_was_published(workbench, page):
    key = next(key for key, scenario in wb_scenarios.SCENARIOS.items()
               if key.startswith("mediacheck.") and "Īsts vai izdomāts virsraksts" in scenario.description)
    page.goto(f"{workbench}/scenario/{key}/studio_view/?lang=lv")
    studio = page.locator(".nt-mc-studio")
    problems = studio.locator("[data-problems]")
    problems.get_by_text("Problēmas nav atrastas.").wait_for()
    first = studio.locator("[data-items] > li").first
    first.locator("summary").click()
    assert first.get_by_label("Šis vienums ir").input_value() == "real"
    assert first.get_by_label("Publicētājs (medijs vai faktu pārbaudītājs)").input_value() == "pilsetas.com"
    item = studio.locator("[data-items] > li").nth(1)
    item.locator("summary").click()
    assert item.get_by_label("Publicētājs (medijs vai faktu pārbaudītājs)").is_hidden()
    item.get_by_label("Šis vienums ir").select_option("real")
    problems.get_by_text("sirens-night").wait_for()
    item.get_by_label("Publicētājs (medijs vai faktu pārbaudītājs)").fill("lsm.lv")
    item.get_by_label("Saite uz publikāciju").fill("https://www.lsm.lv/")
    item.get_by_label("Publicēšanas datums (GGGG-MM-DD)").fill("2025-05-23")
    problems.get_by_text("Problēmas nav atrastas.").wait_for()
    assert "lsm.lv, 2025-05-23" in item.locator(".nt-mc-preview-answers").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.js_errors == []
