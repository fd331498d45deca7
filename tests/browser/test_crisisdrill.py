"""The crisis drill in Chromium: a keyboard-only playthrough, announcements, timers, 360 px, axe, Studio editor."""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

LIBRARY_PRACTICE = "crisisdrill.2"
OUTAGE_ASSESSMENT = "crisisdrill.1"


def tab_to(page, text, limit=80, role=None):
    """Press Tab until the focused element's name (aria-label, text, label) contains `text`; keyboard only."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate("""([text, role]) => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            if (role && el.tagName.toLowerCase() !== role) return false;
            // textContent too: a name built from content includes visually hidden text (the Move buttons)
            const name = (el.getAttribute('aria-label') || el.innerText || el.value || '')
                + ' ' + (el.textContent || '').replace(/\\s+/g, ' ')
                + ' ' + (el.labels && el.labels[0] ? el.labels[0].innerText : '');
            return name.includes(text);
        }""", [text, role])
        if found:
            return
    raise AssertionError(f"no focusable element with {text!r}")


def live_text(page):
    return page.evaluate("document.querySelector('.nt-crisisdrill [data-live]').textContent")


def open_drill(page, workbench, scenario, width=1024):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{workbench}/scenario/{scenario}/student_view/")
    page.locator(".nt-crisisdrill [data-heading]").wait_for()


def test_keyboard_only_playthrough_with_feedback_announced_and_axe_clean(workbench, page):
    open_drill(page, workbench, LIBRARY_PRACTICE)
    tab_to(page, "vienojos ar pašvaldību")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.matches('[data-heading]')")
    page.wait_for_function("document.querySelector('.nt-crisisdrill [data-live]').textContent.length > 20")
    assert "darba laiks" in live_text(page)
    # the checklist: tick the five required items with Space, then confirm
    for label in ("Informācijas stends", "Bateriju radio", "Uzlādes stacija", "Pirmās palīdzības", "krīzes mape"):
        tab_to(page, label, role="input")
        page.keyboard.press("Space")
    assert "7 no 10" in page.locator(".nt-cd-capacity").inner_text()
    tab_to(page, "Apstiprināt izvēli")
    page.keyboard.press("Enter")
    page.locator(".nt-crisisdrill [data-feedback]").get_by_text("Šī uzdevuma rezultāts: 100\u00a0%").wait_for()
    tab_to(page, "ievietoju tikai pārbaudītu")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.nt-crisisdrill [data-status]').innerText.includes('10')")
    tab_to(page, "tikai uzlādes stacijai")
    page.keyboard.press("Enter")
    # the order task: bring every action to its place with the Move buttons
    page.locator(".nt-cd-order").wait_for()
    right = ["Palūdzu visus", "Ieslēdzu bateriju radio", "Visi kopā", "Skaidri pastāstu", "Ierakstu paziņojumu"]
    for position, label in enumerate(right):
        while True:
            labels = page.locator(".nt-cd-order-label").all_inner_texts()
            index = next(i for i, text in enumerate(labels) if text.startswith(label))
            if index == position:
                break
            tab_to(page, f"Pārvietot augšup: {labels[index]}")
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.tagName") == "BUTTON", "focus stays on the moved item"
    page.wait_for_function("document.querySelector('.nt-crisisdrill [data-live]').textContent.includes('tagad ir')")
    tab_to(page, "Apstiprināt secību")
    page.keyboard.press("Enter")
    page.locator(".nt-crisisdrill [data-feedback]").get_by_text("Šī uzdevuma rezultāts: 100\u00a0%").wait_for()
    tab_to(page, "sociālajam dienestam")
    page.keyboard.press("Enter")
    debrief = page.locator(".nt-crisisdrill [data-debrief]")
    debrief.get_by_text("Jūsu rezultāts: 100\u00a0%.").wait_for()
    assert "Treniņš ir beidzies" in page.evaluate(
        "new Promise(r => setTimeout(() => r(document.querySelector('.nt-crisisdrill [data-live]').textContent), 200))")
    assert debrief.get_by_text("Mana rīcības kartīte").is_visible()
    assert page.js_errors == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    # resume: a reload shows the finished drill, not the start
    page.reload()
    page.locator(".nt-crisisdrill [data-debrief]").get_by_text("Jūsu rezultāts: 100\u00a0%.").wait_for()


def test_a_phone_width_screen_has_no_horizontal_scroll(workbench, page):
    open_drill(page, workbench, OUTAGE_ASSESSMENT, width=360)
    widths = page.evaluate("""() => { const el = document.querySelector('.nt-crisisdrill');
        return [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().right]; }""")
    assert widths[0] <= widths[1] and widths[2] <= 360, widths
    page.get_by_role("button", name="Ieslēdzu bateriju radio").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Pārbaudu mājas krājumus").focus()
    page.keyboard.press("Enter")
    page.locator(".nt-cd-checklist").wait_for()
    widths = page.evaluate("""() => { const el = document.querySelector('.nt-crisisdrill');
        return [el.scrollWidth, el.clientWidth]; }""")
    assert widths[0] <= widths[1], widths
    assert axe_violations(page) == []


def start_countdown(page):
    """The learner starts the countdown with the keyboard (its button: data-clock="start")."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-clock') === 'start'"):
            break
    else:
        raise AssertionError("no Start the countdown button")
    page.keyboard.press("Enter")
    page.locator(".nt-cd-countdown").wait_for()


