"""The workbench settings of `make run`, as a production LMS would run them.

DEBUG off (no query log, no template debug), a throw-away SQLite database
named by NOTURIBA_BENCH_DB, and every scenario of every installed block.
"""

import os

from workbench_site.settings import *  # noqa: F403

DEBUG = False
TEMPLATES[0]["OPTIONS"]["debug"] = False  # noqa: F405
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("NOTURIBA_BENCH_DB", "var/bench.db"),
        "OPTIONS": {"timeout": 30},
    }
}
ALLOWED_HOSTS = ["*"]

# See noturiba_bench/i18n.py: the same catalogs, plus what Django's catalog merge reads.
WORKBENCH["services"]["i18n"] = "noturiba_bench.i18n.BenchI18nService"  # noqa: F405
