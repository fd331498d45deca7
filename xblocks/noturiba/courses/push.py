"""Import a course .tar.gz into Studio through the CMS's course import REST API.

1. An OAuth2 client-credentials token (JWT) from <LMS or CMS>/oauth2/access_token.
2. POST <CMS>/api/courses/v0/import/<course_id>/ with the archive as the multipart
   field `course_data`; the answer is {"task_id": ...}.
3. GET the same URL with ?task_id=...&filename=... until the state is final
   ("Succeeded", or "Failed"/"Canceled"), or the time allowed runs out.

The client needs a user with course author (staff) access to the course; in
Django admin: an application of grant type "client credentials" for that user
(and, for a JWT, an "OAuth2 Application Access" entry where the platform asks).

Every failure is a PushError whose text tells the operator what happened and
what to check; nothing here prints.
"""

import ipaddress
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

COURSE_ID = re.compile(r"course-v1:[A-Za-z0-9_.~-]+\+[A-Za-z0-9_.~-]+\+[A-Za-z0-9_.~-]+")
FINAL_OK = {"Succeeded"}
FINAL_FAILED = {"Failed", "Canceled", "Cancelled"}
MAX_SERVER_ERRORS = 5  # consecutive HTTP 5xx answers while polling before giving up
MAX_ANSWER_BYTES = 1_000_000  # the API answers with small JSON; anything larger is not the CMS


class PushError(Exception):
    """A push that did not succeed; str() is the message for the operator."""


def _base(url, what):
    url = (url or "").strip().rstrip("/")
    if not re.match(r"https?://[^/\s]+", url):
        raise PushError(f"The {what} address must be a full http:// or https:// URL, not \"{url}\".")
    if url.startswith("http://") and not _loopback(urlsplit(url).hostname or ""):
        # The client secret and the token would cross the network in clear text.
        raise PushError(f"The {what} address {url} must start with https:// (plain http:// is accepted only "
                        "for this machine: localhost, 127.0.0.1 or [::1]).")
    return url


def _loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _request(session, method, url, what, **kwargs):
    """One request, never following a redirect (it would carry the secret, token or archive elsewhere),
    and its answer read up to MAX_ANSWER_BYTES."""
    try:
        response = session.request(method, url, allow_redirects=False, stream=True, **kwargs)
        body = bytearray()
        for chunk in response.iter_content(64 * 1024):
            body += chunk
            if len(body) > MAX_ANSWER_BYTES:
                response.close()
                raise PushError(f"{what}: the answer of {url} is larger than {MAX_ANSWER_BYTES} bytes; "
                                "that is not the import API. Check the address.")
    except requests.Timeout:
        raise PushError(f"{what}: {url} did not answer in time. Check the address and that the server is up.") \
            from None
    except requests.ConnectionError as error:
        reason = _reason(error)
        raise PushError(f"{what}: cannot connect to {url} ({reason}). Check the address, the network and that "
                        "the server is running.") from None
    except requests.RequestException as error:
        raise PushError(f"{what}: the request to {url} failed ({_reason(error)}).") from None
    response._content = bytes(body)  # what .json() and .text read, now that the stream is consumed
    if response.is_redirect:
        raise PushError(f"{what}: {url} answered with a redirect to {response.headers.get('Location', '?')}. "
                        "Nothing was sent there: give the final address (https://) of the CMS or LMS instead.")
    return response


def _reason(error):
    text = str(error)
    for pattern in (r"\[Errno -?\d+\] ([^'\")]+)", r"(Connection refused)", r"(Name or service not known)"):
        found = re.search(pattern, text)
        if found:
            return found.group(1).strip()
    return text[:200]


def _json(response, what):
    try:
        data = response.json()
    except ValueError:
        raise PushError(f"{what}: the server answered HTTP {response.status_code} with something that is not JSON "
                        f"({_snippet(response)}). Is the address the right CMS/LMS?") from None
    if not isinstance(data, dict):
        raise PushError(f"{what}: unexpected answer from the server: {str(data)[:200]}")
    return data


def _snippet(response):
    text = " ".join((response.text or "").split())
    return text[:200] or "empty"


def _detail(response):
    try:
        data = response.json()
    except ValueError:
        return _snippet(response)
    if isinstance(data, dict):
        for key in ("error_description", "developer_message", "detail", "message", "error"):
            if data.get(key):
                return str(data[key])[:300]
    return str(data)[:300]


