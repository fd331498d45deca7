"""Blocks in the real XBlock SDK runtime: parse OLX, render views, call handlers, export."""

import io
import json
from importlib import resources

import pytest
from django.utils import translation
from webob import Request
from workbench.runtime import WorkbenchRuntime

BLOCK_TYPES = ("mediacheck", "crisisdrill", "civicquiz")


def package_scenarios(block_type):
    folder = resources.files(block_type).joinpath("scenarios")
    if not folder.is_dir():
        return []
    return sorted((entry.name, entry.read_text(encoding="utf-8"))
                  for entry in folder.iterdir() if entry.name.endswith(".xml"))


ALL_SCENARIOS = [(block_type, name, xml) for block_type in BLOCK_TYPES for name, xml in package_scenarios(block_type)]


class Harness:
    def __init__(self, user_id="learner-1"):
        self.user_id = user_id
        self.runtime = WorkbenchRuntime(user_id)

    def load(self, xml):
        usage_id = self.runtime.parse_xml_string(xml)
        return self.runtime.get_block(usage_id)

    def reload(self, block, user_id=None):
        """The same block as a new request of `user_id` would see it (state from the database)."""
        runtime = WorkbenchRuntime(user_id or self.user_id)
        return runtime.get_block(block.scope_ids.usage_id)

    def call(self, block, handler, payload, raw=None):
        body = raw if raw is not None else json.dumps(payload).encode()
        request = Request.blank("/", method="POST", body=body, content_type="application/json")
        response = block.runtime.handle(block, handler, request)
        return response.status_code, json.loads(response.body or b"null")

    def export(self, block):
        """The block's OLX as a course export writes it (bytes, with the XML declaration)."""
        out = io.BytesIO()
        block.runtime.export_to_xml(block, out)
        return out.getvalue()


@pytest.fixture
def harness(db):
    return Harness()


@pytest.fixture
def latvian():
    with translation.override("lv"):
        yield
