"""The block harness and the live workbench in Chromium, shared with tests/blocks and tests/browser."""

from ..blocks.conftest import harness, latvian  # noqa: F401
from ..browser.conftest import browser, page, workbench  # noqa: F401
