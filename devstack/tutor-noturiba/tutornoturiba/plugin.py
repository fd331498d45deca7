"""Tutor 22 plugin for Noturība: install the XBlocks, set what they need, import the courses.

Everything here is declared through `tutor.hooks`:

- CONFIG_DEFAULTS: the NOTURIBA_* settings (documented in devstack/README.md);
- ENV_PATCHES: a Dockerfile line that pip-installs NOTURIBA_PIP_REQUIREMENT next to
  OPENEDX_EXTRA_PIP_REQUIREMENTS, and LMS + CMS settings (language, certificates, completion,
  XBLOCK_SETTINGS);
- MOUNTED_DIRECTORIES: `tutor mounts add /path/to/noturiba` installs the checkout (editable) in the
  openedx image and bind-mounts it at /mnt/noturiba in lms, cms, their workers and jobs;
- CLI_DO_INIT_TASKS: released languages (DarkLangConfig, a database row) and, when
  NOTURIBA_IMPORT_COURSES_ON_INIT is true, the import of the courses not yet in the CMS;
- CLI_DO_COMMANDS: `tutor local|dev|k8s do importnoturibacourses`.

A `do` command or init task yields (service, script) pairs; Tutor renders each script with Jinja
and the project config, then runs it with `sh -e -c` in the "<service>-job" container (compose)
or Job (k8s), working directory /openedx/edx-platform. Scripts are POSIX sh (dash in the image)
and must not contain Jinja delimiters other than the config lookups they mean.
"""

from __future__ import annotations

import re
import shlex
import typing as t

import click
from tutor import hooks

from .__about__ import __version__

# The requirement the openedx image installs. The default is a placeholder: an operator sets the
# real one (git URL of their fork, a release, or "" when the checkout is mounted).
PLACEHOLDER_ORG = "YOUR-ORG"
PLACEHOLDER_REQUIREMENT = f"git+https://github.com/{PLACEHOLDER_ORG}/noturiba.git@main#egg=noturiba-xblocks"

# Folder names of a checkout that `tutor mounts add` installs into the openedx image. Tutor core
# already handles any name containing "xblock" (so "noturiba-xblocks" works without us).
MOUNT_REGEX = r"^noturiba$"
# Where the mounted checkout appears in the containers (and, when the image was built with the
# mount, inside the image itself).
MOUNT_PATH = "/mnt/noturiba"

CONFIG_DEFAULTS: dict[str, t.Any] = {
    "VERSION": __version__,
    # pip requirement installed into the openedx image ("" = none: use the mounted checkout).
    "PIP_REQUIREMENT": PLACEHOLDER_REQUIREMENT,
    # Default language of the LMS and Studio (Django LANGUAGE_CODE).
    "LANGUAGE_CODE": "lv",
    # Languages released to learners (DarkLangConfig, set by the init task).
    "RELEASED_LANGUAGES": ["lv", "en", "ru", "uk"],
    # Set the released languages on every `do init` (false: leave DarkLangConfig to the admin).
    "SET_RELEASED_LANGUAGES": True,
    # Smallest group whose survey tallies civicquiz and mediacheck show (XBLOCK_SETTINGS[<block>]["min_group"]).
    "SURVEY_MIN_GROUP": 5,
    # Extra per-block settings merged into XBLOCK_SETTINGS, e.g. {"mediacheck": {"key": "value"}}.
    "XBLOCK_SETTINGS": {},
    # FEATURES["CERTIFICATES_HTML_VIEW"]: web certificates instead of PDF ones.
    "CERTIFICATES_HTML_VIEW": True,
    # The language menu in the LMS header (SHOW_HEADER_LANGUAGE_SELECTOR): lv, en, ru, uk.
    "SHOW_LANGUAGE_SELECTOR": True,
    # Turn the waffle switch completion.enable_completion_tracking on at every `do init` (Tutor
    # only creates it when it does not exist; completion is how the blocks report progress).
    "ENABLE_COMPLETION_TRACKING": True,
    # Folder, inside the cms container, that holds one OLX course folder (with course.xml) each.
    "COURSES_DIR": f"{MOUNT_PATH}/courses",
    # Import the courses that are not yet in the CMS during `tutor ... do init` / `launch`.
    "IMPORT_COURSES_ON_INIT": False,
    # Aspects (event-routing-backends): our tracking events that go to the LRS as xAPI. None of
    # these carries an answer; survey events carry no content at all (noturiba/xapi.py).
    "XAPI_EVENTS": [
        "noturiba.civicquiz.question.answered", "noturiba.civicquiz.quiz.submitted",
        "noturiba.civicquiz.survey.answered", "noturiba.mediacheck.exercise.submitted",
        "noturiba.mediacheck.item.checked",
    ],
    # Also send the drill events that say which choice a learner took and where the path ended.
    "XAPI_ANSWER_EVENTS": False,
}
# The events of XAPI_ANSWER_EVENTS (noturiba.xapi.ANSWER_EVENTS).
XAPI_ANSWER_EVENT_NAMES = ["noturiba.crisisdrill.drill.finished", "noturiba.crisisdrill.step.answered"]

