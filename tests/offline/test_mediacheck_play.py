"""The mediacheck offline player in Chromium: a real course activity played to the end by keyboard only,
from file:// with the network blocked; feedback after each check, the round's score equal to the
block's Python grade of the same answers, progress kept over a reload, nothing for axe to find."""

import json

import pytest

from noturiba.html import plain_text
from noturiba.offline.activities import course_activities
from noturiba.offline.blocks import mediacheck as offline_mc
from tests.browser.conftest import axe_violations, describe
from tests.offline.conftest import COURSES, pack_activities, pack_index

pytestmark = pytest.mark.browser

COURSE, ACTIVITY = "biblioteka-noturibas-centrs", "not-mc-practice"
ROOT = ".noturiba-offline-activity[data-kind=mediacheck]"


def tab_to(page, selector, limit=150):
    """Press Tab until the focus is on an element matching `selector` (what a keyboard user does)."""
    for _ in range(limit):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def plan(data):
    """Answers to give, item by item: partly right, wrong and sure, then right; and the keys' plan."""
    answers = {}
    for index, item in enumerate(data["items"]):
        order = [segment["id"] for paragraph in item["segments"] for segment in paragraph]
        innocent = [s for s in order if item["owners"][s] is None]
        useful = [lead["id"] for lead in item["leads"] if lead["useful"]]
        if index == 0:
            flags = [item["flags"][0]["segments"][0], innocent[0]] if item["flags"] else innocent[:1]
            answer = {"verdict": item["verdict"], "flags": flags, "leads": useful[:1], "confidence": 85}
        elif index == 1:
            wrong = next(v["id"] for v in data["verdicts"] if v["id"] not in item["credit"])
            answer = {"verdict": wrong, "flags": [], "leads": [], "confidence": 100}
        else:
            answer = {"verdict": item["verdict"], "flags": [flag["segments"][0] for flag in item["flags"]],
                      "leads": useful, "confidence": None}
        if not data["confidence"]:
            answer["confidence"] = None
        answers[item["id"]] = (answer, order)
    return answers


