"""The print pack's PDF engine: Debian's headless Chromium, print to PDF.

Why Chromium and not WeasyPrint: Chromium is already installed as a test dependency (the browser
tests), so printing adds nothing to install; WeasyPrint is not installed and would bring Pango,
cairo and HarfBuzz system libraries into every machine that builds the pack. Chromium shapes
Latvian, Russian and Ukrainian text with HarfBuzz, finds Noto and DejaVu through fontconfig,
embeds font subsets, honours CSS @page (A4), grid and `text-wrap: balance`, and the sheets look
as they would in the offline site's browser. Its limit: Debian's build ships no hyphenation
dictionaries (Chrome downloads them), so `hyphens: auto` hyphenates only where a dictionary is
present; the sheets are set ragged right, which needs no hyphenation.

One Chromium prints every sheet: it is driven over --remote-debugging-pipe (the DevTools protocol
on file descriptors 3 and 4, no port, no Playwright at run time), one tab per PDF, because a
Chromium start per PDF costs seconds on a busy machine. The sheets are local files with their CSS
inline; nothing is fetched from the network.
"""

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path

from noturiba.messages import Message

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--no-default-browser-check")
TIMEOUT = 120  # seconds for one answer of Chromium (a sheet prints in well under one)
PRINT = {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False}


class PrintError(RuntimeError):
    """Printing failed; `message` says why, in words a librarian can act on."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def find_chromium():
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise PrintError(Message("Chromium was not found. Install it (Debian: apt-get install chromium) "
                             "and run the print command again."))


class Browser:
    """A headless Chromium spoken to over its DevTools pipe (JSON messages ended by a NUL byte)."""

    def __init__(self, chromium=None):
        self._profile = tempfile.TemporaryDirectory(prefix="noturiba-print-")
        to_child, self._out = os.pipe()
        self._in, from_child = os.pipe()

        def wire():  # in the child: its fd 3 reads our commands, fd 4 writes its answers
            high_in, high_out = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_child, from_child))
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self._process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
            [chromium or find_chromium(), *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=wire)  # noqa: PLW1509 - called before any thread starts
        os.close(to_child)
        os.close(from_child)
        self._buffer, self._next = b"", 0

    def _message(self):
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], TIMEOUT)
            if not ready:
                raise PrintError(Message("Chromium did not answer in {seconds} seconds.", seconds=TIMEOUT))
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise PrintError(Message("Chromium stopped while printing."))
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, until=None):
        """Send a command and return its result; with `until`, first wait for that event too."""
        self._next += 1
        command = {"id": self._next, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        os.write(self._out, json.dumps(command).encode() + b"\0")
        result, seen = None, until is None
        while result is None or not seen:
            message = self._message()
            if message.get("id") == self._next:
                if "error" in message:
                    raise PrintError(Message("Chromium could not print {name}: {detail}", name=method,
                                             detail=str(message["error"].get("message", ""))[:300]))
                result = message.get("result", {})
            elif until and message.get("method") == until and message.get("sessionId") == session:
                seen = True
        return result

    def print_pdf(self, html_path, pdf_path):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=session)
        self.call("Page.navigate", {"url": Path(html_path).resolve().as_uri()}, session, until="Page.loadEventFired")
        self.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)",
                                       "awaitPromise": True}, session)
        data = self.call("Page.printToPDF", PRINT, session)["data"]
        Path(pdf_path).write_bytes(base64.b64decode(data))
        self.call("Target.closeTarget", {"targetId": target})
        return Path(pdf_path)

    def close(self):
        with contextlib.suppress(PrintError, OSError):
            self.call("Browser.close")
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._out)
        os.close(self._in)
        self._profile.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def print_all(jobs, chromium=None):
    """Print every (html_path, pdf_path) of `jobs` with one Chromium."""
    with Browser(chromium) as browser:
        return [browser.print_pdf(html_path, pdf_path) for html_path, pdf_path in jobs]


def html_to_pdf(html_path, pdf_path, chromium=None):
    return print_all([(html_path, pdf_path)], chromium)[0]