########################################
# Configuration
########################################

hooks.Filters.CONFIG_DEFAULTS.add_items([(f"NOTURIBA_{key}", value) for key, value in CONFIG_DEFAULTS.items()])
# The key of the survey learner keys (HMAC, noturiba.base.learner_key_for): made once per
# instance by `tutor config save`, kept in config.yml, never shown to course staff.
hooks.Filters.CONFIG_UNIQUE.add_items([("NOTURIBA_LEARNER_KEY_SECRET", "{{ 48|random_string }}")])

########################################
# Image: the pip requirement, the mounted checkout
########################################


def mounted_checkout(mounts: t.Iterable[str]) -> str:
    """The name of the Noturība checkout among MOUNTS that the openedx image installs, or ""."""
    # Imported here: tutor.plugins.openedx registers hooks when imported, which must not happen
    # before Tutor loads its own plugins.
    from tutor.plugins.openedx import iter_mounted_directories

    for name in iter_mounted_directories(list(mounts), "openedx"):
        if name.startswith("noturiba"):  # MOUNT_REGEX, or "noturiba-xblocks" (Tutor's xblock rule)
            return name
    return ""


hooks.Filters.MOUNTED_DIRECTORIES.add_item(("openedx", MOUNT_REGEX))
hooks.Filters.ENV_TEMPLATE_VARIABLES.add_item(("noturiba_mounted_checkout", mounted_checkout))

# Same place and form as Tutor's own OPENEDX_EXTRA_PIP_REQUIREMENTS lines (which follow this patch
# in the python-requirements stage). A patch rather than an override of that list: a list in the
# operator's config.yml would silently win over a plugin's CONFIG_OVERRIDES, and other plugins
# could not add to it. A mounted checkout is installed (editable) in a later stage, so it wins;
# the line is then left out so that a build never needs to reach the placeholder URL.
DOCKERFILE_PATCH = """\
{%- set noturiba_checkout = noturiba_mounted_checkout(MOUNTS) %}
{%- if noturiba_checkout %}
# Noturība: installed from the mounted checkout /mnt/{{ noturiba_checkout }} (see below)
{%- elif NOTURIBA_PIP_REQUIREMENT and "PLACEHOLDER_ORG" in NOTURIBA_PIP_REQUIREMENT %}
# Noturība: NOTURIBA_PIP_REQUIREMENT is still the placeholder
RUN echo "Set NOTURIBA_PIP_REQUIREMENT (tutor config save --set NOTURIBA_PIP_REQUIREMENT=...)" \\
    "or mount the checkout (tutor mounts add /path/to/noturiba); see devstack/README.md" && exit 1
{%- elif NOTURIBA_PIP_REQUIREMENT %}
# Noturība XBlocks (NOTURIBA_PIP_REQUIREMENT)
RUN --mount=type=cache,target=/openedx/.cache/pip,sharing=shared \\
    $PIP_COMMAND install '{{ NOTURIBA_PIP_REQUIREMENT }}'
{%- endif %}
""".replace("PLACEHOLDER_ORG", PLACEHOLDER_ORG)

hooks.Filters.ENV_PATCHES.add_item(("openedx-dockerfile-post-python-requirements", DOCKERFILE_PATCH))

########################################
# LMS and Studio settings
########################################

