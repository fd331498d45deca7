"""The offline pack (issue 16): its size, and each activity's time to interactive from file://.

The pack measured is dist/offline when it is newer than everything it is built
from (courses/, the blocks' code and noturiba/offline/); otherwise the bench
builds one with `python -m noturiba.offline build --out var/bench-offline`
(reused while it is fresh). When that command is missing or fails, the section
says "not built" and why, and the run goes on.

Size: the bytes of every file of each course's site (<out>/<course>/), and of
every zip the build writes, told apart by what is in it (imsmanifest.xml: a
SCORM 1.2 package; otherwise a Kolibri HTML5 app).

Time to interactive: every activity page (a page of the pack that loads a
`*_play.js` player or holds `.noturiba-offline-activity`) opened from file:// in
Debian's Chromium, headless, a new context per sample (empty storage), with CDP
Emulation.setCPUThrottlingRate(4) and every http(s) request refused (the pack
must not need one; any attempt is counted). Interactive = every activity on the
page has its first control (button, input, select, textarea, or [tabindex])
inside `.noturiba-offline-activity` rendered (it has a layout box) and enabled,
checked every animation frame, in ms from navigation start.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

from .env import ROOT

DIST = ROOT / "dist" / "offline"
BENCH_OUT = ROOT / "var" / "bench-offline"
SOURCES = [ROOT / "courses", ROOT / "xblocks" / "noturiba", ROOT / "xblocks" / "mediacheck",
           ROOT / "xblocks" / "crisisdrill", ROOT / "xblocks" / "civicquiz"]
SKIP_PARTS = {"__pycache__", "translations", ".pytest_cache"}
CPU_THROTTLE = 4
REPEATED = 6  # pages loaded again after the first round (the slowest so far)
BUILD_TIMEOUT_S = 300
ACTIVITY = ".noturiba-offline-activity"
CONTROLS = "button, input, select, textarea, [tabindex]:not([tabindex='-1'])"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files"]

INIT_SCRIPT = r"""
(() => {
  const activity = %(activity)s, controls = %(controls)s;
  const bench = window.__bench = {ready: null, activities: 0};
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const check = () => {
    const roots = document.querySelectorAll(activity);
    bench.activities = roots.length;
    // offline.js writes a sentence instead of a player it could not start: never interactive.
    bench.broken = Array.from(roots).some((root) => root.children.length === 0 && root.textContent.trim());
    const ready = roots.length > 0 && Array.from(roots).every((root) => {
      const first = root.querySelector(controls);
      return first && !first.disabled && first.getAttribute('aria-disabled') !== 'true' && rendered(first);
    });
    if (ready) {
      const first = roots[0].querySelector(controls);
      const labelled = first.labels && first.labels.length ? first.labels[0].textContent : first.textContent;
      const label = (labelled || first.value || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const typed = first.type && first.tagName !== 'BUTTON' ? '[' + first.type + ']' : '';
      const kind = first.tagName.toLowerCase() + typed;
      bench.control = kind + ' "' + label + '"';
    }
    if (ready) bench.ready = performance.now(); else if (!bench.broken) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


def _files(folder):
    for path in folder.rglob("*"):
        if path.is_file() and not SKIP_PARTS.intersection(path.parts):
            yield path


def _generated(path):
    """The kit's copies in each block's public/noturiba/ (tools/kit_files.py writes them at every `make bench`)."""
    parts = path.parts
    return any(a == "public" and b == "noturiba" for a, b in zip(parts, parts[1:], strict=False))


def _newest(folders):
    newest = 0.0
    for folder in folders:
        if folder.exists():
            for path in _files(folder):
                if not _generated(path):
                    newest = max(newest, path.stat().st_mtime)
    return newest


def _oldest(folder):
    times = [p.stat().st_mtime for p in _files(folder)]
    return min(times) if times else 0.0


def _courses(out):
    return sorted(p for p in out.iterdir() if p.is_dir() and (p / "index.html").is_file()) if out.is_dir() else []


def fresh(out, sources_mtime):
    """A pack folder with at least one course site, all of it written after its newest source."""
    return bool(_courses(out)) and _oldest(out) >= sources_mtime


def locate_or_build(log=print):
    """(pack folder or None, how it was obtained / why not)."""
    sources_mtime = _newest(SOURCES)
    for candidate, how in ((DIST, "dist/offline (fresh)"), (BENCH_OUT, "var/bench-offline (fresh, reused)")):
        if fresh(candidate, sources_mtime):
            return candidate, how
    stale = "missing" if not _courses(DIST) else "stale (older than its sources)"
    if BENCH_OUT.exists():
        shutil.rmtree(BENCH_OUT)
    BENCH_OUT.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "noturiba.offline", "build", "--out", str(BENCH_OUT)]
    log(f"[bench] offline: dist/offline is {stale}; building: {' '.join(command[1:])}")
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                  [str(ROOT / "devstack"), str(ROOT / "tools"), os.environ.get("PYTHONPATH", "")])})
    except subprocess.TimeoutExpired:
        return None, f"not built: `python -m noturiba.offline build` took over {BUILD_TIMEOUT_S} s"
    seconds = round(time.perf_counter() - start, 1)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or ["(no output)"])[-1]
        return None, f"not built: `python -m noturiba.offline build` exited {done.returncode}: {last[:240]}"
    if not _courses(BENCH_OUT):
        return None, f"not built: the build wrote no <course>/index.html under {BENCH_OUT.relative_to(ROOT)}"
    return BENCH_OUT, f"built by the bench in {seconds} s; dist/offline was {stale}"


