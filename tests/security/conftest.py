"""The block harness of tests/blocks (the browser fixtures come from tests/conftest.py)."""

from ..blocks.conftest import harness, latvian  # noqa: F401
