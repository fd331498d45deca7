"""Whose code the time goes to: the block's own, or the platform's (XBlock, the workbench, Django).

A sampling profiler, not cProfile: cProfile's cost is per Python call, so code
made of many small calls would look slower than it is. A thread reads the main
thread's stack every half millisecond (`sys._current_frames`, with a short GIL
switch interval so that the sample is taken when asked) while the same calls
as the server section run: a new learner's `runtime.render(block,
"student_view")` and the main handler through `runtime.handle`.

Each sample goes to the innermost frame whose file belongs to a known owner:
- "own": the block's package (ours: xblocks/ of this repository; a peer: its
  site-packages package, e.g. poll/);
- "django.template", "django.db", "django" (the rest), "xblock" (XBlock, xblock-sdk's workbench, webob, web-fragments,
  opaque-keys, fs, lazy, pkg_resources);
- the standard library and other site-packages (lxml, nh3, json, re ...)
  belong to whoever called them: the block's parse of its own OLX is the
  block's time, Django's template loader reading a file is Django's.
Its share times the server section's median is the block's own time per call;
the issue-15 target is that at most 0.3x xblock-poll's whole median.
"""

import sys
import threading
import time
from collections import Counter

from django.utils import translation

from . import env

INTERVAL_S = 0.0005
ROOT = env.ROOT
OURS_PREFIX = str(ROOT / "xblocks") + "/"
BENCH_PREFIX = str(ROOT / "bench") + "/"
PEER_PACKAGES = {"poll": "poll", "drag_and_drop_v2": "drag-and-drop-v2"}
PLATFORM_PACKAGES = {"django": "django", "xblock": "xblock", "workbench": "xblock", "webob": "xblock",
                     "web_fragments": "xblock", "opaque_keys": "xblock", "fs": "xblock", "lazy": "xblock",
                     "pkg_resources": "xblock", "xblockutils": "xblock"}
TOP = 10


def owner(filename, _cache={}):  # noqa: B006 - a per-process memo
    """'ours', 'poll', 'drag-and-drop-v2', 'django', 'xblock', 'bench', or None (charged to the caller)."""
    if filename in _cache:
        return _cache[filename]
    found = None
    if filename.startswith(OURS_PREFIX):
        found = "ours"
    elif filename.startswith(BENCH_PREFIX):
        found = "bench"
    elif "site-packages/" in filename:
        inner = filename.split("site-packages/", 1)[1]
        top = inner.split("/", 1)[0]
        found = PEER_PACKAGES.get(top) or PLATFORM_PACKAGES.get(top)
        if found == "django":  # templates (ours and theirs run in it), the ORM (field reads, saves), the rest
            found = {"template": "django.template", "db": "django.db"}.get(inner.split("/")[1], "django")
    _cache[filename] = found
    return found


class Sampler(threading.Thread):
    """Samples the main thread's stack while `tag` = (subject key, call) is set; `owns`: key -> own owner."""

    def __init__(self, target_thread_id, owns):
        super().__init__(daemon=True)
        self.target_thread_id, self.owns = target_thread_id, owns
        self.tag = None
        self.stopped = False
        self.counts = {}     # tag -> Counter(owner)
        self.selfs = {}      # tag -> Counter((file, first line, function)) of the innermost own frame
        self.inclusive = {}  # tag -> Counter(...) of every own function on the stack (once per sample)
        self.lines = {}      # tag -> Counter((file, line)) where the innermost own frame was
        self.self_lines = {}  # the same, only for samples that are the block's own time

    def run(self):
        while not self.stopped:
            time.sleep(INTERVAL_S)
            tag = self.tag
            if tag is None:
                continue
            frame = sys._current_frames().get(self.target_thread_id)
            if frame is not None:
                self._record(tag, frame)

    def _record(self, tag, frame):
        own = self.owns[tag[0]]
        who, innermost_own, own_line, seen = None, None, None, set()
        while frame is not None:
            code = frame.f_code
            mine = owner(code.co_filename)
            if who is None and mine is not None:
                who = mine
            if mine == own:
                key = (code.co_filename, code.co_firstlineno, code.co_name)
                if innermost_own is None:
                    innermost_own = key
                    own_line = (code.co_filename, frame.f_lineno)
                    self.lines.setdefault(tag, Counter())[own_line] += 1
                seen.add(key)
            frame = frame.f_back
        self.counts.setdefault(tag, Counter())[who or "other"] += 1
        if who == own and innermost_own:
            self.selfs.setdefault(tag, Counter())[innermost_own] += 1
            self.self_lines.setdefault(tag, Counter())[own_line] += 1
        self.inclusive.setdefault(tag, Counter()).update(seen)


def _short(filename):
    if filename.startswith(str(ROOT) + "/"):
        return filename[len(str(ROOT)) + 1:]
    return filename.split("site-packages/", 1)[-1]


_READS = [0]


