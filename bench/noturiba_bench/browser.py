"""Browser: each block's workbench scenario page in Debian's Chromium, slow phone on slow 4G.

The workbench is served from this process (Django's threaded WSGI server on
a free loopback port, static files included, text responses gzip-compressed
as the LMS's web server sends them). Every sample is a new browser
context with, over CDP, Emulation.setCPUThrottlingRate(4) and
Network.emulateNetworkConditions(latency 150 ms, 1.6 Mbps down, 750 kbps up).

Each sample is a cold load (new context, empty cache) and then a warm load of
the same page in the same context (block resources and static files carry
Cache-Control as the LMS's static server sends them, so URL resources come from
the cache and inline ones come again with the page).

Interactive = the later of (a) the block's JS init function having returned
(the init named in the block's data-init is wrapped on DOMContentLoaded, before
the workbench runtime calls it) and (b) the block's first control being there
and enabled (a per-block selector; checked every animation frame). Times are
from navigation start. Transferred bytes = the sum of encodedDataLength of
Network.loadingFinished (what came over the wire, headers included); the same
for an empty workbench page is reported as the baseline every block pays.
"""

import gzip
import json
import shutil
import statistics
import threading
from pathlib import Path

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--disable-default-apps",
                  # Only the loopback server: any other host (an author's image URL...) fails at once,
                  # without a DNS query or a connection leaving the machine.
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_THROTTLE = 4
BASELINE_KEY = "_baseline"
# Block resources and static files: in production the LMS serves them from /static/ (collected), with
# cache headers; the workbench sends none, so the bench adds them (a warm load then shows the cache).
CACHEABLE_PREFIXES = ("/resource/", "/static/")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/x-javascript",
                "image/svg+xml")

INIT_SCRIPT = r"""
(() => {
  const type = %(type)s, selector = %(selector)s;
  const bench = window.__bench = {init: null, ready: null, initName: null};
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('[data-block-type="' + type + '"][data-init]')) {
      const name = el.dataset.init, original = window[name];
      bench.initName = name;
      if (typeof original !== 'function' || original.__benchWrapped) continue;
      const mark = () => { if (bench.init === null) bench.init = performance.now(); };
      const wrapped = original.length === 3
        ? function (a, b, c) { const r = original.call(this, a, b, c); mark(); return r; }
        : function (a, b) { const r = original.call(this, a, b); mark(); return r; };
      wrapped.__benchWrapped = true;
      window[name] = wrapped;
    }
  }, {once: true});
  const check = () => {
    const root = document.querySelector('[data-block-type="' + type + '"]');
    const control = root && root.querySelector(selector);
    if (control && !control.disabled && bench.ready === null) bench.ready = performance.now();
    if (bench.ready === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


def gzip_app(app):
    """WSGI middleware: gzip text responses when the client accepts it (as nginx/Caddy in front of the LMS)."""
    def wrapped(environ, start_response):
        if "gzip" not in environ.get("HTTP_ACCEPT_ENCODING", ""):
            return app(environ, start_response)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        result = app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = captured["headers"]
        path = environ.get("PATH_INFO", "")
        if path.startswith(CACHEABLE_PREFIXES) and captured["status"].startswith("200"):
            headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
            headers.append(("Cache-Control", "public, max-age=3600"))
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        encoded = any(k.lower() == "content-encoding" for k, _ in headers)
        if content_type.startswith(COMPRESSIBLE) and not encoded and len(body) > 256:
            body = gzip.compress(body, 6, mtime=0)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers += [("Content-Encoding", "gzip"), ("Content-Length", str(len(body))), ("Vary", "Accept-Encoding")]
        start_response(captured["status"], headers)
        return [body]
    return wrapped


class Server:
    def __init__(self):
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
        from django.core.wsgi import get_wsgi_application

        class Quiet(WSGIRequestHandler):
            def log_message(self, *args):
                pass

        self.httpd = ThreadedWSGIServer(("127.0.0.1", 0), Quiet)
        self.httpd.set_app(gzip_app(StaticFilesHandler(get_wsgi_application())))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def register_scenarios(subjects):
    """The subjects' scenarios (the same XML the server section uses) as workbench scenario pages."""
    from workbench import scenarios
    scenarios.SCENARIOS.clear()
    scenarios.get_scenarios.initialized = True
    ids = {}
    for subject in subjects:
        scenario_id = f"bench-{subject.key}"
        scenarios.add_xml_scenario(scenario_id, subject.scenario_title or subject.label, subject.xml)
        ids[subject.key] = scenario_id
    try:
        scenarios.add_xml_scenario(BASELINE_KEY, "Empty workbench page", "<vertical_demo></vertical_demo>")
        ids[BASELINE_KEY] = BASELINE_KEY
    except Exception:  # noqa: BLE001 - the sample blocks may be excluded: no baseline then
        pass
    return ids