def test_timer_can_be_paused_extended_and_turned_off_and_the_choice_persists(workbench, page):
    open_drill(page, workbench, OUTAGE_ASSESSMENT)
    countdown = page.locator(".nt-cd-countdown")
    start_countdown(page)
    assert "60" in countdown.inner_text() or "59" in countdown.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Pauze", "Start hands the focus to Pause"
    page.keyboard.press("Enter")
    page.get_by_text("(apturēts)").wait_for()
    paused = countdown.inner_text()
    page.wait_for_timeout(1500)
    assert countdown.inner_text() == paused
    tab_to(page, "+30")
    page.keyboard.press("Enter")
    page.wait_for_function("() => /: (8|9)\\d /.test(document.querySelector('.nt-cd-countdown').textContent)")
    tab_to(page, "Izslēgt taimeri")
    page.keyboard.press("Enter")
    page.get_by_text("Taimeris ir izslēgts.").first.wait_for()
    page.reload()
    page.locator(".nt-crisisdrill [data-timer]").get_by_text("Taimeris ir izslēgts.").wait_for()
    assert countdown.count() == 0
    assert axe_violations(page) == []
    assert page.js_errors == []


def test_restarting_part_way_says_it_uses_an_attempt_and_asks_first(workbench, page):
    open_drill(page, workbench, OUTAGE_ASSESSMENT)
    restart = page.locator(".nt-crisisdrill [data-restart]")
    assert restart.is_hidden(), "before the first decision a restart costs nothing and is not offered"
    tab_to(page, "Ieslēdzu bateriju radio")
    page.keyboard.press("Enter")
    restart.get_by_text("Ja sāksiet no jauna tagad, tiks izmantots viens no jūsu mēģinājumiem.").wait_for()
    assert "atlikuši 3 mēģinājumi" in restart.inner_text()
    tab_to(page, "Sākt no jauna")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.innerText.includes('Izmantot mēģinājumu')")
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Turpināt": nothing happens, the drill goes on
    restart.get_by_role("button", name="Sākt no jauna").wait_for()
    assert "Pārbaudu mājas krājumus" in page.locator(".nt-crisisdrill [data-body]").inner_text()
    tab_to(page, "Sākt no jauna")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # the confirmation has the focus
    page.get_by_role("button", name="Ieslēdzu bateriju radio").wait_for()
    assert restart.is_hidden()
    page.get_by_role("button", name="Ieslēdzu bateriju radio").focus()
    page.keyboard.press("Enter")
    restart.get_by_text("atlikuši 2 mēģinājumi").wait_for()
    assert page.js_errors == []


