"""The Tutor 22 plugin (devstack/tutor-noturiba), rendered by the real Tutor CLI without Docker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import make_course

SETTINGS_FILES = [
    "apps/openedx/settings/lms/production.py",
    "apps/openedx/settings/lms/development.py",
    "apps/openedx/settings/cms/production.py",
    "apps/openedx/settings/cms/development.py",
]
DOCKERFILE = "build/openedx/Dockerfile"


def noturiba_settings(text: str) -> str:
    """The plugin's block in a rendered settings file."""
    start = text.index("# Noturība (tutor-noturiba")
    end = text.index("del _noturiba_block, _noturiba_settings", start)
    return text[start:end]


def python_requirements_stage(dockerfile: str) -> str:
    start = dockerfile.index("FROM python AS python-requirements")
    return dockerfile[start : dockerfile.index("\nFROM ", start + 1)]


# ---------------------------------------------------------------- config and plugin

def test_plugin_is_enabled_with_prefixed_defaults(default_tutor):
    listing = default_tutor.run("plugins", "list").stdout
    assert re.search(r"^noturiba\s+\S*\s*enabled", listing, re.MULTILINE), listing
    expected = {
        "NOTURIBA_LANGUAGE_CODE": "lv",
        "NOTURIBA_COURSES_DIR": "/mnt/noturiba/courses",
        "NOTURIBA_IMPORT_COURSES_ON_INIT": "false",
        "NOTURIBA_SURVEY_MIN_GROUP": "5",
        "NOTURIBA_RELEASED_LANGUAGES": "['lv', 'en', 'ru', 'uk']",
    }
    for key, value in expected.items():
        assert default_tutor.run("config", "printvalue", key).stdout.strip() == value, key
    requirement = default_tutor.run("config", "printvalue", "NOTURIBA_PIP_REQUIREMENT").stdout.strip()
    assert requirement.startswith("git+https://") and "YOUR-ORG" in requirement


# ---------------------------------------------------------------- image

def test_placeholder_requirement_fails_the_build_with_instructions(default_tutor):
    stage = python_requirements_stage(default_tutor.env_file(DOCKERFILE))
    assert "NOTURIBA_PIP_REQUIREMENT is still the placeholder" in stage
    assert re.search(r"RUN echo .*NOTURIBA_PIP_REQUIREMENT.*\n.*&& exit 1", stage)
    assert "YOUR-ORG" not in stage  # no pip install of the placeholder URL


@pytest.mark.parametrize(
    "requirement",
    ["noturiba-xblocks==0.1.0", "git+https://github.com/lnb/noturiba.git@v0.1.0#egg=noturiba-xblocks"],
)
def test_pip_requirement_override_lands_in_the_image(tutor, requirement):
    tutor.save(NOTURIBA_PIP_REQUIREMENT=requirement)
    assert tutor.run("config", "printvalue", "NOTURIBA_PIP_REQUIREMENT").stdout.strip() == requirement
    dockerfile = tutor.env_file(DOCKERFILE)
    stage = python_requirements_stage(dockerfile)
    install = f"$PIP_COMMAND install '{requirement}'"
    assert install in stage, stage
    # Where Tutor puts OPENEDX_EXTRA_PIP_REQUIREMENTS: after the core pip installs of that stage.
    assert stage.index("openedx-scorm-xblock") < stage.index(install)
    assert "still the placeholder" not in dockerfile


def test_empty_requirement_installs_nothing(tutor):
    tutor.save(NOTURIBA_PIP_REQUIREMENT="")
    dockerfile = tutor.env_file(DOCKERFILE)
    assert "Noturība" not in dockerfile and "noturiba" not in dockerfile.lower()


