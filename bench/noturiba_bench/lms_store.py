"""Section 2 again with a field store that costs what the LMS's does (informational, not a target).

The workbench's store asks the database at every field's first read in a
request (a get_or_create of the row that holds the field) and saves each
changed field on its own. The LMS does neither: its FieldDataCache loads a
learner's StudentModule row for the block once per request, and a block's
save() writes each changed row once. Here each request (each new
WorkbenchRuntime, as in section 2) gets a store that reads a row
(scope, scope id, user) once and caches it, and writes each changed row once
on save. The same timed calls as section 2, fewer rounds; the ratio to
xblock-poll under this store says how much of a gap is the workbench store's.
"""

import contextlib
import json

from . import env


def _request_kvs():
    from workbench.models import XBlockState
    from workbench.runtime import WorkbenchDjangoKeyValueStore

    class RequestKvs(WorkbenchDjangoKeyValueStore):
        """One request's store: each row read once, each changed row written once."""

        def __init__(self):
            self.rows = {}

        def _row(self, key):
            ident = (str(key.scope), key.block_scope_id, key.user_id)
            if ident not in self.rows:
                record = XBlockState.get_for_key(key)
                self.rows[ident] = (record, json.loads(record.state))
            return self.rows[ident]

        def get(self, key):
            return self._row(key)[1][key.field_name]

        def has(self, key):
            return key.field_name in self._row(key)[1]

        def set(self, key, value):
            self.set_many({key: value})

        def set_many(self, update_dict):
            dirty = {}
            for key, value in update_dict.items():
                record, state = self._row(key)
                state[key.field_name] = value
                dirty[id(record)] = (record, state)
            for record, state in dirty.values():
                record.state = self._to_json_str(state)
                record.save()

        def delete(self, key):
            record, state = self._row(key)
            if state.pop(key.field_name, None) is not None:
                record.state = self._to_json_str(state)
                record.save()

    return RequestKvs


@contextlib.contextmanager
def cached_store():
    """env.block_for gives blocks of a runtime whose field data is one RequestKvs (one per request)."""
    from workbench.runtime import WorkbenchRuntime
    from xblock.runtime import KvsFieldData
    kvs_class = _request_kvs()
    original = env.block_for

    def block_for(usage_id, user_id):
        runtime = WorkbenchRuntime(user_id)
        runtime._services["field-data"] = KvsFieldData(kvs_class())
        return runtime.get_block(usage_id)

    env.block_for = block_for
    try:
        yield
    finally:
        env.block_for = original


def measure(subjects, iterations=80, warmup=10, budget_s=120.0):
    from . import server
    with cached_store():
        return server.measure(subjects, iterations=iterations, warmup=warmup, budget_s=budget_s, min_iterations=20)


def summarize(data, baseline_peer, ours):
    section, out = data.get("lms_store") or {}, {}
    base = section.get(baseline_peer)
    if not isinstance(base, dict) or "error" in base:
        return out
    for block in ours:
        s = section.get(block)
        if isinstance(s, dict) and "error" not in s:
            out[block] = {metric: round(s[metric]["median_ms"] / base[metric]["median_ms"], 3)
                          for metric in ("student_view", "submit", "student_view_code")}
    return out


def markdown(data):
    section = data.get("lms_store")
    if not section:
        return []
    lines = ["## 2c. With an LMS-like field store (each row read once and written once per request)", ""]
    if "error" in section:
        return lines + [f"error: {section['error'][:300]}", ""]
    ratios = (data.get("summary") or {}).get("lms_store") or {}
    lines += ["Informational (the targets are judged on section 2): the same calls, each request's store caching "
              "the rows it read and writing each changed row once, as the LMS's FieldDataCache does.", "",
              "| block | student_view median ms | view code only | handler median ms | saves / action | "
              "student_view / poll | handler / poll |", "|---|---|---|---|---|---|---|"]
    for key, s in section.items():
        if not isinstance(s, dict):
            continue
        if "error" in s:
            lines.append(f"| {key} | error: {s['error'][:200]} |")
            continue
        r = ratios.get(key, {})
        lines.append(f"| {key} | {s['student_view']['median_ms']:.2f} | {s['student_view_code']['median_ms']:.2f} | "
                     f"{s['submit']['median_ms']:.2f} | {s['writes_per_action'].get('saves')} | "
                     f"{r.get('student_view', '—')} | {r.get('submit', '—')} |")
    return lines + [""]
