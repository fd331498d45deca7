"""crisisdrill in Studio, in Chromium: the trainer reads choices, errors and the author view in Latvian."""

import pytest

pytestmark = pytest.mark.browser

DRILL = "crisisdrill.0"


def open_studio(page, workbench):
    page.goto(f"{workbench}/scenario/{DRILL}/studio_view/?lang=lv")
    page.locator(".nt-olx-editor").wait_for()


def test_showanswer_choices_are_labelled_and_a_bad_setting_names_its_label(workbench, page):
    open_studio(page, workbench)
    select = page.locator("select").filter(has_text="Pēc pirmā mēģinājuma")
    assert "attempted_no_past_due" not in select.locator("option").all_inner_texts()
    pass_mark = page.get_by_label("Nokārtošanas slieksnis (no 0 līdz 1)")
    pass_mark.fill("5")
    page.locator("[data-save]").first.click()
    error = page.locator("[role=alert]:visible").first
    error.wait_for()
    assert "“Nokārtošanas slieksnis (no 0 līdz 1)”" in error.inner_text()
    assert "pass_threshold" not in error.inner_text()


def test_broken_olx_says_the_line_and_what_is_wrong(workbench, page):
    open_studio(page, workbench)
    page.locator("[role=tab][data-view=olx]").click()
    page.locator("textarea[name=olx]").fill('<crisisdrill>\n<step id="a">\n<text>Sākums</step>\n</crisisdrill>')
    page.locator(".nt-olx-editor [data-save]").click()
    error = page.locator(".nt-olx-editor .nt-error")
    error.wait_for(state="visible")
    assert error.inner_text() == "3. rinda: Elements <text>, kas atvērts 3. rindā, nav aizvērts pirms </step>."


def test_author_view_names_kinds_and_ratings_in_latvian(workbench, page):
    page.goto(f"{workbench}/scenario/{DRILL}/author_view/?lang=lv")
    author = page.locator(".nt-cd-author")
    author.wait_for()
    kinds = " ".join(author.locator(".nt-cd-map-node > .nt-muted").all_inner_texts())
    assert "solis" in kinds and "nobeigums" in kinds and "labs" in kinds
    for raw in ("good", "bad", ", ok"):
        assert raw not in kinds, kinds