def test_mounted_checkout_is_installed_and_mounted(tutor, tmp_path):
    checkout = tmp_path / "src" / "noturiba"
    (checkout / "courses").mkdir(parents=True)
    (checkout / "setup.py").write_text("")
    tutor.run("mounts", "add", str(checkout))
    tutor.save()
    dockerfile = tutor.env_file(DOCKERFILE)
    assert "FROM scratch AS mnt-noturiba" in dockerfile
    assert 'RUN $PIP_COMMAND install -e "/mnt/noturiba"' in dockerfile
    # The checkout replaces the pip requirement: the placeholder must not break the build.
    assert "still the placeholder" not in dockerfile
    assert "installed from the mounted checkout /mnt/noturiba" in dockerfile
    mount = f"{checkout}:/mnt/noturiba"
    local = tutor.env_file("local/docker-compose.yml")
    jobs = tutor.env_file("local/docker-compose.jobs.yml")
    assert local.count(mount) == 2  # the lms and cms services
    assert jobs.count(mount) == 2  # lms-job and cms-job: the courses are visible to `do` jobs


def test_courses_only_mount_keeps_the_pip_requirement(tutor, tmp_path):
    """Production: the courses are mounted in cms-job only; the package still comes from pip."""
    courses = tmp_path / "srv" / "noturiba" / "courses"
    courses.mkdir(parents=True)
    tutor.run("mounts", "add", f"cms-job:{courses}:/mnt/noturiba/courses")
    tutor.save(NOTURIBA_PIP_REQUIREMENT="noturiba-xblocks==0.1.0")
    dockerfile = tutor.env_file(DOCKERFILE)
    assert "$PIP_COMMAND install 'noturiba-xblocks==0.1.0'" in dockerfile
    assert "mnt-noturiba" not in dockerfile and "mnt-courses" not in dockerfile
    jobs = tutor.env_file("local/docker-compose.jobs.yml")
    assert jobs.count(f"{courses}:/mnt/noturiba/courses") == 1
    assert f"{courses}:/mnt/noturiba/courses" not in tutor.env_file("local/docker-compose.yml")


def test_disabling_the_plugin_removes_it(tutor):
    tutor.save(NOTURIBA_PIP_REQUIREMENT="noturiba-xblocks==0.1.0")
    tutor.run("plugins", "disable", "noturiba")
    tutor.save()
    assert "noturiba" not in tutor.env_file(DOCKERFILE).lower()
    assert "Noturība" not in tutor.env_file(SETTINGS_FILES[0])


# ---------------------------------------------------------------- settings

def test_settings_patches_in_lms_and_cms(default_tutor):
    for relative in SETTINGS_FILES:
        text = default_tutor.env_file(relative)
        compile(text, relative, "exec")  # the rendered file is still Python
        block = noturiba_settings(text)
        assert 'LANGUAGE_CODE = "lv"' in block, relative
        assert 'FEATURES["CERTIFICATES_HTML_VIEW"] = True' in block, relative
        assert '("civicquiz", {"min_group": 5})' in block, relative
        assert '("mediacheck", {"min_group": 5})' in block, relative
        assert "lv,en,ru,uk" in block, relative


def run_settings_block(block: str, xblock_settings: dict) -> dict:
    namespace = {"FEATURES": {}, "XBLOCK_SETTINGS": xblock_settings, "LANGUAGE_CODE": "en",
                 "LANGUAGES": [("en", "English"), ("ru", "Русский")]}
    exec(compile(block + "del _noturiba_block, _noturiba_settings\n", "settings", "exec"), namespace)  # noqa: S102
    return namespace


def test_settings_block_merges_xblock_settings(default_tutor):
    namespace = run_settings_block(
        noturiba_settings(default_tutor.env_file(SETTINGS_FILES[0])),
        {"civicquiz": {"other": 1}, "drag-and-drop-v2": {"x": 2}},
    )
    assert namespace["LANGUAGE_CODE"] == "lv"
    assert namespace["FEATURES"] == {"CERTIFICATES_HTML_VIEW": True, "SHOW_HEADER_LANGUAGE_SELECTOR": True}
    assert namespace["LANGUAGES"] == [("en", "English"), ("ru", "Русский"), ("lv", "Latviešu"), ("uk", "Українська")]
    assert namespace["XBLOCK_SETTINGS"] == {
        "civicquiz": {"other": 1, "min_group": 5},
        "mediacheck": {"min_group": 5},
        "drag-and-drop-v2": {"x": 2},
    }


