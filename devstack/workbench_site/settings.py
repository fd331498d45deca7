"""Workbench settings: Latvian by default, ?lang=en|ru|uk to switch, package catalogs read as in the LMS."""

import os

from workbench.settings import *  # noqa: F403

LANGUAGE_CODE = "lv"
LANGUAGES = [("lv", "Latviešu"), ("en", "English"), ("ru", "Русский"), ("uk", "Українська")]
USE_I18N = True

MIDDLEWARE = [*MIDDLEWARE, "workbench_site.middleware.LanguageSwitchMiddleware"]  # noqa: F405

# What the LMS gets from the package's `lms.djangoapp` entry point.
INSTALLED_APPS = [*INSTALLED_APPS, "noturiba.survey"]  # noqa: F405

# Every unit of courses/ holding one of our blocks becomes a scenario (course_scenarios.py).
INSTALLED_APPS += ["workbench_site.course_scenarios.CourseScenariosConfig",
                   "workbench_site.state_rows.StateRowsConfig"]

# A Latvian start page (start_page.py) in front of the SDK's URLs, and the courses' /static/ files.
ROOT_URLCONF = "workbench_site.urls"

# Called with the block (workbench_site.i18n.install), as the LMS's runtime calls its services:
# each block reads its own package's catalog, and its /static/ links point at its course's files.
WORKBENCH["services"]["i18n"] = "workbench_site.i18n.BlockCatalogI18nService"  # noqa: F405
WORKBENCH["services"]["replace_urls"] = "workbench_site.static_files.ReplaceUrlsService"  # noqa: F405
# Studio's course-author check (noturiba.base.ContentBlock.may_author): workbench users author.
WORKBENCH["services"]["studio_user_permissions"] = "workbench_site.authoring.WorkbenchStudioPermissions"  # noqa: F405

if os.environ.get("NOTURIBA_WORKBENCH_QUIET"):
    LOGGING["loggers"]["django"]["level"] = "WARNING"  # noqa: F405

# The workbench writes its log and SQLite database under ./var; create it so any
# command (runserver, pytest, migrate) works from a fresh clone.
os.makedirs("var", exist_ok=True)
