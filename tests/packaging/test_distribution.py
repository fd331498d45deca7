"""The distribution builds with its compiled catalogs and installs from a git URL, as Tutor does."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging
BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                            check=True, capture_output=True, text=True)
    return next(out.glob("noturiba_xblocks-*.whl")), result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(built):
    return built[0]


def test_the_build_warns_of_no_ignored_package_folder(built):
    _wheel, log = built
    assert "would be ignored" not in log


def test_wheel_carries_the_practice_images_of_the_block_scenarios(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    scenarios = (ROOT / "xblocks" / "mediacheck" / "scenarios").glob("*.xml")
    referenced = {name for path in scenarios for name in re.findall(r'src="/static/([^"]+)"', path.read_text())}
    assert referenced
    assert {f"mediacheck/public/practice/{name}" for name in referenced} <= names


def test_no_compiled_catalog_is_committed():
    tracked = subprocess.run(["git", "ls-files", "*.mo", "*/translations/*/text.js"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    assert tracked == []


def test_wheel_carries_catalogs_templates_static_files_and_entry_points(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    for block in BLOCKS:
        for locale in ("lv", "ru", "uk"):
            assert f"{block}/translations/{locale}/LC_MESSAGES/text.mo" in names
            assert f"{block}/public/js/translations/{locale}/text.js" in names
        assert f"{block} = {block}:" in entry_points
        # Production collects static files per block package: the kit's files ride in each one.
        assert {f"{block}/public/noturiba/{name}" for name in ("kit.js", "kit.css", "olx_editor.js")} <= names
        assert any(n.startswith(f"{block}/templates/") for n in names)
        assert any(n.startswith(f"{block}/public/") and n.endswith(".js") and "translations" not in n for n in names)
    assert {"noturiba/public/kit.js", "noturiba/public/kit.css", "noturiba/templates/olx_editor.html"} <= names
    assert "Requires-Python: >=3.12" in metadata
    assert not any("/tests/" in n for n in names)


def test_install_from_a_git_url_gives_a_working_package(tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    f"git+file://{ROOT}"], check=True, capture_output=True)
    probe = ("import gettext, importlib.resources as r, mediacheck, civicquiz, crisisdrill\n"
             "for m in (mediacheck, civicquiz, crisisdrill):\n"
             "    folder = r.files(m.__name__).joinpath('translations')\n"
             "    t = gettext.translation('text', str(folder), ['lv'])\n"
             "    assert t.gettext('The request is not valid JSON.') != 'The request is not valid JSON.'\n"
             "print('ok')")
    result = subprocess.run([sys.executable, "-c", probe], env={"PYTHONPATH": str(target)},
                            capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
