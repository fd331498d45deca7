"""Fixtures shared by several test folders: one Chromium per session, pages, and the live workbench.

They live here, once, because a second session-scoped Playwright (one per
folder) would start inside the first one's event loop.
"""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

# tests/platform runs in a run of its own, on the installed wheel (`make test-platform`).
collect_ignore = [] if os.environ.get("NOTURIBA_PLATFORM_SITE") else ["platform"]

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def workbench(live_server, transactional_db):
    from workbench import scenarios
    scenarios.init_scenarios()
    scenarios.get_scenarios.initialized = True
    return live_server.url


# A phone as the walk-through and the look tests meet the blocks: 360 px, touch.
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}


def watched_page(context):
    """A new page of `context` whose script errors collect in `page.js_errors`."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    return page


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    yield watched_page(context)
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield watched_page(context)
    context.close()