def get_token(session, base_url, client_id, client_secret, timeout=30):
    """(token_type, access_token) from the client-credentials grant."""
    if not client_id or not client_secret:
        raise PushError("A client id and a client secret are needed (--client-id/--client-secret or "
                        "NOTURIBA_CLIENT_ID/NOTURIBA_CLIENT_SECRET).")
    url = f"{base_url}/oauth2/access_token"
    response = _request(session, "POST", url, "Getting an access token", timeout=timeout, data={
        "grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret,
        "token_type": "jwt",
    })
    if response.status_code in (400, 401, 403):
        raise PushError(f"Getting an access token: the server refused the client id or secret "
                        f"(HTTP {response.status_code}: {_detail(response)}). Check the OAuth2 application in "
                        "Django admin (grant type client credentials) and the secret.")
    if response.status_code != 200:
        raise PushError(f"Getting an access token: HTTP {response.status_code} from {url} ({_detail(response)}).")
    data = _json(response, "Getting an access token")
    token = data.get("access_token")
    if not token:
        raise PushError("Getting an access token: the answer holds no access_token.")
    return (data.get("token_type") or "JWT"), token


def push_course(archive, cms_url, course_id, client_id, client_secret, *, lms_url=None, timeout=900.0,
                poll_interval=5.0, request_timeout=120.0, session=None, progress=None, sleep=time.sleep):
    """Import `archive` into `course_id` on the CMS; return the final status dict. Raises PushError."""
    archive = Path(archive)
    if not archive.is_file():
        raise PushError(f"The archive {archive} does not exist. Run `python -m noturiba.courses build` first.")
    if not archive.name.endswith(".tar.gz"):
        raise PushError(f"{archive.name}: the import API takes .tar.gz archives only.")
    if not COURSE_ID.fullmatch(course_id or ""):
        raise PushError(f"\"{course_id}\" is not a course id like course-v1:LNB+MED101+2027.")
    cms = _base(cms_url, "CMS")
    auth_base = _base(lms_url, "LMS") if lms_url else cms
    progress = progress or (lambda text: None)
    session = session or requests.Session()

    progress(f"Getting an access token from {auth_base} ...")
    token_type, token = get_token(session, auth_base, client_id, client_secret, timeout=request_timeout)
    scheme = "JWT" if token_type.lower() == "jwt" else "Bearer"
    headers = {"Authorization": f"{scheme} {token}", "Accept": "application/json"}
    url = f"{cms}/api/courses/v0/import/{course_id}/"

    progress(f"Uploading {archive.name} ({archive.stat().st_size} bytes) to {url} ...")
    with archive.open("rb") as handle:
        response = _request(session, "POST", url, "Uploading the course", headers=headers, timeout=request_timeout,
                            files={"course_data": (archive.name, handle, "application/gzip")})
    _check_status(response, "Uploading the course", course_id)
    task_id = _json(response, "Uploading the course").get("task_id")
    if not task_id:
        raise PushError("Uploading the course: the answer holds no task_id.")

    progress(f"Import task {task_id} started; waiting for it to finish ...")
    deadline = time.monotonic() + timeout
    last = None
    server_errors = 0
    while True:
        response = _request(session, "GET", url, "Checking the import", headers=headers, timeout=request_timeout,
                            params={"task_id": task_id, "filename": archive.name})
        if response.status_code >= 500 and server_errors < MAX_SERVER_ERRORS and time.monotonic() < deadline:
            # The CMS answers 500 while the task's status row does not exist yet: ask again.
            server_errors += 1
            sleep(poll_interval)
            continue
        server_errors = 0
        _check_status(response, "Checking the import", course_id)
        status = _json(response, "Checking the import")
        state = str(status.get("state", ""))
        if state != last:
            progress(f"Import state: {state or 'unknown'}")
            last = state
        if state in FINAL_OK:
            return status
        if state in FINAL_FAILED:
            detail = status.get("message") or status.get("error") or ""
            raise PushError(f"The import of {archive.name} into {course_id} {state.lower()}"
                            + (f": {detail}" if detail else ".")
                            + " Studio's Import page for the course shows the details.")
        if time.monotonic() >= deadline:
            raise PushError(f"The import did not finish within {timeout:g} seconds (last state: {state or 'unknown'}"
                            f"). It may still be running: check Studio's Import page for {course_id}.")
        sleep(poll_interval)


def _check_status(response, what, course_id):
    code = response.status_code
    if code == 401:
        raise PushError(f"{what}: the CMS did not accept the token (HTTP 401: {_detail(response)}). The client id "
                        "and secret may belong to another site, or the token expired.")
    if code == 403:
        raise PushError(f"{what}: the user of this client may not import into {course_id} (HTTP 403). Give that "
                        "user staff (course author) access to the course.")
    if code == 404:
        raise PushError(f"{what}: HTTP 404. The course {course_id} must already exist in Studio, and the CMS "
                        "address must be Studio's.")
    if code >= 400:
        raise PushError(f"{what}: HTTP {code} ({_detail(response)}).")
