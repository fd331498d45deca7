"""Screenshots of every block view at 360 px and 1280 px, from a running workbench (`make run`).

    .venv/bin/python devstack/workbench_site/screenshots.py [http://127.0.0.1:8000] [var/screenshots]

Writes <scenario>-<view>-<width>.png (the whole block) for each block's own scenarios, and
<scenario>-played-<width>.png after answering and checking (play()). With `docs` as the folder it
writes only the README's few pictures (DOCS), the first screen of each, kept small.
"""

import re
import shutil
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

VIEWS = ("student_view", "studio_view")
WIDTHS = (360, 1280)
DOCS = [("mediacheck.0", "student_view", 360, "mediacheck-phone.png", ".nt-item"),  # from the first post
        ("crisisdrill.2", "student_view", 1280, "crisisdrill-desktop.png", None),
        ("civicquiz.3", "student_view", 360, "civicquiz-phone.png", None),
        ("mediacheck.0", "studio_view", 1280, "mediacheck-studio.png", None)]


def scenario_ids(base):
    page = urllib.request.urlopen(base + "/?lang=lv").read().decode()  # noqa: S310 - a local workbench
    return [sid for sid in dict.fromkeys(re.findall(r'data-scenario="([^"]+)"', page)) if not sid.startswith("course-")]


def _answer_civicquiz(page):
    for question in page.locator("[data-question]").all():
        for group in (".nt-choices input, .nt-scale input", ".nt-certainty input"):
            if question.locator(group).count():
                question.locator(group).first.check()
        for select in question.locator("select").all():
            select.select_option(index=1)
        for field in question.locator("textarea, input[type=text]").all():
            field.fill("Bibliotēkā var uzzināt vairāk.")
    checks = page.locator("[data-check]")
    if checks.count():
        for index in range(checks.count()):
            checks.nth(index).click()
            page.wait_for_load_state("networkidle")
    elif page.locator("[data-submit]").count():
        page.locator("[data-submit]").click()
        if page.locator("[data-confirm-yes]").count():
            page.locator("[data-confirm-yes]").click()


def _answer_mediacheck(page):
    for item in page.locator(".nt-item").all():
        if item.locator(".nt-seg").count():
            item.locator(".nt-seg").first.click()
        if item.locator(".nt-mc-lead").count():
            item.locator(".nt-mc-lead").first.click()
        item.locator(".nt-mc-verdict input").first.check()
        if item.locator(".nt-mc-check:visible").count():
            item.locator(".nt-mc-check").click()
            page.wait_for_load_state("networkidle")
    if page.locator(".nt-mc-submit:visible").count():
        page.locator(".nt-mc-submit").click()
        if page.locator("[data-confirm-yes]").count():
            page.locator("[data-confirm-yes]").click()


def _play_crisisdrill(page):
    block = page.locator(".nt-crisisdrill")
    for _ in range(14):
        page.wait_for_load_state("networkidle")
        if block.locator("[data-debrief]:visible").count():
            return
        step = block.locator("[data-clock='start']:visible, .nt-cd-choice:visible, "
                             ".nt-cd-checklist button[type=submit]:visible, [data-body] > .nt-button:visible")
        if not step.count():
            return
        try:
            step.first.click(timeout=5000)
        except PlaywrightError:  # the countdown redraws the step each second: look again
            continue
        page.wait_for_timeout(300)


def play(page, sid):
    """Answer every question (the first option), check or submit, and play a drill to its debrief."""
    {"civicquiz": _answer_civicquiz, "mediacheck": _answer_mediacheck,
     "crisisdrill": _play_crisisdrill}[sid.split(".")[0]](page)
    page.wait_for_load_state("networkidle")


def shoot(page, path, height=None, start=None):
    """The block alone (the workbench's banner and debug table left out), in the workbench's font,
    the same family as the LMS courseware page's; `height` keeps only the first screen of it."""
    page.add_style_tag(content=".workbench .banner { position: static !important; }")
    box = page.evaluate("""() => { const boxes = [...document.querySelectorAll('.noturiba')]
        .map((el) => el.getBoundingClientRect()).filter((r) => r.height);
        return {top: Math.min(...boxes.map((r) => r.top)) + window.scrollY,
                bottom: Math.max(...boxes.map((r) => r.bottom)) + window.scrollY}; }""")
    if start:
        box["top"] = page.locator(start).first.bounding_box()["y"] + page.evaluate("window.scrollY")
    top = max(0, box["top"] - 8)
    tall = box["bottom"] + 8 - top
    tall = min(tall, height) if height else tall
    page.screenshot(path=str(path), full_page=True,
                    clip={"x": 0, "y": top, "width": page.viewport_size["width"], "height": tall})


def main(base="http://127.0.0.1:8000", out="var/screenshots"):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    student = f"shots-{int(time.time())}"  # a fresh learner: nothing answered yet
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        if out.name == "docs":
            for sid, view, width, name, start in DOCS:
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(f"{base}/scenario/{sid}/{view}/?lang=lv&student={student}", wait_until="networkidle")
                shoot(page, out / name, height=720 if width > 400 else 760, start=start)
                page.close()
                print(out / name)
            browser.close()
            return
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            for sid in scenario_ids(base):
                for view in VIEWS:
                    page.goto(f"{base}/scenario/{sid}/{view}/?lang=lv&student={student}-{width}",
                              wait_until="networkidle")
                    shoot(page, out / f"{sid}-{view}-{width}.png")
                    print(out / f"{sid}-{view}-{width}.png")
                page.goto(f"{base}/scenario/{sid}/student_view/?lang=lv&student={student}-{width}",
                          wait_until="networkidle")
                play(page, sid)
                shoot(page, out / f"{sid}-played-{width}.png")
                print(out / f"{sid}-played-{width}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
