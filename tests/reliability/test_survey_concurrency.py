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
MIN_GROUP = 5  # the scenario sets no min_group: the default


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

        # Every vote is stored, exactly once: the table itself, counted as the researchers' export does.
        assert stored_counts(databases) == {
            "visits": {"weekly": 25, "monthly": 25, "rarely": 25, "never": 25},
            "trust": {str(level): 20 for level in range(1, 6)},
            "crisis-info": {"library": VOTERS, "radio": VOTERS // 2},
        }

        # One more learner reads the aggregates: a snapshot of at most min_group fewer respondents
        # (it is retaken only in steps of min_group), and no count below min_group.
        status, body = submit(url, browser, token, usage, "voter-last", {"visits": "weekly"})
        assert status == 200 and body["aggregates"]["shown"]
        shown_respondents = body["aggregates"]["respondents"]
        assert VOTERS + 1 - MIN_GROUP < shown_respondents <= VOTERS + 1
        counts = [v["count"] for q in body["aggregates"]["questions"] for v in q.get("values", [])]
        assert all(count is None or count >= MIN_GROUP for count in counts)

        # A learner who answers again replaces their rows (no drift), and the learners' view does not
        # move: one changed answer must not show.
        status, again = submit(url, browser, token, usage, "voter-0", {"visits": "never"})
        assert status == 200 and again["aggregates"] == body["aggregates"]
        visits = stored_counts(databases)["visits"]
        assert visits == {"weekly": 25, "monthly": 25, "rarely": 25, "never": 26}


def stored_counts(databases):
    """{question: {value: learners}} straight from MariaDB (the rows, not what the blocks show)."""
    import MySQLdb

    settings = databases["default"]
    connection = MySQLdb.connect(host=settings["HOST"], port=int(settings["PORT"]), user=settings["USER"],
                                 database=settings["NAME"])
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT question, value, COUNT(DISTINCT learner) FROM noturiba_survey_surveyanswer "
                       "GROUP BY question, value")
        result = {}
        for question, value, total in cursor.fetchall():
            result.setdefault(question, {})[value] = total
        return result
    finally:
        connection.close()
