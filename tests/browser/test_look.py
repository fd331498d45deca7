"""Issue 14 point 8, the look of every block view as a resident meets it: on a 360 px phone every
control is a 44 x 44 px target, nothing scrolls sideways, text, primary buttons and the focus ring
meet the WCAG 2.1 AA contrast ratios, the block writes in the host page's font, and axe finds
nothing; on a desktop each step has one filled primary action and lines stay readable. Each view is
checked as it opens and after answering and checking (workbench_site.screenshots.play)."""

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from workbench_site.screenshots import play

from ..conftest import PHONE
from .conftest import axe_violations, describe
from .test_learner_views import small_targets

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = [f"{block}.{index}" for block in ("mediacheck", "crisisdrill", "civicquiz")
             for index, _ in enumerate(sorted((ROOT / "xblocks" / block / "scenarios").glob("*.xml")))]
# An LMS-like host: the legacy courseware CSS sets its font on body and again on p, a, label and headings.
HOST_FONT = '"Host Theme Sans", serif'
HOST_CSS = f"body, h1, h2, h3, h4, h5, h6, p, a, label {{ font-family: {HOST_FONT}; }}"

# Colour helpers shared by the checks below: the effective background walks up to the first opaque one.
COLOUR_JS = """
    const rgb = (value) => { const m = value.match(/[\\d.]+/g) || ['0', '0', '0', '0'];
        return {r: +m[0], g: +m[1], b: +m[2], a: m.length > 3 ? +m[3] : 1}; };
    const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
    const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const background = (el) => { for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
        const c = rgb(getComputedStyle(node).backgroundColor); if (c.a > 0.5) return c; }
        return {r: 255, g: 255, b: 255, a: 1}; };
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
        && !el.closest('[hidden], .nt-visually-hidden');
    const name = (el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.innerText || '').trim().slice(0, 30)}"`;
"""


def phone(browser):
    return browser.new_context(**PHONE)


def settle(page):
    """Let the last handler call finish before the test database goes away (clean-up, not a check:
    a drill's timer may keep the page from ever going network-idle, so the wait is bounded)."""
    page.wait_for_timeout(700)
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_load_state("networkidle", timeout=5000)


def open_view(page, workbench, scenario, student):
    page.goto(f"{workbench}/scenario/{scenario}/student_view/?lang=lv&student={student}")
    page.locator(".noturiba").first.wait_for()
    page.wait_for_load_state("networkidle")


def overflow(page):
    """Elements of the block reaching past its right edge or the 360 px screen."""
    return page.evaluate("""() => {
        const block = document.querySelector('.noturiba');
        const edge = Math.min(block.getBoundingClientRect().right, window.innerWidth) + 1;
        const wide = [...block.querySelectorAll('*')].filter((el) => el.getClientRects().length
            && !el.closest('.nt-visually-hidden') && el.getBoundingClientRect().right > edge);
        if (block.scrollWidth > block.clientWidth + 1) wide.unshift(block);
        return wide.slice(0, 10).map((el) => `${el.tagName}.${el.className}`
                                             + ` ${Math.round(el.getBoundingClientRect().right)}`);
    }""")


def low_contrast_text(page):
    """Text below 4.5:1 (3:1 when large) and filled buttons below 4.5:1 text or 3:1 against the page."""
    return page.evaluate("""() => {""" + COLOUR_JS + """
        const found = [];
        for (const el of document.querySelectorAll('.noturiba *')) {
            if (!shown(el) || el.closest(':disabled') || el.matches('img, svg')) continue;
            const style = getComputedStyle(el);
            const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
            const size = parseFloat(style.fontSize), bold = +style.fontWeight >= 700;
            const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
            const back = background(el);
            const seen = ratio(rgb(style.color), back);
            if (own && seen < need) found.push(`text ${name(el)} ${seen.toFixed(2)}`);
            if (el.matches('.nt-button') && rgb(style.backgroundColor).a > 0.5) {
                const page = background(el.parentElement), fill = rgb(style.backgroundColor);
                if (ratio(fill, page) >= 1.5 && ratio(fill, page) < 3) found.push(`button fill ${name(el)}`);
            }
        }
        return found;
    }""")


def weak_focus(page):
    """Controls whose keyboard focus ring is missing, thinner than 2 px or below 3:1 where it is drawn."""
    page.keyboard.press("Shift")  # keyboard modality: focus() now shows :focus-visible
    return page.evaluate("""() => {""" + COLOUR_JS + """
        const found = [];
        const controls = '.noturiba :is(button, a[href], input, select, textarea, summary)';
        for (const el of document.querySelectorAll(controls)) {
            if (!shown(el) || el.disabled) continue;
            el.focus();
            const style = getComputedStyle(el);
            const width = parseFloat(style.outlineWidth), offset = parseFloat(style.outlineOffset);
            const behind = offset > 0 ? background(el.parentElement) : background(el);
            const seen = ratio(rgb(style.outlineColor), behind);
            if (style.outlineStyle === 'none' || width < 2 || seen < 3) {
                found.push(`${name(el)} ${style.outlineStyle} ${style.outlineWidth} ${seen.toFixed(2)}`);
            }
            el.blur();
        }
        return found;
    }""")


