"""Server side: student_view render and main-handler times, and writes per learner action.

All subjects run in this one process, in one WorkbenchRuntime setup on one
migrated SQLite database, interleaved round-robin (iteration i of every block,
then i+1 ...) so that machine noise hits them alike. Every iteration is a new
learner: a fresh block load (untimed), then the timed call. Timings are wall
clock (perf_counter) around `runtime.render(block, "student_view")` and
`runtime.handle(block, handler, request)` (JSON decoding, the handler, the
save of dirty fields, the JSON response): what the LMS does per request minus
its own middleware.
"""

import gc

from django.utils import translation

from . import env
from .stats import summary_ms

LANGUAGE = "lv"


def _prepare(subject, block):
    for handler, payload in subject.prepare(block):
        status, body = env.call_handler(block, handler, payload)
        if status != 200:
            raise RuntimeError(f"preparation {handler} -> HTTP {status}: {str(body)[:200]}")


def _one(subject, usage_id, user, record):
    block = env.block_for(usage_id, user)
    with translation.override(LANGUAGE):
        seconds, fragment = env.timed(block.runtime.render, block, "student_view", {})
    if "<i>No such view" in fragment.content:
        raise RuntimeError("student_view missing")
    record["view_new"].append(seconds)
    record["view_new_cpu"].append(env.last_cpu())

    # The block's own view code alone: no runtime wrapping, aside discovery or fragment JSON init args.
    block = env.block_for(usage_id, user)
    block.runtime._patch_xblock(block)
    with translation.override(LANGUAGE):
        seconds, _fragment = env.timed(block.student_view, {})
    record["view_code"].append(seconds)

    block = env.block_for(usage_id, user)
    if record.get("prepare_counts") is None:
        with env.counting() as counts:
            _prepare(subject, block)
        record["prepare_counts"] = counts.as_dict()
    else:
        _prepare(subject, block)
    handler, payload = subject.action(env.block_for(usage_id, user))
    # A block of its own for the timed call: XBlock caches each field at its first read, so fields that
    # building the payload read would otherwise come free to the handler.
    block = env.block_for(usage_id, user)
    record["handler"] = handler
    with env.counting() as counts, translation.override(LANGUAGE):
        seconds, (status, body) = env.timed(env.call_handler, block, handler, payload)
    if status != 200:
        raise RuntimeError(f"{handler} -> HTTP {status}: {str(body)[:300]}")
    record["submit"].append(seconds)
    record["submit_cpu"].append(env.last_cpu())
    record["submit_save"].append(counts.save_seconds)
    record["writes"].append(counts.as_dict())

    block = env.block_for(usage_id, user)
    with translation.override(LANGUAGE):
        seconds, _fragment = env.timed(block.runtime.render, block, "student_view", {})
    record["view_after"].append(seconds)


def measure(subjects, iterations=300, warmup=20, budget_s=300.0, min_iterations=30):
    """Up to `iterations` rounds, stopping early (after `min_iterations`) when `budget_s` is spent."""
    import time
    records, usages, results = {}, {}, {}
    for subject in subjects:
        try:
            usages[subject.key] = env.load_block(subject.xml, f"server-{subject.key}")
            records[subject.key] = {"view_new": [], "view_new_cpu": [], "view_code": [], "view_after": [], "submit": [],
                                    "submit_cpu": [], "submit_save": [], "writes": []}
        except Exception as error:  # noqa: BLE001
            results[subject.key] = {"error": f"load: {type(error).__name__}: {error}"}
    live = [s for s in subjects if s.key in usages]
    gc.collect()
    started = None
    for i in range(warmup + iterations):
        if i == warmup:
            started = time.perf_counter()
        elif started and i - warmup >= min_iterations and time.perf_counter() - started > budget_s:
            break
        for subject in list(live):
            record = records[subject.key]
            try:
                _one(subject, usages[subject.key], f"bench-{subject.key}-{i}", record)
            except Exception as error:  # noqa: BLE001
                results[subject.key] = {"error": f"iteration {i}: {type(error).__name__}: {error}"}
                live.remove(subject)
                continue
            if i == warmup - 1:  # drop the warm-up samples (imports, template and catalog caches)
                for samples in record.values():
                    if isinstance(samples, list):
                        samples.clear()
    for subject in live:
        record = records[subject.key]
        writes = record["writes"]
        first = writes[0] if writes else {}
        results[subject.key] = {
            "handler": record.get("handler"),
            "student_view": summary_ms(record["view_new"]),
            "student_view_after_action": summary_ms(record["view_after"]),
            "student_view_code": summary_ms(record["view_code"]),
            "student_view_cpu": summary_ms(record["view_new_cpu"]),
            "submit_cpu": summary_ms(record["submit_cpu"]),
            # The handler minus the field-data save at its end (the workbench store's share).
            "submit_save": summary_ms(record["submit_save"]),
            "submit_without_save": summary_ms([t - s for t, s in zip(record["submit"], record["submit_save"],
                                                                      strict=True)]),
            "submit": summary_ms(record["submit"]),
            "writes_per_action": first,
            "writes_constant": all(w["saves"] == first.get("saves") for w in writes),
            "max_saves_per_action": max(w["saves"] for w in writes),
            "prepare_writes": record.get("prepare_counts"),
            "iterations": len(record["submit"]),
        }
    return results