# Included in lms/{production,development}.py and cms/{production,development}.py (the same block
# for both, as the blocks render in both). FEATURES is Tutor's FeaturesProxy on Verawood (flat
# settings; FEATURES["X"] writes settings.X) and a plain dict on older releases: both work.
SETTINGS_PATCH = """\
# Noturība (tutor-noturiba {{ NOTURIBA_VERSION }})
# The platform's LANGUAGES (openedx/envs/common.py) has no Latvian: a LANGUAGE_CODE outside it fails
# Django's check translation.E004, which stops every checked command (migrate in `launch`). The
# header's language menu also offers only released languages that are in LANGUAGES.
_noturiba_language_names = {"lv": "Latviešu", "en": "English", "ru": "Русский", "uk": "Українська"}
_noturiba_known = {code for code, _name in LANGUAGES}
LANGUAGES = list(LANGUAGES) + [
    (code, _noturiba_language_names.get(code, code))
    for code in dict.fromkeys(["{{ NOTURIBA_LANGUAGE_CODE }}", *{{ NOTURIBA_RELEASED_LANGUAGES }}])
    if code not in _noturiba_known
]
LANGUAGE_DICT = dict(LANGUAGES)
del _noturiba_language_names, _noturiba_known
LANGUAGE_CODE = "{{ NOTURIBA_LANGUAGE_CODE }}"
# Released languages live in the database (DarkLangConfig), set by `tutor ... do init`:
# {{ NOTURIBA_RELEASED_LANGUAGES|join(",") }}
# Flat settings as well as FEATURES: on Verawood a FEATURES["X"] write here does not reach the
# module-level X that the platform's code reads.
CERTIFICATES_HTML_VIEW = FEATURES["CERTIFICATES_HTML_VIEW"] = {{ NOTURIBA_CERTIFICATES_HTML_VIEW }}
SHOW_HEADER_LANGUAGE_SELECTOR = FEATURES["SHOW_HEADER_LANGUAGE_SELECTOR"] = {{ NOTURIBA_SHOW_LANGUAGE_SELECTOR }}
# Completion tracking has no setting: it is the waffle switch completion.enable_completion_tracking,
# which the init tasks turn on (NOTURIBA_ENABLE_COMPLETION_TRACKING).
NOTURIBA_LEARNER_KEY_SECRET = "{{ NOTURIBA_LEARNER_KEY_SECRET }}"
XBLOCK_SETTINGS = dict(globals().get("XBLOCK_SETTINGS") or {})
# One min_group for both survey blocks (noturiba.survey.policy reads XBLOCK_SETTINGS[<block>]["min_group"]).
for _noturiba_block, _noturiba_settings in [
    ("civicquiz", {"min_group": {{ NOTURIBA_SURVEY_MIN_GROUP }}}),
    ("mediacheck", {"min_group": {{ NOTURIBA_SURVEY_MIN_GROUP }}}),
    *{{ NOTURIBA_XBLOCK_SETTINGS }}.items(),
]:
    XBLOCK_SETTINGS[_noturiba_block] = {**XBLOCK_SETTINGS.get(_noturiba_block, {}), **_noturiba_settings}
del _noturiba_block, _noturiba_settings
"""

hooks.Filters.ENV_PATCHES.add_item(("openedx-common-settings", SETTINGS_PATCH))

# event-routing-backends' plugin settings (event_routing_backends/settings/common.py) put a
# NameWhitelistProcessor with a "whitelist" first in EVENT_TRACKING_BACKENDS["xapi"]; Tutor's LMS
# settings include this patch after the platform's (and so the plugins') settings. Without the
# package (no Aspects) there is no "xapi" backend and this changes nothing.
XAPI_PATCH = """\
# Noturība xAPI (tutor-noturiba {{ NOTURIBA_VERSION }})
_noturiba_xapi_events = {{ NOTURIBA_XAPI_EVENTS }}{% if NOTURIBA_XAPI_ANSWER_EVENTS %} + __ANSWER_EVENTS__{% endif %}
for _noturiba_processor in (globals().get("EVENT_TRACKING_BACKENDS", {}).get("xapi") or {}).get(
        "OPTIONS", {}).get("processors", []):
    if _noturiba_processor.get("ENGINE", "").endswith("NameWhitelistProcessor"):
        _noturiba_allowed = _noturiba_processor.setdefault("OPTIONS", {}).setdefault("whitelist", [])
        _noturiba_allowed.extend(e for e in _noturiba_xapi_events if e not in _noturiba_allowed)
# End of Noturība xAPI
""".replace("__ANSWER_EVENTS__", repr(XAPI_ANSWER_EVENT_NAMES))

