"""The crisis drill offline in Chromium: a course's practice drill from file://, no network, keyboard only.

"Mācību situācija: skan sirēna" (gatavs-krizei): the timer turned off, a choice, an order task put
partly right with the Move buttons, a reload that keeps the progress, a choice with a better option,
the ending; the debrief's score equals the block's Python grade of the path the page saved, the action
card prints on one A4 page alone with the drill's and the course's titles and the day it is printed, the
timer can be started, extended, paused and runs out into the timeout branch. axe finds nothing.
A checklist's ticks and an order task's arrangement survive a reload before they are confirmed
("Mācību situācija: ceļā" and the siren drill); the player uses the block's own crisisdrill_dom.js.
"""

import json
import re
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from noturiba.i18n import package_catalog
from noturiba.offline.activities import course_activities
from noturiba.offline.blocks.crisisdrill import python_grade
from tests.browser.conftest import axe_violations, describe

from .conftest import COURSES, activity_page, pack_activities

pytestmark = pytest.mark.browser
COURSE = "gatavs-krizei"
DRILL = "kri-ch5-siren-drill"
KEY = f"noturiba-offline:{COURSE}:{DRILL}:"
LV = package_catalog("crisisdrill", "lv")
ROOT_SELECTOR = ".noturiba-offline-activity[data-kind=crisisdrill]"


def lv(msgid, **values):
    return LV.gettext(msgid).format(**values)


def block(url_name=DRILL):
    found = next(a for a in course_activities(Path(COURSES) / COURSE) if a.url_name == url_name)
    return found.model, found.attrs


def drill_entry(pack, url_name=DRILL):
    return next(a for course, a in pack_activities(pack, "crisisdrill")
                if course == COURSE and a["url_name"] == url_name)


def drill_file(pack, url_name=DRILL):
    return activity_page(pack, COURSE, drill_entry(pack, url_name))


def open_drill(pack, file_page, url_name=DRILL, **kwargs):
    page = file_page(drill_file(pack, url_name), **kwargs)
    page.locator(f"{ROOT_SELECTOR} .nt-cd-situation h3").wait_for()
    return page


