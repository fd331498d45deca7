"""Summary with targets and ratios (ours / peer), the Markdown table, one PNG chart per metric."""

from .stats import ratio
from .subjects import BASELINE_PEER, OURS, PEERS

PAYLOAD_LIMIT = 10 * 1024      # gzip bytes of JS + CSS per block
SPEED_TARGET = 0.5             # our median / xblock-poll's median
LINEAR_EXPONENT = 1.15         # a log-log slope up to this counts as linear (noise allowance)
LABELS = {"poll": "xblock-poll", "drag-and-drop-v2": "drag-and-drop-v2"}


def _ok(section):
    return isinstance(section, dict) and "error" not in section


def summarize(data):
    summary = {"targets": [], "ratios": {}}
    targets = summary["targets"]

    def target(name, block, value, met, goal, note=""):
        targets.append({"target": name, "block": block, "value": value, "goal": goal, "met": met, "note": note})

    payload = data.get("payload") or {}
    server = data.get("server") or {}
    scaling = data.get("scaling") or {}
    browser = data.get("browser") or {}

    for block in OURS:
        ratios = summary["ratios"].setdefault(block, {})
        p = payload.get(block)
        if _ok(p):
            met = p["total_gzip"] <= PAYLOAD_LIMIT and p["all_urls"]
            note = "" if p["all_urls"] else f"{p['inline_count']} inline resource(s)"
            target("JS+CSS <= 10 KB gzip, as URLs", block, p["total_gzip"], met, PAYLOAD_LIMIT, note)
            for peer in PEERS:
                if _ok(payload.get(peer)):
                    ratios[f"payload_gzip/{peer}"] = ratio(p["total_gzip"], payload[peer]["total_gzip"])
        else:
            target("JS+CSS <= 10 KB gzip, as URLs", block, None, False, PAYLOAD_LIMIT, _error(p))
        s = server.get(block)
        base = server.get(BASELINE_PEER)
        if _ok(s) and _ok(base):
            for metric, label in (("student_view", "student_view median"), ("submit", "submit median")):
                r = ratio(s[metric]["median_ms"], base[metric]["median_ms"])
                target(f"{label} <= 0.5x xblock-poll", block, r, r is not None and r <= SPEED_TARGET, SPEED_TARGET,
                       f"{s['handler']} vs vote" if metric == "submit" else "")
        else:
            for label in ("student_view median", "submit median"):
                target(f"{label} <= 0.5x xblock-poll", block, None, False, SPEED_TARGET, _error(s) or _error(base))
        if _ok(s):
            saves = s["writes_per_action"].get("saves")
            target("one state write per learner action", block, saves, saves == 1 and s["writes_constant"], 1,
                   f"{s['handler']}: {s['writes_per_action'].get('fields')} field(s), "
                   f"~{s['writes_per_action'].get('lms_rows')} LMS row(s)")
            for peer in PEERS:
                if _ok(server.get(peer)):
                    for metric in ("student_view", "student_view_code", "submit", "student_view_cpu",
                                   "submit_cpu", "submit_without_save"):
                        if metric in s and metric in server[peer]:
                            ratios[f"{metric}/{peer}"] = ratio(s[metric]["median_ms"],
                                                               server[peer][metric]["median_ms"])
        else:
            target("one state write per learner action", block, None, False, 1, _error(s))
        sc = scaling.get(block)
        if _ok(sc):
            for metric, fit in sc["fits"].items():
                exponent = fit.get("exponent")
                target(f"linear scaling ({metric[:-2]})", block, exponent,
                       exponent is not None and exponent <= LINEAR_EXPONENT, LINEAR_EXPONENT, f"R^2 {fit.get('r2')}")
        else:
            target("linear scaling", block, None, False, LINEAR_EXPONENT, _error(sc))
        b = browser.get(block)
        if _ok(b):
            for peer in PEERS:
                pb = browser.get(peer)
                if _ok(pb):
                    ratios[f"interactive/{peer}"] = ratio(b.get("interactive_ms"), pb.get("interactive_ms"))
                    ratios[f"interactive_after_ttfb/{peer}"] = ratio(b.get("interactive_after_ttfb_ms"),
                                                                     pb.get("interactive_after_ttfb_ms"))
                    ratios[f"bytes/{peer}"] = ratio(b.get("bytes"), pb.get("bytes"))
                    ratios[f"warm_interactive/{peer}"] = ratio(b.get("warm_interactive_ms"),
                                                               pb.get("warm_interactive_ms"))
                    ratios[f"warm_bytes/{peer}"] = ratio(b.get("warm_bytes"), pb.get("warm_bytes"))
                    ratios[f"bytes_over_baseline/{peer}"] = ratio(b.get("bytes_over_baseline"),
                                                                  pb.get("bytes_over_baseline"))
    # How much of a render is the runtime's, not the block's: the lowest ratio to poll a block could
    # reach with view code that took no time at all.
    base = server.get(BASELINE_PEER)
    if _ok(base):
        floors = summary["render_floor"] = {}
        for block in OURS:
            s = server.get(block)
            if _ok(s) and "student_view_code" in s:
                outside = s["student_view"]["median_ms"] - s["student_view_code"]["median_ms"]
                floors[block] = {"outside_view_code_ms": round(outside, 3),
                                 "floor_ratio": ratio(outside, base["student_view"]["median_ms"])}
                if "submit_save" in s:
                    floors[block]["submit_save_ms"] = s["submit_save"]["median_ms"]
                    floors[block]["submit_floor_ratio"] = ratio(s["submit_save"]["median_ms"],
                                                                base["submit"]["median_ms"])
    from . import lms_store, offline, own_code
    summary["own_code"] = own_code.summarize(data, targets, BASELINE_PEER, OURS)
    summary["lms_store"] = lms_store.summarize(data, BASELINE_PEER, OURS)
    summary["offline"] = offline.summarize(data)
    summary["met"] = sum(1 for t in targets if t["met"])
    summary["total"] = len(targets)
    return summary