def rendered_learner_key_secret(project) -> str:
    namespace = {}
    for relative in SETTINGS_FILES:
        text = project.env_file(relative)
        line = next(line for line in text.splitlines() if line.startswith("NOTURIBA_LEARNER_KEY_SECRET = "))
        exec(line, namespace)  # noqa: S102 - one assignment line of the rendered settings
    return namespace["NOTURIBA_LEARNER_KEY_SECRET"]


def test_each_instance_gets_its_own_learner_key_secret(tutor, default_tutor):
    """The survey learner keys' HMAC key: random per instance, stable across saves, in LMS and CMS."""
    first = rendered_learner_key_secret(tutor)
    assert len(first) >= 32 and first != rendered_learner_key_secret(default_tutor)
    assert "NOTURIBA_LEARNER_KEY_SECRET: " + first in (tutor.root / "config.yml").read_text()
    tutor.save(NOTURIBA_SURVEY_MIN_GROUP="7")
    assert rendered_learner_key_secret(tutor) == first


def test_settings_follow_the_config(tutor):
    tutor.save(
        NOTURIBA_LANGUAGE_CODE="en",
        NOTURIBA_SURVEY_MIN_GROUP="12",
        NOTURIBA_XBLOCK_SETTINGS='{"mediacheck": {"strict": true}}',
        NOTURIBA_CERTIFICATES_HTML_VIEW="false",
    )
    for relative in SETTINGS_FILES:
        namespace = run_settings_block(noturiba_settings(tutor.env_file(relative)), {})
        assert namespace["LANGUAGE_CODE"] == "en", relative
        assert namespace["FEATURES"] == {"CERTIFICATES_HTML_VIEW": False, "SHOW_HEADER_LANGUAGE_SELECTOR": True}
        # Extra per-block settings merge into the block's dict: they do not drop min_group.
        assert namespace["XBLOCK_SETTINGS"] == {"civicquiz": {"min_group": 12},
                                                "mediacheck": {"min_group": 12, "strict": True}}


# ---------------------------------------------------------------- do command

@pytest.mark.parametrize("mode", ["local", "dev", "k8s"])
def test_do_help_lists_the_import_command(default_tutor, mode):
    listing = default_tutor.run(mode, "do", "--help").stdout
    assert re.search(r"^\s+importnoturibacourses\s", listing, re.MULTILINE), listing
    help_text = default_tutor.run(mode, "do", "importnoturibacourses", "--help").stdout
    assert "--courses-dir" in help_text and "--course" in help_text and "--only-missing" in help_text
    assert "{{ NOTURIBA_COURSES_DIR }}" in help_text


def test_import_script_runs_in_cms_with_the_configured_dir(default_tutor):
    jobs = default_tutor.do("importnoturibacourses")
    assert [service for service, _ in jobs] == ["cms-job"]
    script = jobs[0][1]
    assert "courses_dir='/mnt/noturiba/courses'" in script
    assert './manage.py cms import "$courses_dir" "$name"' in script
    assert "{{" not in script and "{%" not in script  # rendered by Tutor


def test_import_script_imports_every_course_folder(tutor, platform, courses_dir):
    tutor.save(NOTURIBA_COURSES_DIR=str(courses_dir))
    [(_, script)] = tutor.do("importnoturibacourses")
    result = platform.run(script)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(platform.calls()) == [
        ["cms", "import", str(courses_dir), "krizes-macibas"],
        ["cms", "import", str(courses_dir), "medijpratiba"],
    ]
    assert "skipping notes (no course.xml)" in result.stdout


