"""One Django + workbench process for the whole run: a temp SQLite DB, migrated, with counters.

Writes are counted at the field-data layer: every KvsFieldData.set / set_many /
delete call is one "save" (XBlock's block.save() flushes all dirty fields in one
set_many), and each key in it is one field written. SQL statements are counted
with a database execute wrapper. From the scopes of the fields written we also
estimate the rows the LMS would write: its user-state store keeps one row per
(learner, block) for Scope.user_state (StudentModule) and one row per field for
the other scopes (user_state_summary, preferences, user_info, content, settings).
"""

import contextlib
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_STATE = {}


def setup(workdir=None):
    """Configure Django on a fresh SQLite file and migrate it; returns the DB path."""
    if _STATE.get("db"):
        return _STATE["db"]
    for extra in (ROOT / "devstack", ROOT / "tools"):
        if str(extra) not in sys.path:
            sys.path.insert(0, str(extra))
    workdir = Path(workdir or tempfile.mkdtemp(prefix="noturiba-bench-"))
    db = workdir / "bench.db"
    os.environ["NOTURIBA_BENCH_DB"] = str(db)
    os.environ["DJANGO_SETTINGS_MODULE"] = "noturiba_bench.settings"
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    os.environ.setdefault("NOTURIBA_WORKBENCH_QUIET", "1")
    os.chdir(ROOT)  # the workbench writes var/workbench.log relative to the working directory
    (ROOT / "var").mkdir(exist_ok=True)
    import django
    django.setup()
    # The workbench logs every event and request at INFO into var/workbench.log: measure the
    # blocks, not the log file (all blocks publish events).
    logging.disable(logging.INFO)
    from django.core.management import call_command
    call_command("migrate", interactive=False, verbosity=0)
    _install_counters()
    _STATE["db"] = db
    return db


# Counters --------------------------------------------------------------------------------

class Counts:
    def __init__(self):
        self.saves = 0          # field-data set/set_many/delete calls
        self.fields = 0         # field values written
        self.lms_rows = 0       # rows the LMS's field-data store would write
        self.sql_writes = 0     # INSERT/UPDATE/DELETE statements
        self.sql_reads = 0      # SELECT statements
        self.save_seconds = 0.0  # wall time inside the field-data writes (the runtime's share of a handler)
        self.scopes = {}

    def as_dict(self):
        return {"saves": self.saves, "fields": self.fields, "lms_rows": self.lms_rows,
                "sql_writes": self.sql_writes, "sql_reads": self.sql_reads, "scopes": dict(self.scopes)}


_ACTIVE = []


def _install_counters():
    from xblock.fields import Scope
    from xblock.runtime import KvsFieldData

    def record(block, names):
        if not _ACTIVE:
            return
        counts = _ACTIVE[-1]
        counts.saves += 1
        counts.fields += len(names)
        user_state = False
        for name in names:
            field = block.fields.get(name)
            scope = field.scope if field is not None else None
            label = str(scope) if scope is not None else "?"
            counts.scopes[label] = counts.scopes.get(label, 0) + 1
            if scope == Scope.user_state:
                user_state = True
            else:
                counts.lms_rows += 1
        if user_state:
            counts.lms_rows += 1

    original_set, original_set_many, original_delete = KvsFieldData.set, KvsFieldData.set_many, KvsFieldData.delete

    def counted_set(self, block, name, value):
        record(block, [name])
        return original_set(self, block, name, value)

    def counted_set_many(self, block, update_dict):
        record(block, list(update_dict))
        start = time.perf_counter()
        try:
            return original_set_many(self, block, update_dict)
        finally:
            if _ACTIVE:
                _ACTIVE[-1].save_seconds += time.perf_counter() - start

    def counted_delete(self, block, name):
        record(block, [name])
        return original_delete(self, block, name)

    KvsFieldData.set, KvsFieldData.set_many, KvsFieldData.delete = counted_set, counted_set_many, counted_delete

    from django.db import connection

    def sql_counter(execute, sql, params, many, context):
        if _ACTIVE:
            verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
            if verb == "SELECT":
                _ACTIVE[-1].sql_reads += 1
            elif verb in {"INSERT", "UPDATE", "DELETE", "REPLACE"}:
                _ACTIVE[-1].sql_writes += 1
        return execute(sql, params, many, context)

    connection.execute_wrappers.append(sql_counter)


@contextlib.contextmanager
def counting():
    counts = Counts()
    _ACTIVE.append(counts)
    try:
        yield counts
    finally:
        _ACTIVE.remove(counts)


# Blocks in the workbench runtime ---------------------------------------------------------

_SEQ = [0]


def load_block(xml, scenario_slug, user_id="bench-author"):
    """Parse `xml` into the workbench (as its scenarios are) and return (usage_id)."""
    from workbench.runtime import WorkbenchRuntime
    runtime = WorkbenchRuntime(user_id)
    _SEQ[0] += 1
    runtime.id_generator.set_scenario(f"bench-{scenario_slug}-{_SEQ[0]}")
    return runtime.parse_xml_string(xml)


def block_for(usage_id, user_id):
    """The block as a request of `user_id` sees it (a new runtime, state from the database)."""
    from workbench.runtime import WorkbenchRuntime
    return WorkbenchRuntime(user_id).get_block(usage_id)


def call_handler(block, name, payload):
    """POST `payload` as JSON to handler `name`; returns (status, parsed body or text)."""
    from webob import Request
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode(),
                            content_type="application/json")
    response = block.runtime.handle(block, name, request)
    try:
        body = json.loads(response.body or b"null")
    except ValueError:
        body = response.body[:300].decode("utf-8", "replace")
    return response.status_code, body


def timed(fn, *args, **kwargs):
    """(wall seconds, result); the CPU seconds of this thread go to the last `cpu_times` list given."""
    cpu = time.thread_time()
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    wall = time.perf_counter() - start
    _LAST_CPU[0] = time.thread_time() - cpu
    return wall, result


_LAST_CPU = [0.0]


def last_cpu():
    """CPU time of the last `timed` call: what the call cost, whatever else ran on the machine."""
    return _LAST_CPU[0]