def _count_field_reads():
    """Count KvsFieldData.has calls: XBlock asks `has` at a field's first read in a request (then `get` if
    the store holds a value), and the workbench's store answers each with a database query."""
    from xblock.runtime import KvsFieldData
    if getattr(KvsFieldData.has, "_bench_counted", False):
        return
    original = KvsFieldData.has

    def counted(self, block, name):
        _READS[0] += 1
        return original(self, block, name)

    counted._bench_counted = True
    KvsFieldData.has = counted


def _counted(calls, key, fn, *args):
    """Run fn(*args), adding its field reads and SQL statements to calls[key]."""
    _READS[0] = 0
    with env.counting() as counts:
        result = fn(*args)
    entry = calls.setdefault(key, {"field_reads": [], "sql_reads": [], "sql_writes": []})
    entry["field_reads"].append(_READS[0])
    entry["sql_reads"].append(counts.sql_reads)
    entry["sql_writes"].append(counts.sql_writes)
    return result


def _round(subject, usage_id, i, sampler, calls):
    from .server import _prepare
    user = f"own-{subject.key}-{i}"
    block = env.block_for(usage_id, user)
    with translation.override("lv"):
        sampler.tag = (subject.key, "student_view")
        _counted(calls, "student_view", block.runtime.render, block, "student_view", {})
        sampler.tag = None
    _prepare(subject, env.block_for(usage_id, user))
    handler, payload = subject.action(env.block_for(usage_id, user))
    block = env.block_for(usage_id, user)  # no field cached by building the payload
    with translation.override("lv"):
        sampler.tag = (subject.key, "submit")
        status, body = _counted(calls, "submit", env.call_handler, block, handler, payload)
        sampler.tag = None
    if status != 200:
        raise RuntimeError(f"{handler} -> HTTP {status}: {str(body)[:200]}")


def _hot(counter, total, with_function=True):
    if with_function:
        return [{"where": f"{_short(f)}:{line}", "function": name, "share": round(n / total, 4)}
                for (f, line, name), n in counter.most_common(TOP)]
    return [{"where": f"{_short(f)}:{line}", "share": round(n / total, 4)} for (f, line), n in counter.most_common(TOP)]


def _result(subject, own, rounds, sampler, calls):
    result = {"own": own, "rounds": rounds}
    for metric in ("student_view", "submit"):
        tag = (subject.key, metric)
        counts = sampler.counts.get(tag, Counter())
        total = sum(counts.values())
        entry = {"samples": total,
                 "shares": {k: round(v / total, 4) for k, v in counts.most_common()} if total else {}}
        entry["own_share"] = entry["shares"].get(own, 0.0)
        for name, values in calls.get(metric, {}).items():  # per call, median over the rounds
            entry[name] = sorted(values)[len(values) // 2] if values else None
        if subject.ours and total:
            entry["hot_self"] = _hot(sampler.selfs.get(tag, Counter()), total)
            entry["hot_inclusive"] = _hot(sampler.inclusive.get(tag, Counter()), total)
            entry["hot_lines"] = _hot(sampler.lines.get(tag, Counter()), total, with_function=False)
            entry["hot_self_lines"] = _hot(sampler.self_lines.get(tag, Counter()), total, with_function=False)
        result[metric] = entry
    return result


def measure(subjects, rounds=60, budget_s=150.0, min_rounds=15):
    """Round-robin (round i of every block, then i+1) up to `rounds`; no new round after `budget_s`
    once `min_rounds` are in."""
    results = {"interval_ms": INTERVAL_S * 1000, "method": "stack sampling, innermost owned frame"}
    owns = {s.key: "ours" if s.ours else PEER_PACKAGES.get(s.block_type.replace("-", "_"), s.block_type)
            for s in subjects}
    usages, calls, done = {}, {}, {}
    for subject in subjects:
        try:
            usages[subject.key] = env.load_block(subject.xml, f"own-{subject.key}")
            for i in range(3):  # warm: imports, template and catalog caches
                block = env.block_for(usages[subject.key], f"own-warm-{subject.key}-{i}")
                with translation.override("lv"):
                    block.runtime.render(block, "student_view", {})
        except Exception as error:  # noqa: BLE001 - one block must not stop the others
            results[subject.key] = {"error": f"{type(error).__name__}: {error}"}
    live = [s for s in subjects if s.key in usages]
    _count_field_reads()
    sampler = Sampler(threading.get_ident(), owns)
    sampler.start()
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.0001)
    started = time.perf_counter()
    try:
        for i in range(rounds):
            if i >= min_rounds and time.perf_counter() - started > budget_s:
                break
            for subject in list(live):
                try:
                    _round(subject, usages[subject.key], i, sampler, calls.setdefault(subject.key, {}))
                    done[subject.key] = i + 1
                except Exception as error:  # noqa: BLE001
                    results[subject.key] = {"error": f"round {i}: {type(error).__name__}: {error}"}
                    live.remove(subject)
    finally:
        sampler.tag = None
        sampler.stopped = True
        sys.setswitchinterval(previous)
        sampler.join()
    for subject in live:
        results[subject.key] = _result(subject, owns[subject.key], done.get(subject.key, 0), sampler,
                                       calls.get(subject.key, {}))
    return results