def _error(section):
    if section is None:
        return "not measured"
    if isinstance(section, dict) and "error" in section:
        return section["error"][:200]
    return ""


def _fmt(value, digits=2):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _kb(value):
    return "—" if value is None else f"{value / 1024:.1f}"


def write_markdown(data, out):
    summary = data.get("summary") or {}
    keys = [k for k in (*OURS, *PEERS) if k in data.get("subjects", {})]
    lines = ["# Noturība bench: ours vs xblock-poll and drag-and-drop-v2", "",
             f"Generated {data.get('generated')} in {data.get('elapsed_s')} s on "
             f"{data['machine']['cpus']} CPU(s), Python {data['machine']['python']}; "
             + ", ".join(f"{k} {v}" for k, v in data.get("versions", {}).items() if v) + ".",
             "Ratios are ours / peer (below 1 = ours smaller or faster). Absolute times depend on the machine; "
             "compare ratios.",
             f"Load average (1, 5, 15 min) at start: {data['machine'].get('load_average_at_start')}; after each "
             f"section: {data.get('load_average')} (above the CPU count, other work shared the machine).", ""]
    lines += ["## Targets", "", "| target | block | value | goal | met | note |", "|---|---|---|---|---|---|"]
    for t in summary.get("targets", []):
        lines.append(f"| {t['target']} | {t['block']} | {_fmt(t['value'], 3)} | {t['goal']} | "
                     f"{'yes' if t['met'] else '**no**'} | {t['note']} |")
    lines += ["", f"{summary.get('met', 0)} of {summary.get('total', 0)} targets met.", ""]
    floors = summary.get("render_floor") or {}
    if floors:
        lines += ["Part of every student_view time is the workbench runtime's, not the block's (wrapping the "
                  "fragment, aside discovery over all installed entry points, one database query per field read): "
                  "the lowest ratio to xblock-poll's render a block could reach if its own view code took no time "
                  "is " + ", ".join(f"{b} {_fmt(f['floor_ratio'])}" for b, f in floors.items()) + ".", ""]
        if all("submit_floor_ratio" in f for f in floors.values()):
            lines += ["Likewise a handler ends with the workbench store saving each changed field on its own "
                      "(a get_or_create and an UPDATE per field; fields per action in section 2): that save alone "
                      "takes " + ", ".join(f"{b} {_fmt(f['submit_floor_ratio'])}" for b, f in floors.items())
                      + " of poll's whole vote.", ""]

    ratios = summary.get("ratios", {})
    if ratios:
        cols = ["payload_gzip", "student_view", "student_view_cpu", "student_view_code", "submit", "submit_cpu",
                "submit_without_save", "interactive", "interactive_after_ttfb", "warm_interactive",
                "bytes_over_baseline", "warm_bytes"]
        lines += ["## Ratios (ours / peer)", "",
                  "payload_gzip: JS+CSS gzip; student_view / submit: median wall time (\\_cpu: CPU time; "
                  "\\_code: the block's view method alone; submit_without_save: the handler minus the workbench's "
                  "field-by-field save); interactive: cold load (after_ttfb: minus the server's time to first "
                  "byte); warm_*: reload with the cache; bytes_over_baseline: transferred minus the empty page.", ""]
        for peer in PEERS:
            lines += [f"vs {LABELS[peer]}:", "", "| block | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
            for block in OURS:
                r = ratios.get(block, {})
                lines.append(f"| {block} | " + " | ".join(_fmt(r.get(f"{c}/{peer}")) for c in cols) + " |")
            lines.append("")

    payload = data.get("payload") or {}
    lines += ["## 1. Learner payload of student_view (JS + CSS)", "",
              "| block | JS raw KB | JS gzip KB | CSS raw KB | CSS gzip KB | total gzip KB | as URLs | inline | "
              "fragment HTML gzip KB |", "|---|---|---|---|---|---|---|---|---|"]
    for key in keys:
        p = payload.get(key)
        if _ok(p):
            lines.append(f"| {key} | {_kb(p['js_raw'])} | {_kb(p['js_gzip'])} | {_kb(p['css_raw'])} | "
                         f"{_kb(p['css_gzip'])} | **{_kb(p['total_gzip'])}** | {p['url_count']} | "
                         f"{p['inline_count']} | "
                         f"{_kb(p['html_gzip'])} |")
        else:
            lines.append(f"| {key} | error: {_error(p)} |")
    lines += ["", "Inline resources are sent again inside every page that shows the block; URL resources are "
              "cached by the browser.", ""]

    server = data.get("server") or {}
    lines += ["## 2. Server (workbench runtime, in process)", "",
              "| block | handler | student_view median ms | p95 | view code only median | after action median | "
              "handler median ms | p95 | field-data saves / action | fields | est. LMS rows |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for key in keys:
        s = server.get(key)
        if _ok(s):
            w = s["writes_per_action"]
            lines.append(f"| {key} | {s['handler']} | {_fmt(s['student_view']['median_ms'])} | "
                         f"{_fmt(s['student_view']['p95_ms'])} | "
                         f"{_fmt((s.get('student_view_code') or {}).get('median_ms'))} | "
                         f"{_fmt(s['student_view_after_action']['median_ms'])} | "
                         f"{_fmt(s['submit']['median_ms'])} | {_fmt(s['submit']['p95_ms'])} | {w.get('saves')} | "
                         f"{w.get('fields')} | {w.get('lms_rows')} |")
        else:
            lines.append(f"| {key} | error: {_error(s)} |")
    if _ok(server.get("drag-and-drop-v2")) and server["drag-and-drop-v2"].get("prepare_writes"):
        pw = server["drag-and-drop-v2"]["prepare_writes"]
        lines.append(f"\ndrag-and-drop-v2 also needs one drop_item per item before do_attempt "
                     f"(untimed here): {pw.get('saves')} saves for them.")
    lines.append("")

    from . import lms_store, offline, own_code
    lines += own_code.markdown(data)
    lines += lms_store.markdown(data)

    scaling = data.get("scaling") or {}
    lines += ["## 3. Scaling (pure cores, generated content)", "",
              "| block | metric | sizes | ms per call | exponent (log-log) | R² |", "|---|---|---|---|---|---|"]
    for block in OURS:
        sc = scaling.get(block)
        if not _ok(sc):
            lines.append(f"| {block} | error: {_error(sc)} |")
            continue
        sizes = [p["size"] for p in sc["points"]]
        for metric, fit in sc["fits"].items():
            times = [p.get(metric) for p in sc["points"]]
            lines.append(f"| {block} | {metric[:-2]} | {', '.join(map(str, sizes))} | "
                         f"{', '.join(_fmt(t * 1000, 3) if t else '—' for t in times)} | "
                         f"**{_fmt(fit.get('exponent'), 3)}** | {_fmt(fit.get('r2'), 3)} |")
    lines.append("")

    browser = data.get("browser") or {}
    if browser and _ok(browser):
        lines += ["## 4. Browser (Chromium, 4x CPU throttling, slow 4G: 150 ms, 1.6/0.75 Mbps)", "",
                  f"Median of {browser.get('loads')} samples per page (a cold load in a new context, then a warm "
                  f"reload with the cache), Chromium {browser.get('chromium')}. Times from navigation start.", "",
                  "| page | interactive ms | after first byte ms | DOMContentLoaded ms | load ms | transferred KB | "
                  "over empty page KB | "
                  "block resources KB | requests | warm: interactive ms | warm: transferred KB |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for key in ("_baseline", *keys):
            b = browser.get(key)
            name = "empty workbench page" if key == "_baseline" else key
            if _ok(b):
                lines.append(f"| {name} | {_fmt(b.get('interactive_ms'), 0)} | "
                             f"{_fmt(b.get('interactive_after_ttfb_ms'), 0)} | {_fmt(b.get('dcl_ms'), 0)} | "
                             f"{_fmt(b.get('load_ms'), 0)} | {_kb(b.get('bytes'))} | "
                             f"{_kb(b.get('bytes_over_baseline'))} | "
                             f"{_kb(b.get('block_resource_bytes'))} | {_fmt(b.get('requests'), 0)} | "
                             f"{_fmt(b.get('warm_interactive_ms'), 0)} | {_kb(b.get('warm_bytes'))} |")
            elif b is not None:
                lines.append(f"| {name} | error: {_error(b)} |")
    elif browser:
        lines += ["## 4. Browser", "", f"error: {_error(browser)}"]
    lines.append("")
    lines += offline.markdown(data)
    if data.get("errors"):
        lines += ["## Errors (the run went on)", ""]
        lines += [f"- {k}: {str(v)[:300]}" for k, v in data["errors"].items()]
        lines.append("")
    for key in keys:
        for section in ("server", "browser"):
            entry = (data.get(section) or {}).get(key)
            if isinstance(entry, dict) and entry.get("error") and f"{section}:{key}" not in data.get("errors", {}):
                pass
    (out / "latest.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_charts(data, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = [k for k in (*OURS, *PEERS) if k in data.get("subjects", {})]
    colors = ["#2e7d32" if k in OURS else "#9e9e9e" for k in keys]
    written = []

    def bar_chart(name, title, ylabel, values, limit=None, errors=None):
        present = [(k, v, c, (errors or {}).get(k)) for k, v, c in zip(keys, values, colors, strict=True)
                   if v is not None]
        if not present:
            return
        fig, ax = plt.subplots(figsize=(7, 4))
        labels = [LABELS.get(k, k) for k, *_ in present]
        yerr = None
        if errors:
            yerr = [[0 for _ in present], [max(0, (e or v) - v) for _k, v, _c, e in present]]
        ax.bar(labels, [v for _k, v, *_ in present], color=[c for _k, _v, c, _e in present], yerr=yerr, capsize=4)
        if limit is not None:
            ax.axhline(limit, color="#c62828", linestyle="--", linewidth=1)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.tick_params(axis="x", labelrotation=15)
        fig.tight_layout()
        fig.savefig(out / f"{name}.png", dpi=110)
        plt.close(fig)
        written.append(f"{name}.png")

    payload = data.get("payload") or {}
    bar_chart("payload", "JS + CSS per block, gzip (dashed: 10 KB target)", "KB",
              [payload[k]["total_gzip"] / 1024 if _ok(payload.get(k)) else None for k in keys], limit=10)
    server = data.get("server") or {}
    for metric, title in (("student_view", "student_view render"), ("submit", "main submit handler")):
        bar_chart(f"server_{metric}", f"{title}: median (bar) and p95 (whisker)", "ms",
                  [server[k][metric]["median_ms"] if _ok(server.get(k)) else None for k in keys],
                  errors={k: server[k][metric]["p95_ms"] for k in keys if _ok(server.get(k))})
    bar_chart("writes", "field-data saves per learner action (target 1)", "saves",
              [server[k]["writes_per_action"]["saves"] if _ok(server.get(k)) else None for k in keys], limit=1)
    browser = data.get("browser") or {}
    if browser and _ok(browser):
        bar_chart("browser_interactive", "time to interactive, 4x CPU + slow 4G (median)", "ms",
                  [browser[k].get("interactive_ms") if _ok(browser.get(k)) else None for k in keys])
        bar_chart("browser_warm_interactive", "time to interactive, warm reload (cache), 4x CPU + slow 4G", "ms",
                  [browser[k].get("warm_interactive_ms") if _ok(browser.get(k)) else None for k in keys])
        bar_chart("browser_bytes", "transferred per page, over the empty workbench page", "KB",
                  [browser[k]["bytes_over_baseline"] / 1024 if _ok(browser.get(k)) and
                   browser[k].get("bytes_over_baseline") is not None else None for k in keys])

    scaling = data.get("scaling") or {}
    blocks = [b for b in OURS if _ok(scaling.get(b))]
    if blocks:
        fig, axes = plt.subplots(1, len(blocks), figsize=(5 * len(blocks), 4), squeeze=False)
        for ax, block in zip(axes[0], blocks, strict=True):
            sc = scaling[block]
            for metric, fit in sc["fits"].items():
                points = [(p["size"], p[metric] * 1000) for p in sc["points"] if p.get(metric)]
                if points:
                    xs, ys = zip(*points, strict=True)
                    ax.loglog(xs, ys, marker="o", label=f"{metric[:-2]} (k={fit.get('exponent')})")
            ax.set_title(block)
            ax.set_xlabel("size")
            ax.set_ylabel("ms per call")
            ax.legend(fontsize=8)
            ax.grid(True, which="both", alpha=0.3)
        fig.suptitle("Scaling (log-log; slope k = growth exponent)")
        fig.tight_layout()
        fig.savefig(out / "scaling.png", dpi=110)
        plt.close(fig)
        written.append("scaling.png")
    data["charts"] = written
