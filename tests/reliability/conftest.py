"""One MariaDB and one multi-process workbench for the reliability tests, and learners that use it over HTTP."""

import json
import re
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest

from tests.live import mariadb, workbench_server


class Learner:
    """One learner (the workbench's `student` parameter) with their own cookies, on one scenario."""

    def __init__(self, url, student, scenario):
        self.url, self.student, self.scenario = url, student, scenario
        self.jar = CookieJar()
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.usage = None

    def open(self):
        """Open the scenario page as a learner does (it also loads the scenarios in that gunicorn worker)."""
        page = f"{self.url}/scenario/{self.scenario}/student_view/?student={self.student}"
        with self.browser.open(page, timeout=120) as response:
            html = response.read().decode("utf-8")
        self.usage = re.search(r"data-usage=['\"]([^'\"]+)['\"]", html).group(1)
        return html

    def post(self, handler, payload):
        token = next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")
        request = urllib.request.Request(
            f"{self.url}/handler/{self.usage}/{handler}/?student={self.student}", method="POST",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": token, "Referer": self.url + "/"})
        try:
            with self.browser.open(request, timeout=120) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


class LiveWorkbench:
    def __init__(self, url, databases):
        self.url, self.databases = url, databases

    def learner(self, student, scenario):
        return Learner(self.url, student, scenario)

    def user_state(self, usage, student):
        """The learner's saved fields of one block, read straight from MariaDB (what the LMS would read)."""
        import MySQLdb
        db = self.databases["default"]
        connection = MySQLdb.connect(host=db["HOST"], port=int(db["PORT"]), user=db["USER"], db=db["NAME"])
        try:
            cursor = connection.cursor()
            cursor.execute("SELECT state FROM workbench_xblockstate WHERE scope = 'usage' AND scope_id = %s "
                           "AND user_id = %s", (usage, student))
            row = cursor.fetchone()
        finally:
            connection.close()
        return json.loads(row[0]) if row else {}


@pytest.fixture(scope="session")
def live_workbench(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    no_courses = folder / "no-courses"
    no_courses.mkdir()
    # Course units are not needed here; leaving them out keeps each worker's start short.
    with mariadb(folder) as databases, workbench_server(
            databases, folder, workers=4, extra_env={"NOTURIBA_COURSES_DIR": str(no_courses)}) as url:
        yield LiveWorkbench(url, databases)