def test_import_script_selected_course_and_dir_option(default_tutor, platform, courses_dir, tmp_path):
    other = tmp_path / "elsewhere"
    make_course(other, "civic-quiz", course="CQ101")
    [(_, script)] = default_tutor.do("importnoturibacourses", "--courses-dir", str(other), "--course", "civic-quiz")
    result = platform.run(script)
    assert result.returncode == 0, result.stdout + result.stderr
    assert platform.calls() == [["cms", "import", str(other), "civic-quiz"]]

    [(_, script)] = default_tutor.do(
        "importnoturibacourses", "-d", str(courses_dir), "-c", "notes", "-c", "medijpratiba"
    )
    result = platform.run(script)
    assert result.returncode == 1
    assert "notes/course.xml does not exist" in result.stdout
    assert platform.calls() == [["cms", "import", str(courses_dir), "medijpratiba"]]


def test_import_script_reports_failures_after_trying_all(tutor, platform, courses_dir):
    tutor.save(NOTURIBA_COURSES_DIR=str(courses_dir))
    [(_, script)] = tutor.do("importnoturibacourses")
    result = platform.run(script, FAKE_FAIL="krizes-macibas")
    assert result.returncode == 1
    assert len(platform.calls()) == 2  # the failing course did not stop the other one
    assert "import failed for: krizes-macibas" in result.stdout


def test_import_script_without_courses_dir_fails_with_advice(default_tutor, platform, tmp_path):
    [(_, script)] = default_tutor.do("importnoturibacourses", "-d", str(tmp_path / "absent"))
    result = platform.run(script)
    assert result.returncode == 1
    assert "tutor mounts add" in result.stdout
    assert platform.calls() == []


def test_import_only_missing_skips_courses_already_in_the_cms(default_tutor, platform, courses_dir):
    [(_, script)] = default_tutor.do("importnoturibacourses", "-d", str(courses_dir), "--only-missing")
    result = platform.run(script, FAKE_EXISTING="course-v1:LNB+MC101+2026")
    assert result.returncode == 0, result.stdout + result.stderr
    calls = platform.calls()
    assert calls[0][:3] == ["cms", "shell", "-c"]
    assert calls[1:] == [["cms", "import", str(courses_dir), "krizes-macibas"]]
    assert "medijpratiba is already in the CMS as course-v1:LNB+MC101+2026" in result.stdout


@pytest.mark.parametrize("bad", ["../etc", "a/b", "x;rm"])
def test_course_names_are_checked(default_tutor, bad):
    result = default_tutor.run("local", "do", "importnoturibacourses", "--course", bad, check=False)
    assert result.returncode != 0
    assert "not a course folder name" in result.stdout + result.stderr


# ---------------------------------------------------------------- init tasks

def init_jobs(tutor) -> dict[str, str]:
    jobs = tutor.do("init", "--limit", "noturiba")
    assert [service for service, _ in jobs] == ["lms-job", "cms-job"]
    return dict(jobs)


def test_init_sets_released_languages_and_completion(default_tutor, platform):
    lms = init_jobs(default_tutor)["lms-job"]
    assert "DarkLangConfig" in lms and "lv,en,ru,uk" in lms
    assert "waffle_switch --create completion.enable_completion_tracking on" in lms
    result = platform.run(lms)
    assert result.returncode == 0, result.stdout + result.stderr
    assert platform.darklang.read_text() == '[{"enabled": true, "released_languages": "lv,en,ru,uk"}]'
    # A second init adds no row: the configuration is already current.
    result = platform.run(lms)
    assert "already lv,en,ru,uk" in result.stdout
    assert platform.darklang.read_text().count("released_languages") == 1
    assert ["lms", "waffle_switch", "--create", "completion.enable_completion_tracking", "on"] in platform.calls()


def test_init_tasks_run_after_the_migrations(default_tutor):
    scripts = [script for _, script in default_tutor.do("init")]
    ours = [i for i, script in enumerate(scripts) if "Noturiba" in script or "Noturība" in script]
    lms_migrate = next(i for i, script in enumerate(scripts) if "./manage.py lms migrate" in script)
    cms_migrate = next(i for i, script in enumerate(scripts) if "./manage.py cms migrate" in script)
    assert len(ours) == 2 and min(ours) > max(lms_migrate, cms_migrate)


