"""push against a small local CMS: token, upload, status polling, and each way it can fail."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from noturiba.courses.__main__ import main
from noturiba.courses.build import build_course
from noturiba.courses.push import PushError, push_course

COURSE_ID = "course-v1:LNB+TST101+2027"
IMPORT_PATH = f"/api/courses/v0/import/{COURSE_ID}/"


class FakeCms:
    """The contract: /oauth2/access_token, then POST and GET the import URL."""

    def __init__(self):
        self.secret = "s3cret"
        self.states = ["Pending", "In Progress", "Succeeded"]
        self.token_status = None
        self.upload_status = 200
        self.uploads = []
        self.token_requests = []
        self.polls = []
        cms = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, payload):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def body(self):
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def authorized(self):
                return self.headers.get("Authorization") == "JWT token-123"

            def do_POST(self):  # noqa: N802
                if self.path == "/oauth2/access_token":
                    form = {k: v[0] for k, v in parse_qs(self.body().decode()).items()}
                    cms.token_requests.append(form)
                    if cms.token_status:
                        return self.reply(cms.token_status, {"error": "invalid_client"})
                    if form.get("client_secret") != cms.secret or form.get("grant_type") != "client_credentials":
                        return self.reply(401, {"error": "invalid_client"})
                    return self.reply(200, {"access_token": "token-123", "token_type": "JWT", "expires_in": 3600})
                if self.path == IMPORT_PATH:
                    data = self.body()
                    if not self.authorized():
                        return self.reply(401, {"detail": "Authentication credentials were not provided."})
                    if cms.upload_status != 200:
                        return self.reply(cms.upload_status, {"developer_message": "no access"})
                    ctype = self.headers.get("Content-Type", "")
                    cms.uploads.append((ctype, data))
                    return self.reply(200, {"task_id": "task-1"})
                return self.reply(404, {"detail": "Not found."})

            def do_GET(self):  # noqa: N802
                url = urlsplit(self.path)
                if url.path != IMPORT_PATH:
                    return self.reply(404, {"detail": "Not found."})
                if not self.authorized():
                    return self.reply(401, {"detail": "bad token"})
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                cms.polls.append(query)
                state = cms.states.pop(0) if len(cms.states) > 1 else cms.states[0]
                if state == 500:
                    return self.reply(500, {"developer_message": "'NoneType' object has no attribute 'state'"})
                return self.reply(200, {"state": state})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def cms():
    with FakeCms() as server:
        yield server


@pytest.fixture
def archive(make_course, course_files, tmp_path):
    return build_course(make_course(course_files), tmp_path / "dist")


def push(archive, cms, **kwargs):
    options = {"poll_interval": 0, "timeout": 10, "request_timeout": 5}
    options.update(kwargs)
    return push_course(archive, cms.url, COURSE_ID, "client", cms.secret, **options)


def test_success(cms, archive):
    messages = []
    status = push(archive, cms, progress=messages.append)
    assert status == {"state": "Succeeded"}
    assert cms.token_requests == [{"grant_type": "client_credentials", "client_id": "client",
                                   "client_secret": "s3cret", "token_type": "jwt"}]
    [(ctype, body)] = cms.uploads
    assert ctype.startswith("multipart/form-data")
    assert b'name="course_data"; filename="tst-kurss.tar.gz"' in body
    assert archive.read_bytes() in body
    assert cms.polls[-1] == {"task_id": "task-1", "filename": "tst-kurss.tar.gz"}
    assert len(cms.polls) == 3
    assert "Import state: Succeeded" in messages


def test_token_from_the_lms(cms, archive):
    with FakeCms() as lms:
        cms.token_status = 500  # the CMS must not be asked
        assert push(archive, cms, lms_url=lms.url) == {"state": "Succeeded"}
        assert len(lms.token_requests) == 1 and cms.token_requests == []


def test_wrong_secret_is_a_clear_401(cms, archive):
    with pytest.raises(PushError, match=r"refused the client id or secret \(HTTP 401"):
        push_course(archive, cms.url, COURSE_ID, "client", "wrong", poll_interval=0)
    assert cms.uploads == []


def test_upload_403_names_the_missing_access(cms, archive):
    cms.upload_status = 403
    with pytest.raises(PushError, match=r"may not import into course-v1:LNB\+TST101\+2027 \(HTTP 403\)"):
        push(archive, cms)


def test_failed_import(cms, archive):
    cms.states = ["Pending", "Failed"]
    with pytest.raises(PushError, match="The import of tst-kurss.tar.gz into course-v1:LNB.TST101.2027 failed"):
        push(archive, cms)


def test_status_not_ready_yet_is_asked_again(cms, archive):
    cms.states = [500, 500, "Succeeded"]
    assert push(archive, cms) == {"state": "Succeeded"}


def test_timeout(cms, archive):
    cms.states = ["In Progress"]
    with pytest.raises(PushError, match=r"did not finish within 0.2 seconds \(last state: In Progress\)"):
        push(archive, cms, timeout=0.2, poll_interval=0.05)


def test_network_failure(archive):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PushError, match=r"cannot connect to http://127.0.0.1:\d+/oauth2/access_token"):
        push_course(archive, f"http://127.0.0.1:{port}", COURSE_ID, "client", "secret", request_timeout=5)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"course_id": "LNB/TST101/2027"}, "is not a course id"),
    ({"cms_url": "studio.example.org"}, "must be a full http"),
    ({"client_secret": ""}, "client id and a client secret are needed"),
])
def test_bad_arguments(archive, kwargs, message):
    args = {"cms_url": "http://127.0.0.1:9", "course_id": COURSE_ID, "client_id": "c", "client_secret": "s"}
    args.update(kwargs)
    with pytest.raises(PushError, match=message):
        push_course(archive, args.pop("cms_url"), args.pop("course_id"), args.pop("client_id"),
                    args.pop("client_secret"))


def test_missing_archive(tmp_path):
    with pytest.raises(PushError, match="does not exist"):
        push_course(tmp_path / "nav.tar.gz", "http://127.0.0.1:9", COURSE_ID, "c", "s")


def test_cli_with_environment(cms, archive, monkeypatch, capsys):
    monkeypatch.setenv("NOTURIBA_CMS_URL", cms.url)
    monkeypatch.setenv("NOTURIBA_COURSE_ID", COURSE_ID)
    monkeypatch.setenv("NOTURIBA_CLIENT_ID", "client")
    monkeypatch.setenv("NOTURIBA_CLIENT_SECRET", cms.secret)
    assert main(["push", str(archive), "--poll-interval", "0"]) == 0
    assert f"Imported tst-kurss.tar.gz into {COURSE_ID}" in capsys.readouterr().out
    cms.states = ["Failed"]
    assert main(["push", str(archive), "--poll-interval", "0"]) == 1
    assert "Push failed: The import of tst-kurss.tar.gz" in capsys.readouterr().err


# Hostile or mistaken servers (issue 18, point 11): credentials go only to the configured origins.

class Collector:
    """Another server on another port: records whatever reaches it."""

    def __init__(self):
        self.requests = []
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                collector.requests.append((self.command, self.path, dict(self.headers), body))
                payload = json.dumps({"access_token": "stolen", "token_type": "JWT", "task_id": "t",
                                      "state": "Succeeded"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = answer  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class RedirectingCms(FakeCms):
    """The fake CMS, but the paths in `redirects` answer 307 (method and body kept) to `target`."""

    def __init__(self, target, redirects):
        super().__init__()
        handler = self.server.RequestHandlerClass
        original = {name: getattr(handler, name) for name in ("do_POST", "do_GET")}

        def wrap(name):
            def method(self):
                if urlsplit(self.path).path in redirects:
                    self.rfile.read(int(self.headers.get("Content-Length") or 0))
                    self.send_response(307)
                    self.send_header("Location", target + self.path)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                return original[name](self)
            return method

        for name in original:
            setattr(handler, name, wrap(name))


@pytest.mark.parametrize("redirected", ["/oauth2/access_token", IMPORT_PATH])
def test_a_redirect_to_another_port_gets_neither_the_secret_nor_the_archive(archive, redirected):
    with Collector() as other, RedirectingCms(other.url, {redirected}) as cms, \
            pytest.raises(PushError, match=r"redirect"):
        push(archive, cms)
    assert other.requests == [], "nothing may be sent to the address a redirect names"


@pytest.mark.parametrize("url", ["http://studio.example.org", "http://10.0.0.5:8000", "ftp://studio.example.org"])
def test_plain_http_to_a_host_other_than_loopback_is_refused_before_any_request(archive, url):
    class NoNetwork:
        def request(self, *args, **kwargs):
            raise AssertionError("no request may be sent")

    with pytest.raises(PushError, match="https://"):
        push_course(archive, url, COURSE_ID, "client", "secret", session=NoNetwork())
    with pytest.raises(PushError, match="https://"):
        push_course(archive, "https://studio.example.org", COURSE_ID, "client", "secret", lms_url=url,
                    session=NoNetwork())


def test_an_oversized_answer_is_refused_without_reading_it_all(archive):
    with FakeCms() as cms:
        handler = cms.server.RequestHandlerClass

        def huge(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                self.wfile.write(b'{"access_token": "')
                for _ in range(64):  # 64 MiB unless the client hangs up first
                    self.wfile.write(b"x" * 1_048_576)
            except OSError:
                pass

        handler.do_POST = huge
        with pytest.raises(PushError, match=r"larger than"):
            push(archive, cms)