def tab_to(page, text, limit=80):
    """Press Tab until the focused element's name (its text, hidden text included) contains `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("""(text) => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const name = (el.innerText || '') + ' ' + (el.textContent || '').replace(/\\s+/g, ' ')
                + ' ' + (el.labels && el.labels[0] ? el.labels[0].innerText : '');
            return name.includes(text);
        }""", text):
            return
    raise AssertionError(f"no focusable element with {text!r}")


def saved(page, what="state", url_name=DRILL):
    key = f"noturiba-offline:{COURSE}:{url_name}:{what}"
    return page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key)


def saved_once(state, url_name=DRILL):
    """An init script that puts `state` in the store before the first load only (a reload keeps what the
    page saved since)."""
    key, value = json.dumps(f"noturiba-offline:{COURSE}:{url_name}:state"), json.dumps(json.dumps(state))
    return f"if (localStorage.getItem({key}) === null) {{ localStorage.setItem({key}, {value}); }}"


def heading_focused(page):
    page.wait_for_function("document.activeElement && document.activeElement.matches('.nt-cd-situation h3')")


def drill(page):
    return page.locator(ROOT_SELECTOR)


def test_a_course_drill_played_to_the_end_by_keyboard_grades_as_the_block(offline_pack, file_page):
    page = open_drill(offline_pack, file_page, bypass_csp=True)  # for axe's script tag
    root = drill(page)
    # WCAG 2.2.1: the timed first step waits for the learner, who turns the timer off
    assert lv("Start the countdown") in root.locator(".nt-cd-timer").inner_text()
    tab_to(page, lv("Turn the timer off"))
    page.keyboard.press("Enter")
    root.locator(".nt-cd-timer").get_by_text(lv("The timer is off.")).wait_for()
    tab_to(page, "Ieslēdzu LTV1")
    page.keyboard.press("Enter")
    heading_focused(page)
    feedback = root.locator(".nt-cd-feedback")
    assert lv("Feedback on your decision") in feedback.inner_text()
    assert root.locator(".nt-cd-timer").is_hidden()
    # the order task: from the shown order to "follow, listen, neighbours, keep-listening" (one pair wrong)
    wanted = ["follow", "listen", "neighbours", "keep-listening"]
    for position, option in enumerate(wanted):
        ids = root.locator(".nt-cd-order [data-dir=up]").evaluate_all("(bs) => bs.map((b) => b.dataset.id)")
        if ids.index(option) == position:
            continue
        tab_to(page, lv("Move up") + ": " + root.locator(f"[data-id='{option}'][data-dir=up]").text_content()
               .split(": ", 1)[1])
        for _ in range(ids.index(option) - position):
            page.keyboard.press("Enter")
    assert root.locator(".nt-cd-order [data-dir=up]").evaluate_all("(bs) => bs.map((b) => b.dataset.id)") == wanted
    tab_to(page, lv("Confirm the order"))
    page.keyboard.press("Enter")
    heading_focused(page)
    assert lv("Result of this task: {percent}.", percent="83\u00a0%") in feedback.inner_text()
    assert lv("The recommended order:") in feedback.inner_text()

    # a reload keeps the progress: the same situation, the same path
    before = saved(page)
    page.reload()
    root.locator(".nt-cd-situation h3").wait_for()
    assert saved(page) == before and before["node"] == "chat"
    assert "Ģimenes čatā" in root.locator(".nt-cd-situation").inner_text()

    tab_to(page, "Nepārsūtu")
    page.keyboard.press("Enter")
    heading_focused(page)
    tab_to(page, "Sāku stāstīt")
    page.keyboard.press("Enter")
    debrief = root.locator(".nt-cd-debrief")
    debrief.wait_for()
    path = saved(page)["path"]
    assert [entry["node"] for entry in path] == ["siren", "order", "chat", "call", "ok"]
    model, attrs = block()
    expected = python_grade(model, attrs, path)
    assert expected == pytest.approx((2 + 2 * 5 / 6 + 2) / 8, abs=1e-6)
    assert float(debrief.locator(".nt-cd-score").get_attribute("data-score")) == pytest.approx(expected, abs=1e-9)
    assert lv("Your score: {percent}.", percent="71\u00a0%") in debrief.inner_text()
    assert saved(page, "result")["best"] == pytest.approx(expected, abs=1e-9)
    assert lv("A better option:") in debrief.locator(".nt-cd-path").inner_text()
    assert lv("My action card") in debrief.locator(".nt-cd-card").inner_text()
    assert debrief.locator(".nt-cd-card a").count() >= 2
    violations = axe_violations(page, ROOT_SELECTOR)
    assert violations == [], describe(violations)
    assert page.blocked == [] and page.js_errors == []

    tab_to(page, lv("Start a new attempt"))
    page.keyboard.press("Enter")
    heading_focused(page)
    assert saved(page)["path"] == [] and root.locator(".nt-cd-debrief").is_hidden()
    assert root.locator(".nt-cd-timer").get_by_text(lv("The timer is off.")).is_visible()  # the choice is kept


FINISHED = [{"node": "siren", "choice": "tv-radio"},
            {"node": "order", "order": ["listen", "follow", "neighbours", "keep-listening"]},
            {"node": "chat", "choice": "forward"}, {"node": "call", "choice": "where-first"}, {"node": "good"}]


@pytest.mark.parametrize("pages", ["pages", "activity_pages"])  # the unit page; the page of SCORM and Kolibri
def test_the_action_card_prints_alone_on_one_a4_page_with_the_drill_course_and_date(offline_pack, file_page,
                                                                                      tmp_path, pages):
    state = {"path": FINISHED, "node": "good", "timer": True, "clock": None}
    init = (f"localStorage.setItem({json.dumps(KEY + 'state')}, {json.dumps(json.dumps(state))});"
            "window.print = () => { window.printed = (window.printed || 0) + 1; };")
    path = Path(offline_pack) / COURSE / drill_entry(offline_pack)[pages]["lv"]
    page = file_page(path, init_script=init, goto=False)
    page.clock.install(time=datetime(2027, 3, 6, 12, tzinfo=UTC))  # when the card is shown
    page.goto(path.resolve().as_uri())
    page.locator(f"{ROOT_SELECTOR} .nt-cd-situation h3").wait_for()
    root = drill(page)
    model, attrs = block()
    assert python_grade(model, attrs, FINISHED) == pytest.approx(0.69)  # the critical forward caps the score
    assert lv("You made a dangerous decision, so this attempt cannot pass whatever its points. See why below.") \
        in root.locator(".nt-cd-debrief").inner_text()
    page.clock.set_fixed_time(datetime(2027, 3, 12, 12, tzinfo=UTC))  # printed days later: dated then
    tab_to(page, lv("Print my action card"))
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1
    pdf = tmp_path / "card.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages_info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages_info, re.M), pages_info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert lv("My action card") in text and lv("What I prepare") in text and "mod.gov.lv" in text
    assert "mana.latvija.lv" in text  # the last line is on the page, not cut off
    # on paper it says what it belongs to: the drill, the course and the day it was printed
    assert "Mācību situācija: skan sirēna" in text and "Gatavs krīzei" in text
    assert "2027. gada 12. marts" in text and "2027. gada 6. marts" not in text
    assert lv("Debrief") not in text and lv("Your path") not in text  # nothing else of the page
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.querySelectorAll('.nt-cd-print-hide').length") == 0


def test_the_timer_starts_extends_pauses_and_runs_out_into_the_timeout_branch(offline_pack, file_page):
    page = file_page(drill_file(offline_pack), goto=False)
    start = 1_800_000_000_000  # ms; the page's time moves only when the test moves it
    page.clock.install(time=start)
    page.goto(drill_file(offline_pack).resolve().as_uri())
    page.clock.pause_at(start + 60_000)
    root = drill(page)
    timer = root.locator(".nt-cd-timer")
    tab_to(page, lv("Start the countdown"))
    page.keyboard.press("Enter")
    assert "45" in timer.locator("[role=timer]").inner_text()
    page.keyboard.press("Tab")  # from Pause to +30 seconds
    page.keyboard.press("Enter")
    assert "75" in timer.locator("[role=timer]").inner_text()
    page.clock.run_for(10_000)
    assert "65" in timer.locator("[role=timer]").inner_text()
    tab_to(page, lv("Pause"))
    page.keyboard.press("Enter")
    page.clock.run_for(120_000)
    assert "65" in timer.locator("[role=timer]").inner_text() and lv("(paused)") in timer.inner_text()
    page.keyboard.press("Enter")  # the focus is on Resume
    page.clock.run_for(66_000)
    notice = root.locator(".nt-cd-timeout")
    notice.wait_for()
    assert lv("Time ran out.") in notice.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('nt-cd-timeout')")
    assert saved(page)["path"] == [{"node": "siren", "timeout": True}] and saved(page)["node"] == "siren-late"
    assert "sirēna jau apklususi" in root.locator(".nt-cd-situation").inner_text()


CAR = "kri-ch9-car-drill"


def order_ids(root):
    return root.locator(".nt-cd-order [data-dir=up]").evaluate_all("(bs) => bs.map((b) => b.dataset.id)")


def test_a_checklist_ticked_and_an_order_arranged_but_not_confirmed_survive_a_reload(offline_pack, file_page):
    page = open_drill(offline_pack, file_page, url_name=CAR)
    root = drill(page)
    tab_to(page, "Ūdens plastmasas pudelēs")
    page.keyboard.press("Space")
    tab_to(page, "Sega un silts apģērbs")
    page.keyboard.press("Space")
    capacity = root.locator(".nt-cd-capacity")
    assert capacity.inner_text() == lv("Space used: {used} of {capacity}.", used=3, capacity=9)
    page.reload()
    root.locator(".nt-cd-situation h3").wait_for()
    ticked = root.locator(".nt-cd-checklist input:checked").evaluate_all("(bs) => bs.map((b) => b.value)")
    assert sorted(ticked) == ["blanket", "water"]
    assert capacity.inner_text() == lv("Space used: {used} of {capacity}.", used=3, capacity=9)
    tab_to(page, lv("Confirm my choice"))
    page.keyboard.press("Enter")
    heading_focused(page)
    assert sorted(saved(page, url_name=CAR)["path"][0]["picked"]) == ["blanket", "water"]

    # the order task of the siren drill: one move, a reload, the same order; confirming it grades it
    state = {"path": [{"node": "siren", "choice": "tv-radio"}], "node": "order", "timer": True, "clock": None}
    page = open_drill(offline_pack, file_page, init_script=saved_once(state))
    root = drill(page)
    shown = order_ids(root)
    tab_to(page, lv("Move down"))
    page.keyboard.press("Enter")
    moved = order_ids(root)
    assert moved == [shown[1], shown[0], *shown[2:]]
    page.reload()
    root.locator(".nt-cd-order").wait_for()
    assert order_ids(root) == moved
    tab_to(page, lv("Confirm the order"))
    page.keyboard.press("Enter")
    heading_focused(page)
    assert saved(page)["path"][-1] == {"node": "order", "order": moved}
    page.reload()  # a confirmed task leaves no draft behind: the next situation shows
    root.locator(".nt-cd-situation h3").wait_for()
    assert saved(page)["node"] == "chat" and root.locator(".nt-cd-order").count() == 0


BLOCK_DOM = Path(COURSES).parent / "xblocks" / "crisisdrill" / "public" / "crisisdrill_dom.js"


def test_the_player_uses_the_blocks_own_dom_helpers_not_a_copy(offline_pack, tmp_path):
    """The block's crisisdrill_dom.js goes into the pack as it is and loads before the player's parts,
    on the unit page and in the drill's Kolibri zip; the offline player carries no copy of it."""
    entry = drill_entry(offline_pack)
    helper = "assets/crisisdrill/crisisdrill_dom.js"
    assert (Path(offline_pack) / COURSE / helper).read_bytes() == BLOCK_DOM.read_bytes()
    assert not (Path(offline_pack) / COURSE / "assets" / "offline" / "crisisdrill_play_dom.js").exists()
    html = drill_file(offline_pack).read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    players = [i for i, src in enumerate(scripts) if "/crisisdrill_play" in src or "/crisisdrill_grade" in src]
    assert helper in scripts and scripts.index(helper) < min(players), scripts
    with zipfile.ZipFile(Path(offline_pack) / "kolibri" / COURSE / f"{entry['url_name']}.zip") as archive:
        assert archive.read(helper) == BLOCK_DOM.read_bytes()
        assert f'<script src="{helper}">' in archive.read("index.html").decode("utf-8")
