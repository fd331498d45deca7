"""Fixtures for the Tutor plugin tests: Tutor 22 in its own venv, a throwaway TUTOR_ROOT, no Docker.

The venv (var/tutor-venv) is made once with the Python that made the test venv and reused while
the plugin's pyproject.toml is unchanged (the plugin is installed editable, so code edits need no
reinstall). `docker` is replaced by a stand-in that records its arguments: `tutor local do JOB`
then hands us the exact script Tutor would run in the job container, which the tests run with
`sh -e -c` against a fake `./manage.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLUGIN_DIR = REPO / "devstack" / "tutor-noturiba"
VENV = REPO / "var" / "tutor-venv"
TUTOR_SPEC = "tutor>=22,<23"


def base_python() -> str:
    """The interpreter the test venv was made from (a venv python does not nest well)."""
    candidates = [
        os.environ.get("PYTHON312", ""),
        getattr(sys, "_base_executable", ""),
        str(Path(sys.base_prefix) / "bin" / "python3"),
        sys.executable,
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists() and Path(candidate).resolve() != Path(sys.executable).resolve():
            return candidate
    return sys.executable


def _stamp() -> str:
    digest = hashlib.sha256((PLUGIN_DIR / "pyproject.toml").read_bytes())
    digest.update(TUTOR_SPEC.encode())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def tutor_venv() -> Path:
    stamp_file = VENV / ".noturiba-stamp"
    tutor = VENV / "bin" / "tutor"
    if tutor.exists() and stamp_file.exists() and stamp_file.read_text() == _stamp():
        return VENV
    if not (VENV / "bin" / "python").exists():
        VENV.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([base_python(), "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    result = subprocess.run([*pip, TUTOR_SPEC, "-e", str(PLUGIN_DIR)], capture_output=True, text=True)
    if result.returncode:
        pytest.fail(f"pip install {TUTOR_SPEC} and the plugin failed:\n{result.stdout}\n{result.stderr}")
    stamp_file.write_text(_stamp())
    return VENV


FAKE_DOCKER = """\
import json, os, sys
with open(os.environ["FAKE_DOCKER_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if "ls" in sys.argv[1:]:
    print("[]")  # `docker compose ls --format json`: no project is running
"""


class TutorProject:
    """One TUTOR_ROOT with the plugin enabled; `run` calls the tutor CLI of the test venv."""

    def __init__(self, venv: Path, tmp: Path):
        self.root = tmp / "tutor-root"
        self.bin = tmp / "bin"
        self.bin.mkdir()
        (self.bin / "fake_docker.py").write_text(FAKE_DOCKER)
        docker = self.bin / "docker"
        docker.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{self.bin / "fake_docker.py"}" "$@"\n')
        docker.chmod(0o755)
        self.docker_log = tmp / "docker.log"
        self.tutor = str(venv / "bin" / "tutor")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "DOCKER_"))}
        self.env.update(
            TUTOR_ROOT=str(self.root),
            TUTOR_PLUGINS_ROOT=str(tmp / "tutor-plugins"),
            FAKE_DOCKER_LOG=str(self.docker_log),
            PATH=f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}",
        )

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([self.tutor, *args], env=self.env, capture_output=True, text=True, timeout=300)
        if check and result.returncode:
            pytest.fail(f"tutor {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
        return result

    def save(self, **settings: str) -> None:
        args = ["config", "save"]
        for key, value in settings.items():
            args += ["--set", f"{key}={value}"]
        self.run(*args)

    def env_file(self, relative: str) -> str:
        return (self.root / "env" / relative).read_text(encoding="utf-8")

    def do(self, *args: str, mode: str = "local", check: bool = True) -> list[tuple[str, str]]:
        """Run `tutor MODE do ARGS`; return the (job service, script) pairs handed to docker."""
        self.docker_log.unlink(missing_ok=True)
        self.run(mode, "do", *args, check=check)
        jobs = []
        if self.docker_log.exists():
            for line in self.docker_log.read_text(encoding="utf-8").splitlines():
                argv = json.loads(line)
                if "run" in argv and argv[-3:-1] == ["-e", "-c"] and argv[-4] == "sh":
                    jobs.append((argv[-5], argv[-1]))
        return jobs


@pytest.fixture
def tutor(tutor_venv: Path, tmp_path: Path) -> TutorProject:
    project = TutorProject(tutor_venv, tmp_path)
    project.run("plugins", "enable", "noturiba")
    project.save()
    return project


@pytest.fixture(scope="module")
def default_tutor(tutor_venv: Path, tmp_path_factory: pytest.TempPathFactory) -> TutorProject:
    """A project with the default config, shared by the tests of a module that only read it."""
    project = TutorProject(tutor_venv, tmp_path_factory.mktemp("tutor"))
    project.run("plugins", "enable", "noturiba")
    project.save()
    return project


# A stand-in for the platform's ./manage.py: logs its arguments; `import` fails for the folders
# named in FAKE_FAIL; `shell -c CODE` runs CODE with stub platform modules (FAKE_STUBS) on the path.
FAKE_MANAGE = """\
import json, os, sys
args = sys.argv[1:]
with open(os.environ["FAKE_MANAGE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
if args[1:2] == ["shell"]:
    sys.path.insert(0, os.environ["FAKE_STUBS"])
    exec(args[args.index("-c") + 1], {"__name__": "__main__"})
elif args[1:2] == ["import"] and args[-1] in os.environ.get("FAKE_FAIL", "").split():
    sys.exit(1)
"""

STUBS = {
    "opaque_keys/__init__.py": "",
    "opaque_keys/edx/__init__.py": "",
    "opaque_keys/edx/locator.py": """
        class CourseLocator:
            def __init__(self, org, course, run):
                self.org, self.course, self.run = org, course, run

            def __str__(self):
                return "course-v1:" + "+".join((self.org, self.course, self.run))
    """,
    "xmodule/__init__.py": "",
    "xmodule/modulestore/__init__.py": "",
    "xmodule/modulestore/django.py": """
        import os

        class _Store:
            def has_course(self, key):
                return str(key) in os.environ.get("FAKE_EXISTING", "").split()

        def modulestore():
            return _Store()
    """,
    "openedx/__init__.py": "",
    "openedx/core/__init__.py": "",
    "openedx/core/djangoapps/__init__.py": "",
    "openedx/core/djangoapps/dark_lang/__init__.py": "",
    "openedx/core/djangoapps/dark_lang/models.py": """
        import json
        import os

        PATH = os.environ["FAKE_DARKLANG"]

        def _rows():
            return json.load(open(PATH)) if os.path.exists(PATH) else []

        class _Manager:
            def create(self, **fields):
                rows = _rows() + [fields]
                json.dump(rows, open(PATH, "w"))

        class DarkLangConfig:
            objects = _Manager()

            def __init__(self, enabled=False, released_languages=""):
                self.enabled, self.released_languages = enabled, released_languages

            @classmethod
            def current(cls):
                rows = _rows()
                return cls(**rows[-1]) if rows else cls()
    """,
}


class FakePlatform:
    """A working directory like /openedx/edx-platform, where job scripts run with `sh -e -c`."""

    def __init__(self, tmp: Path):
        self.cwd = tmp / "edx-platform"
        self.cwd.mkdir()
        manage = self.cwd / "manage.py"
        (tmp / "fake_manage.py").write_text(FAKE_MANAGE)
        manage.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{tmp / "fake_manage.py"}" "$@"\n')
        manage.chmod(0o755)
        self.stubs = tmp / "stubs"
        for relative, text in STUBS.items():
            path = self.stubs / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text))
        self.log = tmp / "manage.log"
        self.darklang = tmp / "darklang.json"

    def run(self, script: str, **env: str) -> subprocess.CompletedProcess:
        self.log.unlink(missing_ok=True)
        full_env = dict(os.environ, FAKE_MANAGE_LOG=str(self.log), FAKE_STUBS=str(self.stubs),
                        FAKE_DARKLANG=str(self.darklang), **env)
        sh = shutil.which("sh") or "/bin/sh"
        return subprocess.run([sh, "-e", "-c", script], cwd=self.cwd, env=full_env, capture_output=True,
                              text=True, timeout=60)

    def calls(self) -> list[list[str]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]


@pytest.fixture
def platform(tmp_path: Path) -> FakePlatform:
    return FakePlatform(tmp_path)


def make_course(parent: Path, folder: str, org: str = "LNB", course: str = "MC101", run: str = "2026") -> Path:
    path = parent / folder
    path.mkdir(parents=True)
    (path / "course.xml").write_text(f'<course url_name="{run}" org="{org}" course="{course}"/>\n')
    return path


@pytest.fixture
def courses_dir(tmp_path: Path) -> Path:
    """Two course folders and one folder without course.xml (which the import must skip)."""
    root = tmp_path / "courses"
    make_course(root, "medijpratiba", course="MC101")
    make_course(root, "krizes-macibas", course="CD101")
    (root / "notes").mkdir()
    (root / "notes" / "README.md").write_text("not a course\n")
    (root / "stray-file.txt").write_text("not a folder\n")
    return root
