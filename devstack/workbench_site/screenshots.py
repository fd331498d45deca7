"""Screenshots of every block view at 360 px and 1280 px, from a running workbench (`make run`).

    .venv/bin/python devstack/workbench_site/screenshots.py [http://127.0.0.1:8000] [var/screenshots]

Writes <scenario>-<view>-<width>.png (full page) for each block's own scenarios. With `docs` as
the folder it writes only the README's few pictures (DOCS), the first screen of each, kept small.
"""

import re
import shutil
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWS = ("student_view", "studio_view")
WIDTHS = (360, 1280)
DOCS = [("mediacheck.0", "student_view", 360, "mediacheck-phone.png"),
        ("crisisdrill.2", "student_view", 1280, "crisisdrill-desktop.png"),
        ("civicquiz.3", "student_view", 360, "civicquiz-phone.png"),
        ("mediacheck.0", "studio_view", 1280, "mediacheck-studio.png")]


def scenario_ids(base):
    page = urllib.request.urlopen(base + "/?lang=lv").read().decode()  # noqa: S310 - a local workbench
    return [sid for sid in dict.fromkeys(re.findall(r'data-scenario="([^"]+)"', page)) if not sid.startswith("course-")]


def main(base="http://127.0.0.1:8000", out="var/screenshots"):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        if out.name == "docs":
            for sid, view, width, name in DOCS:
                page = browser.new_page(viewport={"width": width, "height": 720 if width > 400 else 760})
                page.goto(f"{base}/view/{sid}/{view}/?lang=lv", wait_until="networkidle")
                page.screenshot(path=str(out / name))
                page.close()
                print(out / name)
            browser.close()
            return
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            for sid in scenario_ids(base):
                for view in VIEWS:
                    page.goto(f"{base}/view/{sid}/{view}/?lang=lv", wait_until="networkidle")
                    path = out / f"{sid}-{view}-{width}.png"
                    page.screenshot(path=str(path), full_page=True)
                    print(path)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