hooks.Filters.ENV_PATCHES.add_item(("openedx-lms-common-settings", XAPI_PATCH))

########################################
# Init tasks
########################################

# DarkLangConfig is a ConfigurationModel: the newest row is the configuration. A new row is added
# only when the released languages differ, so that repeated `do init` runs leave history alone.
RELEASED_LANGUAGES_TASK = """\
{%- if NOTURIBA_SET_RELEASED_LANGUAGES %}
echo "Noturība: released languages {{ NOTURIBA_RELEASED_LANGUAGES|join(",") }}"
./manage.py lms shell -c "
from openedx.core.djangoapps.dark_lang.models import DarkLangConfig
wanted = '{{ NOTURIBA_RELEASED_LANGUAGES|join(",") }}'
current = DarkLangConfig.current()
if not current.enabled or current.released_languages != wanted:
    DarkLangConfig.objects.create(enabled=True, released_languages=wanted)
    print('DarkLangConfig: released languages set to ' + wanted)
else:
    print('DarkLangConfig: released languages already ' + wanted)
"
{%- else %}
echo "Noturība: NOTURIBA_SET_RELEASED_LANGUAGES is false, leaving DarkLangConfig alone"
{%- endif %}
{%- if NOTURIBA_ENABLE_COMPLETION_TRACKING %}
./manage.py lms waffle_switch --create completion.enable_completion_tracking on
{%- endif %}
"""

# Python run by `./manage.py cms shell -c` to list the course folders whose course is not yet in the
# modulestore. No double quotes, dollars or backquotes: it sits inside a double-quoted sh string.
_MISSING_COURSES_PY = """
import os
import xml.etree.ElementTree as ElementTree
from opaque_keys.edx.locator import CourseLocator
from xmodule.modulestore.django import modulestore
root = os.environ['NOTURIBA_COURSES_ROOT']
store = modulestore()
missing = []
for name in os.environ['NOTURIBA_COURSE_NAMES'].split():
    node = ElementTree.parse(os.path.join(root, name, 'course.xml')).getroot()
    org, number, run = node.get('org'), node.get('course'), node.get('url_name')
    if org and number and run and store.has_course(CourseLocator(org, number, run)):
        print('Noturiba: ' + name + ' is already in the CMS as course-v1:' + org + '+' + number + '+' + run)
    else:
        missing.append(name)
with open(os.environ['NOTURIBA_MISSING_FILE'], 'w') as out:
    out.write(' '.join(missing))
"""