# Summary and report ------------------------------------------------------------------------

OWN_TARGET = 0.3  # our own code's time / xblock-poll's whole median


def summarize(data, targets, baseline_peer, ours):
    """Adds own-code targets; returns {block: {metric: {own_ms, ratio_to_poll, ...}}}."""
    server, own = data.get("server") or {}, data.get("own_code") or {}
    base = server.get(baseline_peer)
    base_own = own.get(baseline_peer)
    out = {}
    if not isinstance(base, dict) or "error" in base:
        return out
    for block in ours:
        s, o = server.get(block), own.get(block)
        if not isinstance(s, dict) or "error" in s or not isinstance(o, dict) or "error" in o:
            continue
        for metric in ("student_view", "submit"):
            share = o[metric]["own_share"]
            own_ms = share * s[metric]["median_ms"]
            poll_ms = base[metric]["median_ms"]
            entry = {"own_share": share, "own_ms": round(own_ms, 3), "ratio_to_poll": round(own_ms / poll_ms, 3)}
            if isinstance(base_own, dict) and "error" not in base_own and base_own[metric]["own_share"] >= 0.05:
                poll_own = base_own[metric]["own_share"] * poll_ms
                entry["poll_own_ms"] = round(poll_own, 3)
                entry["ratio_to_poll_own"] = round(own_ms / poll_own, 3) if poll_own else None
            out.setdefault(block, {})[metric] = entry
            label = "student_view" if metric == "student_view" else "submit"
            targets.append({"target": f"own code in {label} <= 0.3x xblock-poll's median", "block": block,
                            "value": entry["ratio_to_poll"], "goal": OWN_TARGET,
                            "met": entry["ratio_to_poll"] <= OWN_TARGET,
                            "note": f"{share:.0%} of {s[metric]['median_ms']:.1f} ms"})
    return out


def markdown(data):
    own, summary = data.get("own_code") or {}, (data.get("summary") or {}).get("own_code") or {}
    if not own:
        return []
    if "error" in own:
        return ["## 2b. Own code vs platform", "", f"error: {own['error'][:300]}", ""]
    lines = ["## 2b. Own code vs platform (sampling profile of the same calls)", "",
             f"A stack sample every {own.get('interval_ms')} ms; each goes to the innermost frame of a known "
             "owner (the block's package, django, xblock = XBlock + workbench + webob ...); the standard library "
             "and other libraries count for their caller. own ms = own share x the server median.", "",
             "| block | call | samples | own | django.template | django.db | django other | xblock | field reads | "
             "SQL reads | SQL writes | own ms | / poll's median | / poll's own |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for key, entry in own.items():
        if not isinstance(entry, dict) or key in ("interval_ms", "method"):
            continue
        if "error" in entry:
            lines.append(f"| {key} | error: {entry['error'][:200]} |")
            continue
        for metric in ("student_view", "submit"):
            e, s = entry[metric], summary.get(key, {}).get(metric, {})
            shares = e["shares"]
            lines.append(f"| {key} | {metric} | {e['samples']} | {e['own_share']:.0%} | "
                         + " | ".join(f"{shares.get(k, 0):.0%}" for k in ("django.template", "django.db", "django",
                                                                             "xblock")) + " | "
                         f"{e.get('field_reads', '—')} | {e.get('sql_reads', '—')} | {e.get('sql_writes', '—')} | "
                         f"{s.get('own_ms', '—')} | {s.get('ratio_to_poll', '—')} | "
                         f"{s.get('ratio_to_poll_own', '—')} |")
    lines.append("")
    for key, entry in own.items():
        if not isinstance(entry, dict) or "error" in entry or "hot_self" not in entry.get("student_view", {}):
            continue
        for metric in ("student_view", "submit"):
            hot = entry[metric].get("hot_inclusive") or []
            if hot:
                lines.append(f"{key} {metric}, own functions on the stack (share of all samples, platform calls "
                             "under them included): "
                             + "; ".join(f"`{h['where']}` {h['function']} {h['share']:.0%}" for h in hot[:6]))
                lines.append("")
            hot = entry[metric].get("hot_lines") or []
            if hot:
                lines.append(f"{key} {metric}, innermost own line (with the platform calls it waits on): "
                             + "; ".join(f"`{h['where']}` {h['share']:.1%}" for h in hot[:5]))
                lines.append("")
            hot = entry[metric].get("hot_self_lines") or []
            if hot:
                lines.append(f"{key} {metric}, own lines running (own time only): "
                             + "; ".join(f"`{h['where']}` {h['share']:.1%}" for h in hot[:5]))
                lines.append("")
    return lines