def play_item(page, data, item, answer, order):
    section = f'{ROOT} [data-item="{item["id"]}"]'
    marks = sorted(order.index(segment) for segment in answer["flags"])
    if marks:
        tab_to(page, f"{section} .nt-seg")
        page.keyboard.press("Home")
        at = 0
        for target in marks:
            for _ in range(target - at):
                page.keyboard.press("ArrowRight")
            at = target
            page.keyboard.press("Space")
    for lead in answer["leads"]:
        tab_to(page, f'{section} .nt-mc-lead[data-lead="{lead}"]')
        page.keyboard.press("Enter")
    tab_to(page, f"{section} .nt-mc-verdict input")
    page.keyboard.press("Space")  # the first verdict
    for _ in range([v["id"] for v in data["verdicts"]].index(answer["verdict"])):
        page.keyboard.press("ArrowDown")
    if answer["confidence"] is not None:
        tab_to(page, f"{section} input[type=range]")
        for _ in range((answer["confidence"] - 50) // 5):
            page.keyboard.press("ArrowRight")
    tab_to(page, f"{section} .nt-mc-check")
    page.keyboard.press("Enter")
    feedback = page.locator(f"{section} .nt-mc-feedback")
    assert feedback.is_visible()
    assert page.evaluate("(s) => document.activeElement.matches(s)", f"{section} .nt-mc-feedback")


def test_a_fact_check_is_played_offline_by_keyboard(offline_pack, file_page):
    entry = next(a for course, a in pack_activities(offline_pack, "mediacheck")
                 if course == COURSE and a["url_name"] == ACTIVITY)
    page = file_page(offline_pack / COURSE / entry["pages"]["lv"], bypass_csp=True)  # axe is injected inline
    data = json.loads(page.locator(f'script[id="{entry["island"]}"]').text_content())
    steps = plan(data)
    for item in data["items"]:
        answer, order = steps[item["id"]]
        play_item(page, data, item, answer, order)
        text = page.locator(f'{ROOT} [data-item="{item["id"]}"] .nt-mc-feedback').inner_text()
        if item["explanation"]:
            assert " ".join(plain_text(item["explanation"]).split()[:4]) in " ".join(text.split())
        assert item["verdict_label"] in text
    activity = next(a for a in course_activities(COURSES / COURSE) if a.url_name == ACTIVITY)
    answers = {item_id: answer for item_id, (answer, _order) in steps.items()}
    expected = offline_mc.python_grade(activity.model, activity.attrs, answers)
    assert 0.05 < expected < 0.95  # partial credit and a confident wrong verdict decide it
    status = page.locator(f"{ROOT} .nt-mc-status")
    assert f"{round(100 * expected)}\u00a0%" in status.inner_text()
    stored = page.evaluate("(k) => JSON.parse(localStorage.getItem(k))", f"noturiba-offline:{COURSE}:{ACTIVITY}:result")
    assert stored["done"] and stored["last"] == pytest.approx(expected, abs=1e-9)
    assert not page.blocked and not page.js_errors
    assert not (violations := axe_violations(page, ROOT)), describe(violations)

    page.reload()
    page.wait_for_selector(f"{ROOT} .nt-mc-feedback:not([hidden])")
    assert page.locator(f"{ROOT} .nt-mc-feedback:not([hidden])").count() == len(data["items"])
    assert f"{round(100 * expected)}\u00a0%" in page.locator(f"{ROOT} .nt-mc-status").inner_text()
    first = data["items"][0]
    pressed = page.locator(f'{ROOT} [data-item="{first["id"]}"] .nt-seg[aria-pressed="true"]')
    assert pressed.count() == len(steps[first["id"]][0]["flags"])
    assert page.locator(f'{ROOT} [data-item="{first["id"]}"] .nt-mc-verdict input:checked').get_attribute(
        "value") == first["verdict"]

    # Trying an item again is practice, as in the block: the first check keeps counting.
    section = f'{ROOT} [data-item="{first["id"]}"]'
    tab_to(page, f"{section} .nt-mc-retry")
    page.keyboard.press("Enter")
    assert page.locator(f"{section} .nt-mc-feedback").is_hidden()
    assert page.locator(f"{section} .nt-seg[aria-pressed=true]").count() == 0
    play_item(page, data, first, {"verdict": first["verdict"], "flags": [], "leads": [], "confidence": None},
              steps[first["id"]][1])
    assert f"{round(100 * expected)}\u00a0%" in page.locator(f"{ROOT} .nt-mc-status").inner_text()

    # Start again (by keyboard, confirmed in the page): a fresh round, nothing kept.
    tab_to(page, f"{ROOT} .nt-mc-again")
    page.keyboard.press("Enter")
    tab_to(page, f"{ROOT} [data-confirm-yes]")
    page.keyboard.press("Enter")
    assert page.locator(f"{ROOT} .nt-mc-feedback:not([hidden])").count() == 0
    assert page.locator(f"{ROOT} .nt-seg[aria-pressed=true]").count() == 0
    assert not page.js_errors and not page.blocked


def test_the_pack_copies_the_fact_check_images(offline_pack):
    index = pack_index(offline_pack, "medijpratiba-ikdiena")
    entry = next(a for a in index["activities"] if a["url_name"] == "med-ch3-check")
    assert entry["assets"] and all((offline_pack / "medijpratiba-ikdiena" / path).is_file() for path in entry["assets"])


@pytest.mark.parametrize("lang,said", [("lv", "Īsts virsraksts: pilsetas.com, 23.05.2025"),
                                       ("en", "Real headline: pilsetas.com, 2025-05-23")])
def test_a_page_of_our_own_with_real_headlines(file_page, tmp_path, lang, said):
    """The player on a page shaped as the pack's (tests/offline/conftest.py), with the block's demo of
    real and made-up headlines: after a check, where it was published, dated as the page's language writes it."""
    from mediacheck import content
    from noturiba import olx
    from noturiba.fragments import escaped_json
    from noturiba.offline.catalog import translator
    package = COURSES.parent / "xblocks"
    scenario = package / "mediacheck" / "scenarios" / "05-real-or-made-up.xml"
    data = offline_mc.export(content.parse(olx.parse_string(scenario.read_text(encoding="utf-8"))), {},
                             translator(lang))
    styles = [package / "noturiba" / "public" / "kit.css", package / "mediacheck" / "public" / "mediacheck.css"]
    scripts = [package / "noturiba" / "public" / "kit.js"] + [
        package / "noturiba" / "offline" / "public" / name
        for name in ("mediacheck_grade.js", "mediacheck_play.js", "offline.js")]
    page_file = tmp_path / "page.html"
    page_file.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Prakse</title>'
        + "".join(f'<link rel="stylesheet" href="{p.as_uri()}">' for p in styles)
        + f'</head><body class="nt-offline-body" data-course="t" data-lang="{lang}" data-root="" data-page="activity">'
        '<main class="noturiba"><h1 lang="lv">Prakse</h1><div class="noturiba-offline-activity noturiba nt-mediacheck" '
        'data-kind="mediacheck" data-activity="real" data-island="isl" data-content-lang="lv"></div>'
        f'<script type="application/json" id="isl">{escaped_json(data)}</script></main>'
        '<div data-offline-live aria-live="polite"></div>'
        + "".join(f'<script src="{p.as_uri()}"></script>' for p in scripts) + "</body></html>",
        encoding="utf-8")
    page = file_page(page_file, bypass_csp=True)
    assert page.locator(f"{ROOT} .nt-mc-material-note").inner_text() == " ".join(data["material_note"])
    assert page.locator(f"{ROOT} .nt-practice-label").count() == 0  # some real: no "made up" label on any card
    first = data["items"][0]
    section = f'{ROOT} [data-item="{first["id"]}"]'
    tab_to(page, f"{section} .nt-mc-verdict input")
    page.keyboard.press("Space")
    tab_to(page, f"{section} .nt-mc-check")
    page.keyboard.press("Enter")
    origin = page.locator(f"{section} .nt-mc-provenance a")
    assert origin.inner_text() == said
    assert origin.get_attribute("href") == first["provenance"]["href"]
    assert not (violations := axe_violations(page, ROOT)), describe(violations)
    assert not page.blocked and not page.js_errors