def _zip_kind(path):
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return "bad zip"
    return "scorm" if "imsmanifest.xml" in names else "kolibri"


def sizes(out):
    """Bytes per course site (zips excluded) and of every zip, by kind and by course."""
    courses = {c.name: {"site_bytes": 0, "files": 0, "kolibri_bytes": 0, "kolibri_zips": 0, "scorm_bytes": 0,
                        "scorm_zips": 0} for c in _courses(out)}
    other = {"kolibri_bytes": 0, "kolibri_zips": 0, "scorm_bytes": 0, "scorm_zips": 0, "other_bytes": 0}
    for path in _files(out):
        size = path.stat().st_size
        relative = path.relative_to(out)
        course = next((name for name in courses if name in relative.parts[:-1] or relative.name.startswith(name)),
                      None)
        if path.suffix == ".zip":
            kind = _zip_kind(path)
            bucket = courses[course] if course else other
            if kind in ("scorm", "kolibri"):
                bucket[f"{kind}_bytes"] += size
                bucket[f"{kind}_zips"] += 1
                continue
        if course and relative.parts[0] == course:
            courses[course]["site_bytes"] += size
            courses[course]["files"] += 1
        else:
            other["other_bytes"] += size
    total = sum(path.stat().st_size for path in _files(out))
    return {"courses": courses, "unassigned": other, "total_bytes": total,
            "sites_bytes": sum(c["site_bytes"] for c in courses.values()),
            "kolibri_bytes": other["kolibri_bytes"] + sum(c["kolibri_bytes"] for c in courses.values()),
            "scorm_bytes": other["scorm_bytes"] + sum(c["scorm_bytes"] for c in courses.values()),
            "kolibri_zips": other["kolibri_zips"] + sum(c["kolibri_zips"] for c in courses.values()),
            "scorm_zips": other["scorm_zips"] + sum(c["scorm_zips"] for c in courses.values())}


def activity_pages(out):
    """Each course's single-activity pages in Latvian (<course>/activity-*.html: what Kolibri and SCORM
    launch); a pack without them: every page that plays an activity. As (course, path)."""
    pages = []
    for course in _courses(out):
        found = sorted(course.glob("activity-*.html"))
        if not found:
            found = [path for path in sorted(course.rglob("*.html"))
                     if ACTIVITY[1:] in path.read_text(encoding="utf-8", errors="replace")]
        pages += [(course.name, path) for path in found]
    return pages