def _navigate(page, cdp_log, url, block_type, timeout_ms):
    finished, responses = cdp_log
    finished.clear()
    responses.clear()
    page.goto(url, wait_until="load", timeout=timeout_ms)
    result = {}
    if block_type:
        page.wait_for_function("window.__bench && window.__bench.ready !== null && "
                               "(window.__bench.init !== null || !window.__bench.initName)", timeout=timeout_ms)
        bench = page.evaluate("window.__bench")
        result.update(init_ms=bench["init"], ready_ms=bench["ready"], init_fn=bench["initName"])
        result["interactive_ms"] = max(m for m in (bench["init"], bench["ready"]) if m is not None)
    try:
        page.wait_for_load_state("networkidle", timeout=15000)
    except Exception:  # noqa: BLE001 - a page that keeps polling: count what came so far
        result["network_idle"] = False
    nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        return {ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }""")
    result.update(ttfb_ms=nav["ttfb"], dcl_ms=nav["dcl"], load_ms=nav["load"])
    if result.get("interactive_ms") is not None:
        # What the learner's phone and network add once the page's HTML starts arriving (the server's
        # render time is measured on its own in the server section).
        result["interactive_after_ttfb_ms"] = result["interactive_ms"] - nav["ttfb"]
    result["bytes"] = int(sum(finished.values()))
    result["requests"] = len(finished)
    if block_type:
        marker = f"/resource/{block_type}/"
        result["block_resource_bytes"] = int(sum(size for rid, size in finished.items()
                                                 if marker in responses.get(rid, "")))
    return result


def load_once(browser, url, block_type, selector, timeout_ms=30000):
    """A cold load (new context, empty cache), then a warm one (same context: cached URL resources)."""
    context = browser.new_context(viewport={"width": 412, "height": 915})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)[:200]))
        cdp = context.new_cdp_session(page)
        finished, responses = {}, {}
        cdp.on("Network.responseReceived", lambda p: responses.__setitem__(p["requestId"], p["response"]["url"]))
        cdp.on("Network.loadingFinished", lambda p: finished.__setitem__(p["requestId"], p["encodedDataLength"]))
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE})
        if block_type:
            page.add_init_script(INIT_SCRIPT % {"type": json.dumps(block_type), "selector": json.dumps(selector)})
        try:
            result = _navigate(page, (finished, responses), url, block_type, timeout_ms)
            warm = _navigate(page, (finished, responses), url, block_type, timeout_ms)
        except Exception as error:
            try:
                state = page.evaluate("window.__bench")
            except Exception:  # noqa: BLE001
                state = None
            raise RuntimeError(f"{type(error).__name__}: {str(error).splitlines()[0][:200]}; "
                               f"bench state {state}; page errors {errors[:3]}") from error
        result.update({f"warm_{key}": value for key, value in warm.items() if not key.startswith("init_fn")})
        if errors:
            result["page_errors"] = errors[:5]
        return result
    finally:
        context.close()


def _median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


def measure(subjects, loads=7, budget_s=270.0, min_loads=3):
    """Up to `loads` samples per page, round-robin; no new round after `budget_s` once `min_loads` are in."""
    import time

    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        raise RuntimeError("Debian's chromium is missing (apt-get install chromium)")
    ids = register_scenarios(subjects)
    server = Server()
    results = {"cpu_throttle": CPU_THROTTLE, "network": NETWORK, "loads": loads,
               "server": "django threaded WSGI + gzip"}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
            results["chromium"] = browser.version
            try:
                targets = [(s.key, s.block_type, s.ready_selector) for s in subjects]
                if BASELINE_KEY in ids:
                    targets.insert(0, (BASELINE_KEY, None, None))
                runs = {key: [] for key, *_ in targets}
                failures = {key: [] for key, *_ in targets}
                started = time.perf_counter()
                for n in range(loads):  # round-robin: load n of every block, then n+1
                    if n >= min_loads and time.perf_counter() - started > budget_s:
                        results["stopped_after_loads"] = n
                        break
                    for key, block_type, selector in targets:
                        if len(failures[key]) >= 2:
                            continue
                        url = f"{server.url}/scenario/{ids[key]}/?student=bench-browser-{n}"
                        try:
                            runs[key].append(load_once(browser, url, block_type, selector))
                        except Exception as error:  # noqa: BLE001
                            failures[key].append(f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
                for key, *_ in targets:
                    entry = {"runs": runs[key]}
                    if failures[key]:
                        entry["load_errors"] = failures[key]
                        if not runs[key]:
                            entry["error"] = failures[key][0]
                    if runs[key]:
                        for metric in ("interactive_ms", "interactive_after_ttfb_ms", "init_ms", "ready_ms",
                                       "dcl_ms", "load_ms", "ttfb_ms",
                                       "bytes", "requests", "block_resource_bytes"):
                            entry[metric] = _median([r.get(metric) for r in runs[key]])
                            entry[f"warm_{metric}"] = _median([r.get(f"warm_{metric}") for r in runs[key]])
                    results[key] = entry
            finally:
                browser.close()
    finally:
        server.close()
    baseline = results.get(BASELINE_KEY, {})
    for subject in subjects:
        entry = results.get(subject.key, {})
        if baseline.get("bytes") and entry.get("bytes"):
            entry["bytes_over_baseline"] = entry["bytes"] - baseline["bytes"]
        if baseline.get("load_ms") and entry.get("interactive_ms"):
            entry["interactive_over_baseline_load_ms"] = round(entry["interactive_ms"] - baseline["load_ms"], 1)
    return results
