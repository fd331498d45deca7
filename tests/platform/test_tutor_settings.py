"""Tutor 22's rendered LMS and Studio settings pass Django's checks and offer lv, en, ru, uk.

Emulates `./manage.py lms|cms migrate` in `tutor local launch` (Django runs its system checks
first; translation.E004 fails when LANGUAGE_CODE is not in LANGUAGES, as with the platform's
openedx/envs/common.py list, which has no "lv") and the header's language menu
(openedx/core/djangoapps/lang_pref/api.py `released_languages`: the DarkLangConfig codes plus
LANGUAGE_CODE, kept only where settings.LANGUAGES has them). The settings are rendered by real
Tutor 22 with the plugin, then imported by tests/platform/settings_runner.py.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.devstack.conftest import TutorProject, tutor_venv  # noqa: F401 - fixtures

RUNNER = Path(__file__).with_name("settings_runner.py")
SETTINGS = ["apps/openedx/settings/lms/production.py", "apps/openedx/settings/cms/production.py",
            "apps/openedx/settings/lms/development.py", "apps/openedx/settings/cms/development.py"]


@pytest.fixture(scope="module")
def rendered(tutor_venv, tmp_path_factory):  # noqa: F811
    project = TutorProject(tutor_venv, tmp_path_factory.mktemp("tutor"))
    project.run("plugins", "enable", "noturiba")
    project.save()
    return project


def imported(project, relative):
    result = subprocess.run([sys.executable, str(RUNNER), str(project.root / "env" / relative)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def header_languages(settings, released):
    """The header menu's codes: released (DarkLangConfig) + LANGUAGE_CODE, that LANGUAGES has."""
    codes = sorted({code.lower().strip() for code in released.split(",")} | {settings["LANGUAGE_CODE"]})
    return [code for code, _name in settings["LANGUAGES"] if code in codes]


@pytest.mark.parametrize("relative", SETTINGS)
def test_rendered_settings_pass_the_checks_that_migrate_runs(rendered, relative):
    settings = imported(rendered, relative)
    assert settings["errors"] == []
    assert settings["LANGUAGE_CODE"] == "lv"
    assert settings["LANGUAGE_DICT"]["lv"] == "Latviešu"


@pytest.mark.parametrize("relative", SETTINGS[:2])
def test_learners_can_pick_latvian_english_russian_and_ukrainian_in_the_header(rendered, relative):
    settings = imported(rendered, relative)
    assert settings["SHOW_HEADER_LANGUAGE_SELECTOR"] is True
    released = ",".join(json.loads(rendered.run("config", "printvalue", "NOTURIBA_RELEASED_LANGUAGES").stdout
                                   .replace("'", '"')))
    assert sorted(header_languages(settings, released)) == ["en", "lv", "ru", "uk"]
    names = dict(settings["LANGUAGES"])
    assert [names[code] for code in ("lv", "ru", "uk")] == ["Latviešu", "Русский", "Українська"]


def test_a_language_the_platform_lacks_is_added_once_and_existing_names_are_kept(tutor_venv, tmp_path):  # noqa: F811
    project = TutorProject(tutor_venv, tmp_path)
    project.run("plugins", "enable", "noturiba")
    project.save(NOTURIBA_LANGUAGE_CODE="lt-lt", NOTURIBA_RELEASED_LANGUAGES='["lt-lt", "lv", "lv", "en"]')
    settings = imported(project, SETTINGS[0])
    codes = [code for code, _name in settings["LANGUAGES"]]
    assert settings["errors"] == []
    assert codes.count("lv") == 1 and codes.count("lt-lt") == 1 and codes.count("en") == 1
    assert dict(settings["LANGUAGES"])["lt-lt"] == "Lietuvių (Lietuva)"
