"""100 learners answer the civicquiz survey at the same moment: no vote is lost (MariaDB, gunicorn workers).

The workbench names the learner by the `student` query parameter of the page
and handler URLs (workbench/views.py get_student_id); each thread is one
learner. Answers live in rows of their own (noturiba.survey), so concurrent
votes never overwrite a shared tally, as the poll block's read-modify-write does.
"""

import json
import re
import threading
import urllib.request
from http.cookiejar import CookieJar

from tests.live import mariadb, workbench_server

VOTERS = 100
SURVEY = "civicquiz.2"  # 03-trust-survey.xml


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def scenario_page(url, student):
    browser = opener()
    with browser.open(f"{url}/scenario/{SURVEY}/student_view/?student={student}", timeout=60) as response:
        html = response.read().decode("utf-8")
    token = None
    for handler in browser.handlers:
        if isinstance(handler, urllib.request.HTTPCookieProcessor):
            token = next(cookie.value for cookie in handler.cookiejar if cookie.name == "csrftoken")
    usage = re.search(r"data-usage=['\"]([^'\"]+)['\"]", html).group(1)
    return browser, token, usage


def submit(url, browser, token, usage, student, answers):
    request = urllib.request.Request(
        f"{url}/handler/{usage}/submit/?student={student}", method="POST",
        data=json.dumps({"answers": answers}).encode(),
        headers={"Content-Type": "application/json", "X-CSRFToken": token, "Referer": url + "/"})
    with browser.open(request, timeout=120) as response:
        return response.status, json.loads(response.read())


def test_hundred_simultaneous_voters_lose_no_vote(tmp_path):
    with mariadb(tmp_path) as databases, workbench_server(databases, tmp_path, workers=4) as url:
        browser, token, usage = scenario_page(url, "voter-setup")
        barrier = threading.Barrier(VOTERS)
        outcomes = [None] * VOTERS

        def vote(n):
            answers = {"visits": ("weekly", "monthly", "rarely", "never")[n % 4], "trust": 1 + n % 5,
                       "crisis-info": ["radio", "library"] if n % 2 else ["library"]}
            try:
                # Like a real learner, open the page first (it also makes each gunicorn worker
                # load the workbench scenarios, which the handler view alone does not do).
                own_browser, own_token, own_usage = scenario_page(url, f"voter-{n}")
            except Exception as error:  # noqa: BLE001 - reported below with the voter's number
                outcomes[n] = ("error", repr(error))
            barrier.wait(timeout=300)  # everyone posts at the same moment
            if outcomes[n] is None:
                try:
                    outcomes[n] = submit(url, own_browser, own_token, own_usage, f"voter-{n}", answers)
                except Exception as error:  # noqa: BLE001
                    outcomes[n] = ("error", repr(error))

        threads = [threading.Thread(target=vote, args=(n,)) for n in range(VOTERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        failed = [(n, o) for n, o in enumerate(outcomes) if not o or o[0] != 200]
        assert failed == []

        # One more learner reads the aggregates: every vote is counted, exactly once.
        status, body = submit(url, browser, token, usage, "voter-last", {"visits": "weekly"})
        assert status == 200 and body["aggregates"]["shown"]
        assert body["aggregates"]["respondents"] == VOTERS + 1
        questions = {q["question"]: q for q in body["aggregates"]["questions"]}
        visits = {v["value"]: v["count"] for v in questions["visits"]["values"]}
        assert visits == {"weekly": 26, "monthly": 25, "rarely": 25, "never": 25}
        library = {v["value"]: v["count"] for v in questions["crisis-info"]["values"]}
        assert library["library"] == VOTERS and library["radio"] == VOTERS // 2
        trust = {v["value"]: v["count"] for v in questions["trust"]["values"]}
        assert sum(trust.values()) == VOTERS and set(trust.values()) == {20}

        # A learner who answers again replaces their answer; counts do not drift.
        status, body = submit(url, browser, token, usage, "voter-0", {"visits": "never"})
        visits = {v["value"]: v["count"] for q in body["aggregates"]["questions"] if q["question"] == "visits"
                  for v in q["values"]}
        assert visits == {"weekly": 25, "monthly": 25, "rarely": 25, "never": 26}
