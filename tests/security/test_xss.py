"""No script runs from author or learner text, in real Chromium, in every view of every block.

Every scenario of every block gets the whole corpus (payloads.py) in every text,
rich text and text attribute, once through OLX (course import) and once through
the Studio JSON save handler. Each page is then used like a curious learner
would: every field filled with payloads, every box ticked, every button pressed,
so feedback, debriefs and aggregates render too. A script run shows up as a
dialog or as the sentinel global `window.__pwned`.
"""

import itertools

import pytest
from workbench import scenarios as wb_scenarios

from ..blocks.conftest import ALL_SCENARIOS, BLOCK_TYPES, Harness, package_scenarios
from .inject import COMBINED, inject_olx, string_paths, with_payload
from .payloads import PAYLOADS

pytestmark = pytest.mark.browser

LEARNER_TEXT = " ".join(PAYLOADS[:30])
_ids = itertools.count()

PREPARE = """(text) => {
  const roots = document.querySelectorAll('.noturiba');
  let count = 0;
  for (const root of roots) {
    root.querySelectorAll('textarea, input[type=text], input:not([type])').forEach((el) => {
      el.value = text; el.dispatchEvent(new Event('input', {bubbles: true}));
      el.dispatchEvent(new Event('change', {bubbles: true}));
    });
    const groups = new Set();
    root.querySelectorAll('input[type=radio]').forEach((el) => {
      if (!groups.has(el.name) && !el.disabled) { groups.add(el.name); el.click(); }
    });
    root.querySelectorAll('input[type=checkbox]').forEach((el, i) => {
      if (!el.disabled && i % 2 === 0 && !el.checked) el.click();
    });
    root.querySelectorAll('select').forEach((el) => {
      if (el.options.length) {
        el.selectedIndex = el.options.length - 1;
        el.dispatchEvent(new Event('change', {bubbles: true}));
      }
    });
    root.querySelectorAll('input[type=number], input[type=range]').forEach((el) => {
      el.value = el.min || '1'; el.dispatchEvent(new Event('input', {bubbles: true}));
      el.dispatchEvent(new Event('change', {bubbles: true}));
    });
    count += root.querySelectorAll('button:not([disabled])').length;
  }
  return count;
}"""

PRESS = """(index) => {
  const buttons = [...document.querySelectorAll('.noturiba button:not([disabled])')]
    .filter((b) => b.offsetParent !== null);
  if (index >= buttons.length) return false;
  buttons[index].click();
  return true;
}"""


def register(xml, title):
    name = f"xss.{next(_ids)}"
    wb_scenarios.add_xml_scenario(name, title, xml)
    return name


def watch(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def use_like_a_learner(page, rounds=6):
    for _ in range(rounds):
        count = page.evaluate(PREPARE, LEARNER_TEXT)
        for index in range(min(count, 25)):
            if not page.evaluate(PRESS, index):
                break
            page.wait_for_timeout(60)
        page.wait_for_load_state("networkidle")


def assert_nothing_ran(page, dialogs, where):
    page.wait_for_timeout(200)
    assert dialogs == [], f"{where}: a payload ran: {dialogs[:3]}"
    assert page.evaluate("window.__pwned === undefined"), f"{where}: the sentinel global was set"
    assert page.js_errors == [] or all("__pwned" not in e for e in page.js_errors), where


def allowed_markup_shown(page):
    return page.locator(".noturiba strong", has_text="svarīgi").count() > 0


def check_every_view(workbench, page, scenario, label):
    dialogs = watch(page)
    shown = []
    for view in ("student_view", "author_view", "public_view", "studio_view"):
        page.goto(f"{workbench}/scenario/{scenario}/{view}/")
        page.locator(".noturiba").first.wait_for()
        if view == "student_view":
            use_like_a_learner(page)
        shown.append(allowed_markup_shown(page))
        assert_nothing_ran(page, dialogs, f"{label} {view}")
    page.goto(f"{workbench}/scenario/{scenario}/student_view/")  # reload: state and feedback from the server
    page.locator(".noturiba").first.wait_for()
    shown.append(allowed_markup_shown(page))
    assert_nothing_ran(page, dialogs, f"{label} reloaded")
    assert any(shown), f"{label}: the sanitiser removed allowed markup too (no <strong> in any view)"


@pytest.mark.parametrize(("block_type", "name", "xml"), ALL_SCENARIOS, ids=lambda v: v if len(v) < 40 else None)
def test_payloads_through_olx_never_run(workbench, page, block_type, name, xml):
    scenario = register(inject_olx(xml), f"XSS {block_type} {name}")
    check_every_view(workbench, page, scenario, f"{block_type}/{name}")


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_payloads_through_the_studio_save_handler_never_run(workbench, page, block_type):
    harness = Harness("author")
    block = harness.load(package_scenarios(block_type)[0][1])
    model = block.content_api.to_json(block.model)
    accepted = 0
    for path in list(string_paths(model)):
        candidate = with_payload(model, path)
        status, body = harness.call(block, "check_content", {"content": candidate})
        if status == 200 and not [p for p in body["problems"] if p["severity"] == "error"]:
            model, accepted = candidate, accepted + 1
    assert accepted, "no author text took the payloads"
    status, body = harness.call(block, "save_content", {"display_name": "XSS" + COMBINED[:190], "content": model})
    assert status == 200, body
    scenario = register(harness.export(harness.reload(block)), f"XSS studio {block_type}")
    check_every_view(workbench, page, scenario, f"{block_type} via Studio")