def test_init_does_not_import_by_default(default_tutor, platform):
    cms = init_jobs(default_tutor)["cms-job"]
    assert "manage.py" not in cms
    result = platform.run(cms)
    assert result.returncode == 0 and platform.calls() == []
    assert "NOTURIBA_IMPORT_COURSES_ON_INIT is false" in result.stdout


def test_init_imports_missing_courses_when_enabled(tutor, platform, courses_dir):
    tutor.save(NOTURIBA_IMPORT_COURSES_ON_INIT="true", NOTURIBA_COURSES_DIR=str(courses_dir))
    cms = init_jobs(tutor)["cms-job"]
    result = platform.run(cms, FAKE_EXISTING="course-v1:LNB+CD101+2026")
    assert result.returncode == 0, result.stdout + result.stderr
    assert platform.calls()[1:] == [["cms", "import", str(courses_dir), "medijpratiba"]]


def test_init_import_tolerates_a_server_without_courses(tutor, platform, tmp_path):
    tutor.save(NOTURIBA_IMPORT_COURSES_ON_INIT="true", NOTURIBA_COURSES_DIR=str(tmp_path / "absent"))
    result = platform.run(init_jobs(tutor)["cms-job"])
    assert result.returncode == 0  # a launch must not fail because the checkout is not mounted
    assert "no course folder" in result.stdout
    assert platform.calls() == []


def test_released_languages_can_be_left_to_the_admin(tutor):
    tutor.save(NOTURIBA_SET_RELEASED_LANGUAGES="false", NOTURIBA_ENABLE_COMPLETION_TRACKING="false")
    lms = init_jobs(tutor)["lms-job"]
    assert "manage.py" not in lms


def test_plugin_package_declares_the_entry_point():
    text = (Path(__file__).resolve().parents[2] / "devstack" / "tutor-noturiba" / "pyproject.toml").read_text()
    assert re.search(r'\[project\.entry-points\."tutor\.plugin\.v1"\]\s*\nnoturiba = "tutornoturiba\.plugin"', text)


# ---------------------------------------------------------------- xAPI (Aspects)

def xapi_block(text: str) -> str:
    start = text.index("# Noturība xAPI")
    return text[start:text.index("# End of Noturība xAPI", start)]


def erb_backends() -> dict:
    """EVENT_TRACKING_BACKENDS as event-routing-backends' plugin_settings leave it (its shape only)."""
    whitelist = {"ENGINE": "eventtracking.processors.whitelist.NameWhitelistProcessor",
                 "OPTIONS": {"whitelist": ["edx.course.enrollment.activated", "problem_check"]}}
    return {"xapi": {"ENGINE": "eventtracking.backends.async_routing.AsyncRoutingBackend",
                     "OPTIONS": {"backend_name": "xapi", "processors": [whitelist], "backends": {}}}}


def allowed_after(block: str, backends: dict | None) -> list | None:
    namespace = {} if backends is None else {"EVENT_TRACKING_BACKENDS": backends}
    exec(compile(block, "lms-settings", "exec"), namespace)  # noqa: S102
    return None if backends is None else backends["xapi"]["OPTIONS"]["processors"][0]["OPTIONS"]["whitelist"]


def test_our_xapi_events_join_the_aspects_allowlist_and_answers_stay_off(tutor):
    from noturiba import xapi
    lms = xapi_block(tutor.env_file("apps/openedx/settings/lms/production.py"))
    assert "# Noturība xAPI" not in tutor.env_file("apps/openedx/settings/cms/production.py")
    allowed = allowed_after(lms, erb_backends())
    assert allowed[:2] == ["edx.course.enrollment.activated", "problem_check"]  # the platform's stay
    assert set(allowed[2:]) == set(xapi.DEFAULT_ALLOWLIST) and not xapi.ANSWER_EVENTS & set(allowed)
    assert allowed_after(lms, None) is None  # without Aspects the settings still load
    tutor.save(NOTURIBA_XAPI_ANSWER_EVENTS="true")
    allowed = allowed_after(xapi_block(tutor.env_file("apps/openedx/settings/lms/production.py")), erb_backends())
    assert set(allowed[2:]) == set(xapi.EVENTS)