def import_courses_script(
    courses_dir: str = "{{ NOTURIBA_COURSES_DIR }}",
    courses: t.Sequence[str] = (),
    only_missing: bool = False,
    missing_dir_ok: bool = False,
) -> str:
    """The sh script that imports OLX course folders into the CMS (run in the cms container).

    courses_dir: the folder whose sub-folders are courses (a Jinja expression or a path);
    courses: folder names to import (default: every sub-folder that holds a course.xml; the others
    are reported and skipped); only_missing: skip the courses the modulestore already has (the
    course key is read from course.xml: org, course, url_name); missing_dir_ok: exit 0, with a
    message, when courses_dir does not exist (the init task: a server without the courses).

    Each course is imported with `./manage.py cms import <courses_dir> <folder>`; a failing course
    does not stop the others, and the script exits 1 at the end if any failed.
    """
    for name in courses:
        if not name or "/" in name or name in (".", "..") or not re.fullmatch(r"[\w.+-]+", name):
            raise click.BadParameter(f"not a course folder name: {name!r}", param_hint="--course")
    lines = [
        f"courses_dir={shlex.quote(courses_dir)}",
        f"selected={shlex.quote(' '.join(courses))}",
        'if [ ! -d "$courses_dir" ]; then',
        '    echo "Noturiba: no course folder $courses_dir in this container."',
        '    echo "Mount the checkout (tutor mounts add /path/to/noturiba) or set NOTURIBA_COURSES_DIR."',
        "    exit 0" if missing_dir_ok else "    exit 1",
        "fi",
        'if [ -n "$selected" ]; then',
        '    names="$selected"',
        "else",
        '    names=""',
        '    for course_dir in "$courses_dir"/*/; do',
        '        [ -d "$course_dir" ] || continue',
        '        course_dir="${course_dir%/}"',
        '        name="${course_dir##*/}"',
        '        if [ -f "$course_dir/course.xml" ]; then',
        '            names="$names $name"',
        "        else",
        '            echo "Noturiba: skipping $name (no course.xml)"',
        "        fi",
        "    done",
        "fi",
    ]
    if only_missing:
        lines += [
            'if [ -n "$names" ]; then',
            "    missing_file=$(mktemp)",
            '    NOTURIBA_COURSES_ROOT="$courses_dir" NOTURIBA_COURSE_NAMES="$names" '
            'NOTURIBA_MISSING_FILE="$missing_file" \\',
            f'        ./manage.py cms shell -c "{_MISSING_COURSES_PY}"',
            '    names="$(cat "$missing_file")"',
            '    rm -f "$missing_file"',
            "fi",
        ]
    lines += [
        'if [ -z "$(echo $names)" ]; then',
        '    echo "Noturiba: no course to import from $courses_dir"',
        "    exit 0",
        "fi",
        'failed=""',
        "for name in $names; do",
        '    if [ ! -f "$courses_dir/$name/course.xml" ]; then',
        '        echo "Noturiba: $courses_dir/$name/course.xml does not exist"',
        '        failed="$failed $name"',
        "        continue",
        "    fi",
        '    echo "Noturiba: importing $courses_dir/$name"',
        '    if ! ./manage.py cms import "$courses_dir" "$name"; then',
        '        failed="$failed $name"',
        "    fi",
        "done",
        'if [ -n "$failed" ]; then',
        '    echo "Noturiba: import failed for:$failed"',
        "    exit 1",
        "fi",
        'echo "Noturiba: imported:$names"',
    ]
    return "\n".join(lines) + "\n"


IMPORT_ON_INIT_TASK = (
    "{% if NOTURIBA_IMPORT_COURSES_ON_INIT %}\n"
    + import_courses_script(only_missing=True, missing_dir_ok=True)
    + "{% else %}\n"
    + 'echo "Noturiba: NOTURIBA_IMPORT_COURSES_ON_INIT is false, no course import"\n'
    + "{% endif %}\n"
)

# Plugin hooks are added within the plugin's context by Tutor, so `do init --limit noturiba` runs
# only these. LOW priority: after the core lms/cms init tasks (migrations) have run.
hooks.Filters.CLI_DO_INIT_TASKS.add_items(
    [("lms", RELEASED_LANGUAGES_TASK), ("cms", IMPORT_ON_INIT_TASK)], priority=hooks.priorities.LOW
)

########################################
# `do` command
########################################


@click.command(name="importnoturibacourses")
@click.option(
    "-d",
    "--courses-dir",
    default="{{ NOTURIBA_COURSES_DIR }}",
    show_default=True,
    help="Folder, inside the cms container, whose sub-folders are OLX courses (course.xml at their root).",
)
@click.option(
    "-c",
    "--course",
    "courses",
    multiple=True,
    metavar="FOLDER",
    help="Import only this course folder (repeatable). Default: every folder that holds a course.xml.",
)
@click.option("--only-missing", is_flag=True, help="Skip the courses that the CMS already has.")
def import_noturiba_courses(
    courses_dir: str, courses: tuple[str, ...], only_missing: bool
) -> t.Iterable[tuple[str, str]]:
    """Import the Noturība courses (OLX folders) into the CMS.

    Runs `./manage.py cms import COURSES_DIR FOLDER` in the cms container for each course folder;
    folders without a course.xml are skipped. Importing again overwrites the course's content.
    """
    yield ("cms", import_courses_script(courses_dir, courses, only_missing))


hooks.Filters.CLI_DO_COMMANDS.add_item(import_noturiba_courses)