def test_studio_form_editor_checks_the_graph_and_refuses_invalid_content(workbench, page):
    page.goto(f"{workbench}/scenario/crisisdrill.0/studio_view/?lang=lv")
    studio = page.locator(".nt-cd-studio")
    studio.wait_for()
    studio.get_by_text("Problēmas nav atrastas.").wait_for()
    page.locator("[data-new-kind]").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # adds a step that nothing leads to
    studio.get_by_text('Mezglu "step1" nevar sasniegt no sākuma.').wait_for()
    assert studio.locator(".nt-cd-map .nt-cd-unreachable").count() == 1
    page.locator("[data-save]").focus()
    page.keyboard.press("Enter")
    error = studio.locator("[data-form-error]")
    error.wait_for(state="visible")
    assert "step1" in error.inner_text()
    assert axe_violations(page, ".nt-cd-studio") == []
    studio.get_by_role("button", name="Dzēst mezglu step1").focus()
    page.keyboard.press("Enter")
    studio.get_by_text("Problēmas nav atrastas.").wait_for()
    page.locator("[data-save]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    assert error.is_hidden()
    assert page.js_errors == []


# Issue 14, point 3: the countdown starts with the learner, survives a reload, and says when time ran out.

class ServerTime:
    """The blocks' clock in the live server (same process), moved on by `offset` seconds."""

    def __init__(self):
        import time
        self.offset = 0.0
        self._time = time.time

    def time(self):
        return self._time() + self.offset


@pytest.fixture
def server_time(monkeypatch):
    import crisisdrill.block
    import crisisdrill.timing
    clock = ServerTime()
    monkeypatch.setattr(crisisdrill.block, "time", clock)
    monkeypatch.setattr(crisisdrill.timing, "time", clock)
    return clock


def seconds_left(page):
    import re
    return int(re.search(r"\d+", page.locator(".nt-cd-countdown").inner_text()).group())


def test_the_countdown_starts_when_the_learner_starts_it_and_a_reload_keeps_the_time_left(workbench, page):
    open_drill(page, workbench, OUTAGE_ASSESSMENT)
    page.wait_for_timeout(2000)
    assert page.locator(".nt-cd-countdown").count() == 0, "no time runs while the learner reads the intro"
    assert page.locator("[data-clock='start']").count() == 1
    start_countdown(page)
    assert seconds_left(page) >= 59
    assert page.evaluate("document.activeElement.getAttribute('data-clock')") == "pause"
    page.wait_for_timeout(3000)
    page.reload()
    page.locator(".nt-cd-countdown").wait_for()
    assert 50 <= seconds_left(page) <= 57, "a reload goes on with the time left, it does not start again"
    timer = page.locator(".nt-crisisdrill [data-timer]")
    for name in ("Pauze", "+30 sekundes", "Izslēgt taimeri"):
        assert timer.get_by_role("button", name=name).count() == 1, name
    timer.get_by_role("button", name="Pauze").click()
    page.get_by_text("(apturēts)").wait_for()
    paused = seconds_left(page)
    page.reload()
    page.get_by_text("(apturēts)").wait_for()
    assert seconds_left(page) == paused, "a pause survives a reload"
    assert page.js_errors == []


def test_time_running_out_is_said_announced_and_focused(workbench, page, server_time):
    page.goto(f"{workbench}/scenario/{OUTAGE_ASSESSMENT}/student_view/?lang=en")
    page.locator(".nt-crisisdrill [data-heading]").wait_for()
    start_countdown(page)
    server_time.offset += 57  # the learner left the tab; three seconds are left when they come back
    page.reload()
    page.locator(".nt-cd-countdown").wait_for()
    assert seconds_left(page) <= 3
    notice = page.locator(".nt-crisisdrill [data-timeout]")
    notice.wait_for(timeout=8000)
    assert notice.get_attribute("role") == "alert"
    assert "Time ran out." in notice.inner_text() and "The next situation is below." in notice.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-timeout')"), "the message takes the focus"
    assert "Jūs gaidāt" in page.locator(".nt-crisisdrill [data-body]").inner_text()
    assert axe_violations(page) == []
    assert page.js_errors == []
