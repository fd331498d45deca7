"""Survey aggregates and the staff results, built from hostile option labels and learner texts, run no
script in Chromium; the researchers' CSV is a download with formula-safe cells."""

import csv
import io

import pytest
from webob import Request
from workbench import scenarios as wb_scenarios

from ..blocks.conftest import Harness, package_scenarios
from .inject import inject_olx
from .payloads import PAYLOADS
from .test_xss import assert_nothing_ran, watch

pytestmark = pytest.mark.browser

HOSTILE_TEXT = "=HYPERLINK(\"http://127.0.0.1:9\") " + " ".join(PAYLOADS[:20])


def test_aggregates_and_staff_results_with_hostile_text_run_nothing(workbench, page, monkeypatch):
    xml = inject_olx(next(xml for name, xml in package_scenarios("civicquiz") if "survey" in name))
    wb_scenarios.add_xml_scenario("xss.aggregates", "XSS aggregates", xml)
    usage = wb_scenarios.SCENARIOS["xss.aggregates"].usage_id
    block = None
    for n in range(6):  # more than min_group, so the aggregates are shown
        harness = Harness(f"hostile-{n}")
        block = harness.runtime.get_block(usage)
        answers = {}
        for question in block.model.questions:
            if question.type == "scale":
                answers[question.id] = question.scale_min or 1
            elif question.type == "single":
                answers[question.id] = question.options[n % len(question.options)].id
            elif question.type == "multiple":
                answers[question.id] = [question.options[0].id]
            elif question.type == "text":
                answers[question.id] = HOSTILE_TEXT
        status, body = harness.call(block, "submit", {"answers": answers})
        assert status == 200, body
        assert body["aggregates"]["shown"] or n < 4

    dialogs = watch(page)
    for view in ("author_view", "student_view"):  # staff results in author_view; aggregates after answering
        page.goto(f"{workbench}/scenario/xss.aggregates/{view}/?student=hostile-5")
        page.locator(".noturiba").first.wait_for()
        assert_nothing_ran(page, dialogs, f"aggregates {view}")
    assert page.locator(".noturiba").inner_text().strip()

    monkeypatch.setattr(type(block), "is_staff", lambda self: True)
    response = block.runtime.handle(block, "export_csv", Request.blank("/"))
    assert response.content_type == "text/csv" and "attachment" in response.content_disposition
    cells = [cell for row in csv.reader(io.StringIO(response.text)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], "a cell a spreadsheet would run"