def foreign_fonts(page):
    """Elements of the block whose font is not the host page's."""
    return page.evaluate("""(host) => [...document.querySelectorAll('.noturiba, .noturiba *')]
        .filter((el) => el.getClientRects().length && getComputedStyle(el).fontFamily !== host)
        .slice(0, 10).map((el) => `${el.tagName}.${el.className}: ${getComputedStyle(el).fontFamily}`)""",
                         page.evaluate("getComputedStyle(document.body).fontFamily"))


def phone_problems(page):
    return {"small targets": small_targets(page), "overflow": overflow(page), "contrast": low_contrast_text(page),
            "font": foreign_fonts(page), "focus": weak_focus(page), "axe": axe_violations(page)}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_on_a_phone_every_view_is_comfortable_readable_and_in_the_host_font(workbench, browser, scenario):
    context = phone(browser)
    page = context.new_page()
    try:
        open_view(page, workbench, scenario, "look-phone")
        page.add_style_tag(content=HOST_CSS)
        before = phone_problems(page)
        play(page, scenario)
        page.wait_for_timeout(300)
        after = phone_problems(page)
        problems = {f"{when} {kind}": found for when, seen in (("open", before), ("checked", after))
                    for kind, found in seen.items() if found}
        assert problems == {}, describe(problems)
    finally:
        settle(page)
        context.close()


def primaries_per_step(page):
    """Visible filled buttons per step: a question, a mediacheck item, a drill situation with its timer."""
    return page.evaluate("""() => {""" + COLOUR_JS + """
        const filled = (root) => [...root.querySelectorAll('button')].filter((b) => shown(b)
            && ratio(rgb(getComputedStyle(b).backgroundColor), background(root)) >= 3
            && rgb(getComputedStyle(b).backgroundColor).a > 0.5).map(name);
        const step = '.noturiba :is([data-question], .nt-item, .nt-mc-footer, .nt-actions)';
        const steps = [...document.querySelectorAll(step)];
        const drill = document.querySelector('.nt-crisisdrill');
        const result = steps.map((s) => filled(s));
        if (drill) result.push([...drill.querySelectorAll('[data-situation], [data-timer]')].flatMap(filled));
        return result.filter((names) => names.length > 1);
    }""")


def long_lines(page):
    """Paragraphs and list items wider than 50 em (about 90 characters a line)."""
    return page.evaluate("""() => [...document.querySelectorAll('.noturiba :is(p, li)')]
        .filter((el) => el.getClientRects().length
                && el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize) > 50)
        .slice(0, 5).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().width)}px`)""")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_on_a_desktop_each_step_has_one_primary_action_and_readable_lines(workbench, browser, scenario):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        open_view(page, workbench, scenario, "look-desk")
        problems = {"primaries": primaries_per_step(page), "long lines": long_lines(page)}
        play(page, scenario)
        problems.update({"checked primaries": primaries_per_step(page), "checked long lines": long_lines(page)})
        problems = {kind: found for kind, found in problems.items() if found}
        assert problems == {}, describe(problems)
    finally:
        settle(page)
        context.close()


def test_high_contrast_mode_and_reduced_motion_keep_every_state_visible(workbench, browser):
    """Windows high contrast drops backgrounds: buttons keep a border and a marked word its underline."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, forced_colors="active",
                                  reduced_motion="reduce")
    page = context.new_page()
    try:
        open_view(page, workbench, "mediacheck.0", "look-contrast")
        page.locator(".nt-seg").first.click()
        marked = page.locator(".nt-seg[aria-pressed=true]").first
        assert float(marked.evaluate("(el) => getComputedStyle(el).borderBottomWidth").rstrip("px")) >= 2
        for button in page.locator(".nt-mediacheck .nt-button:visible").all():
            assert float(button.evaluate("(el) => getComputedStyle(el).borderTopWidth").rstrip("px")) >= 1
        moving = page.evaluate("""() => [...document.querySelectorAll('.noturiba *')].filter((el) => {
            const s = getComputedStyle(el);
            const animated = s.animationName !== 'none' && parseFloat(s.animationDuration) > 0;
            return parseFloat(s.transitionDuration) > 0 || animated;
        }).length""")
        assert moving == 0
    finally:
        settle(page)
        context.close()
