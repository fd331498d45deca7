"""Run every measurement, each guarded (a failure is recorded in the JSON and the run goes on)."""

import argparse
import json
import os
import platform
import time
import traceback
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "results"
SECTIONS = ("payload", "server", "own_code", "lms_store", "scaling", "browser", "offline")


def versions():
    names = ["noturiba-xblocks", "xblock-poll", "xblock-drag-and-drop-v2", "XBlock", "xblock-sdk", "Django",
             "playwright", "matplotlib"]
    found = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections to run")
    parser.add_argument("--quick", action="store_true", help="few iterations and sizes (a smoke run)")
    parser.add_argument("--iterations", type=int, default=None, help="server iterations per block")
    parser.add_argument("--server-budget", type=float, default=300.0,
                        help="seconds after which the server section stops adding iterations (>= 30 are run)")
    parser.add_argument("--browser-budget", type=float, default=270.0,
                        help="seconds after which the browser section starts no new round (>= 3 are run)")
    parser.add_argument("--offline-budget", type=float, default=120.0,
                        help="seconds after which the offline section starts no new round of page loads")
    parser.add_argument("--loads", type=int, default=None, help="browser page loads per block")
    parser.add_argument("--out", default=str(RESULTS), help="results folder")
    parser.add_argument("--compare", nargs="+", metavar="JSON",
                        help="print the ratios of several saved runs side by side (no measurement)")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite latest.md and the charts from latest.json (no measurement)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    if args.compare:
        from .compare import compare
        print(compare(args.compare))
        return 0
    if args.report_only:
        from . import report
        data = json.loads((out / "latest.json").read_text(encoding="utf-8"))
        data["summary"] = report.summarize(data)
        report.write_markdown(data, out)
        report.write_charts(data, out)
        (out / "latest.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"[bench] rewrote {out / 'latest.md'} and the charts from latest.json", flush=True)
        return 0

    from . import env
    env.setup()
    from . import report, subjects

    data = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "versions": versions(),
        "quick": args.quick,
        "subjects": {}, "errors": {},
    }
    subject_list, missing = subjects.build()
    data["errors"].update({f"subject:{key}": error for key, error in missing.items()})
    for s in subject_list:
        data["subjects"][s.key] = {"label": s.label, "ours": s.ours, "block_type": s.block_type,
                                   "scenario": s.scenario_title, "scenario_file": s.scenario_file}

    def save():
        data["elapsed_s"] = round(time.perf_counter() - started, 1)
        (out / "latest.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def section(name, fn):
        if name not in wanted:
            return
        t0 = time.perf_counter()
        print(f"[bench] {name} ...", flush=True)
        try:
            data[name] = fn()
        except Exception as error:  # noqa: BLE001 - record and go on
            data["errors"][name] = f"{type(error).__name__}: {error}"
            data[name] = {"error": data["errors"][name], "traceback": traceback.format_exc()[-2000:]}
        data.setdefault("section_seconds", {})[name] = round(time.perf_counter() - t0, 1)
        data.setdefault("load_average", {})[name] = [round(x, 2) for x in os.getloadavg()]
        print(f"[bench] {name} done in {data['section_seconds'][name]} s", flush=True)
        save()

    def payload_all():
        from . import payload
        results = {}
        for s in subject_list:
            try:
                results[s.key] = payload.measure(s)
            except Exception as error:  # noqa: BLE001
                results[s.key] = {"error": f"{type(error).__name__}: {error}"}
        return results

    def server_all():
        from . import server
        iterations = args.iterations or (30 if args.quick else 300)
        return server.measure(subject_list, iterations=iterations, warmup=5 if args.quick else 20,
                              budget_s=60 if args.quick else args.server_budget)

    def own_code_all():
        from . import own_code
        return own_code.measure(subject_list, rounds=15 if args.quick else 60, budget_s=40 if args.quick else 100)

    def lms_store_all():
        from . import lms_store
        return lms_store.measure(subject_list, iterations=20 if args.quick else 80, warmup=5 if args.quick else 10,
                                 budget_s=30 if args.quick else 75)

    def offline_all():
        from . import offline
        return offline.measure(quick=args.quick, budget_s=args.offline_budget)

    def scaling_all():
        from . import scaling
        return scaling.measure(quick=args.quick)

    def browser_all():
        from . import browser
        loads = args.loads or (1 if args.quick else 7)
        return browser.measure(subject_list, loads=loads, budget_s=60 if args.quick else args.browser_budget)

    section("payload", payload_all)
    section("server", server_all)
    section("own_code", own_code_all)
    section("lms_store", lms_store_all)
    section("scaling", scaling_all)
    section("browser", browser_all)
    section("offline", offline_all)

    try:
        data["summary"] = report.summarize(data)
    except Exception as error:  # noqa: BLE001
        data["errors"]["summary"] = f"{type(error).__name__}: {error}"
    save()
    for name, writer in (("markdown", report.write_markdown), ("charts", report.write_charts)):
        try:
            writer(data, out)
        except Exception as error:  # noqa: BLE001
            data["errors"][name] = f"{type(error).__name__}: {error}"
            traceback.print_exc()
    save()
    print(f"[bench] wrote {out / 'latest.json'} and {out / 'latest.md'} in {data['elapsed_s']} s", flush=True)
    if data["errors"]:
        print("[bench] errors (recorded in the JSON):", flush=True)
        for key, error in data["errors"].items():
            print(f"  {key}: {error}", flush=True)
    return 0