def _load(browser, path, timeout_ms):
    context = browser.new_context(viewport={"width": 412, "height": 915})
    leaked, errors = [], []
    try:
        context.route("http://**/*", lambda route: (leaked.append(route.request.url), route.abort()))
        context.route("https://**/*", lambda route: (leaked.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)[:200]))
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE})
        page.add_init_script(INIT_SCRIPT % {"activity": json.dumps(ACTIVITY), "controls": json.dumps(CONTROLS)})
        page.goto(path.as_uri(), wait_until="load", timeout=timeout_ms)
        try:
            page.wait_for_function("window.__bench && (window.__bench.ready !== null || window.__bench.broken)",
                                   timeout=timeout_ms)
            state = page.evaluate("window.__bench")
            if state.get("broken"):
                raise RuntimeError("the player did not start")
        except Exception as error:
            state = page.evaluate("window.__bench")
            raise RuntimeError(f"never interactive ({type(error).__name__}); bench state {state}; "
                               f"page errors {errors[:2]}") from error
        bench = page.evaluate("window.__bench")
        nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
            return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }""")
        result = {"interactive_ms": round(bench["ready"], 1), "activities": bench["activities"],
                  "first_control": bench.get("control"),
                  "dcl_ms": round(nav["dcl"], 1), "load_ms": round(nav["load"], 1)}
        if leaked:
            result["requests_refused"] = leaked[:5]
        if errors:
            result["page_errors"] = errors[:3]
        return result
    finally:
        context.close()


def time_to_interactive(out, pages, loads=3, budget_s=180.0, timeout_ms=20000):
    """One cold load of every page, then up to `loads - 1` more of the REPEATED slowest (no new round after
    `budget_s`); per page the median of its loads."""
    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    runs = {path: [] for _course, path in pages}
    failures = {path: [] for _course, path in pages}
    started, result = time.perf_counter(), {"cpu_throttle": CPU_THROTTLE, "loads": loads}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        result["chromium"] = browser.version
        try:
            for n in range(loads):
                if n >= 1 and time.perf_counter() - started > budget_s:
                    result["stopped_after_loads"] = n
                    break
                todo = [path for _course, path in pages if not failures[path]]  # a failure is not tried again
                if n >= 1:  # later rounds: only the slowest pages, so that the slowest is not one noisy sample
                    todo = sorted(todo, key=lambda p: -statistics.median(r["interactive_ms"] for r in runs[p])
                                  if runs[p] else 0)[:REPEATED]
                for path in todo:
                    try:
                        runs[path].append(_load(browser, path, timeout_ms))
                    except Exception as error:  # noqa: BLE001
                        failures[path].append(f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
        finally:
            browser.close()
    entries = []
    for course, path in pages:
        entry = {"course": course, "page": str(path.relative_to(out)), "samples": len(runs[path])}
        times = [r["interactive_ms"] for r in runs[path]]
        if times:
            entry["interactive_ms"] = round(statistics.median(times), 1)
            entry["load_ms"] = round(statistics.median(r["load_ms"] for r in runs[path]), 1)
            entry["activities"] = runs[path][0]["activities"]
            entry["first_control"] = runs[path][0].get("first_control")
        refused = sorted({url for r in runs[path] for url in r.get("requests_refused", [])})
        if refused:
            entry["requests_refused"] = refused[:5]
        page_errors = [e for r in runs[path] for e in r.get("page_errors", [])]
        if page_errors:
            entry["page_errors"] = page_errors[:3]
        if failures[path]:
            entry["errors"] = failures[path]
        entries.append(entry)
    result["pages"] = entries
    timed = [e for e in entries if "interactive_ms" in e]
    if timed:
        slowest = max(timed, key=lambda e: e["interactive_ms"])
        result["slowest"] = {"page": slowest["page"], "interactive_ms": slowest["interactive_ms"]}
        result["median_ms"] = round(statistics.median(e["interactive_ms"] for e in timed), 1)
    result["failed_pages"] = sum(1 for e in entries if "interactive_ms" not in e)
    result["pages_with_requests"] = sum(1 for e in entries if e.get("requests_refused"))
    return result


def measure(quick=False, budget_s=180.0, log=print):
    out, how = locate_or_build(log)
    if out is None:
        return {"built": False, "note": how}
    result = {"built": True, "pack": str(out.relative_to(ROOT)), "how": how, "size": sizes(out)}
    pages = activity_pages(out)
    result["activity_pages"] = len(pages)
    if not pages:
        result["browser"] = {"error": f"no activity page (no *_play.js or {ACTIVITY}) in {result['pack']}"}
        return result
    try:
        result["browser"] = time_to_interactive(out, pages, loads=1 if quick else 3,
                                                budget_s=60 if quick else budget_s)
    except Exception as error:  # noqa: BLE001 - sizes stay reported
        result["browser"] = {"error": f"{type(error).__name__}: {error}"}
    return result


def _kb(value):
    return "—" if value is None else f"{value / 1024:.1f}"


def markdown(data):
    """The report's offline section (lines of Markdown)."""
    section = data.get("offline")
    if section is None:
        return []
    lines = ["## 5. Offline pack (issue 16)", ""]
    if "error" in section:
        return lines + [f"error: {section['error'][:300]}", ""]
    if not section.get("built"):
        return lines + [f"{section.get('note')}.", ""]
    size = section["size"]
    lines += [f"Pack: `{section['pack']}` ({section['how']}). Total **{_kb(size['total_bytes'])} KB**: sites "
              f"{_kb(size['sites_bytes'])} KB, {size['kolibri_zips']} Kolibri HTML5 zip(s) "
              f"{_kb(size['kolibri_bytes'])} KB, {size['scorm_zips']} SCORM 1.2 package(s) "
              f"{_kb(size['scorm_bytes'])} KB.", "",
              "| course | site KB | files | Kolibri zips | Kolibri KB | SCORM zips | SCORM KB |",
              "|---|---|---|---|---|---|---|"]
    for name, c in size["courses"].items():
        lines.append(f"| {name} | {_kb(c['site_bytes'])} | {c['files']} | {c['kolibri_zips']} | "
                     f"{_kb(c['kolibri_bytes'])} | {c['scorm_zips']} | {_kb(c['scorm_bytes'])} |")
    other = size["unassigned"]
    if any(other.values()):
        lines.append(f"| (not in a course folder) | {_kb(other['other_bytes'])} | — | {other['kolibri_zips']} | "
                     f"{_kb(other['kolibri_bytes'])} | {other['scorm_zips']} | {_kb(other['scorm_bytes'])} |")
    lines.append("")
    browser = section.get("browser") or {}
    if "error" in browser:
        return lines + [f"Time to interactive: error: {browser['error'][:300]}", ""]
    lines += [f"Time to interactive from file:// in Chromium {browser.get('chromium')}, {CPU_THROTTLE}x CPU "
              f"throttling, one cold load per page and up to {browser.get('loads')} (median) for the {REPEATED} "
              "slowest, ms from navigation start "
              f"(interactive: the first control of every `{ACTIVITY}` on the page rendered and enabled). "
              f"{section['activity_pages']} activity pages; slowest "
              f"**{(browser.get('slowest') or {}).get('interactive_ms', '—')} ms** "
              f"(`{(browser.get('slowest') or {}).get('page', '—')}`), median **{browser.get('median_ms', '—')} ms**"
              f"; {browser.get('failed_pages', 0)} page(s) never interactive; "
              f"{browser.get('pages_with_requests', 0)} page(s) tried a network request.", "",
              "| page | interactive ms | load ms | first control | samples | problems |", "|---|---|---|---|---|---|"]
    for e in browser.get("pages", []):
        problems = "; ".join([*(e.get("errors") or []), *(e.get("page_errors") or []),
                              *(f"request {u}" for u in e.get("requests_refused") or [])])[:200]
        lines.append(f"| {e['page']} | {e.get('interactive_ms', '—')} | {e.get('load_ms', '—')} | "
                     f"{(e.get('first_control') or '—').replace('|', '/')} | {e['samples']} | {problems} |")
    return lines + [""]


def summarize(data):
    section = data.get("offline") or {}
    if not section.get("built"):
        return {"built": False, "note": section.get("note") or section.get("error")}
    browser = section.get("browser") or {}
    return {"built": True, "total_bytes": section["size"]["total_bytes"],
            "per_course_site_bytes": {k: v["site_bytes"] for k, v in section["size"]["courses"].items()},
            "kolibri_bytes": section["size"]["kolibri_bytes"], "scorm_bytes": section["size"]["scorm_bytes"],
            "slowest": browser.get("slowest"), "median_ms": browser.get("median_ms"),
            "activity_pages": section.get("activity_pages")}
