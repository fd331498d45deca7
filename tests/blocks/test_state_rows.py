"""The embedded workbench survives two first saves of one learner at once (the LMS's table has a unique key)."""

import threading

import pytest
from workbench.models import XBlockState

from .conftest import Harness, package_scenarios


@pytest.mark.django_db(transaction=True)
def test_two_first_saves_at_once_leave_one_row_and_no_error():
    xml = package_scenarios("civicquiz")[0][1]
    block = Harness("racer").load(xml)
    question = block.model.questions[0].id
    errors = []

    def save(n):
        try:
            harness = Harness("racer")
            Harness.call(harness, harness.reload(block), "save_answer", {"question": question, "answer": "a"})
        except Exception as error:  # noqa: BLE001 - the assertion below shows it
            errors.append(repr(error))

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = XBlockState.objects.filter(user_id="racer", scope="usage")
    assert rows.count() == 1
