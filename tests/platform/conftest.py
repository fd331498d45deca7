"""Production-mode tests: the platform's code paths, emulated, on the installed wheel.

Each test names, in its docstring, the platform file whose behaviour it emulates. The
emulations are written here from reading that code; no platform code is copied.

`make test-platform` installs the wheel into var/platform-site (tools/platform_site.py) and runs
this folder with that folder first on PYTHONPATH, so `import mediacheck` is the installed
package: its package data, compiled catalogs and collected static files are what is tested.
"""

import os
from pathlib import Path

import pytest

SITE = os.environ.get("NOTURIBA_PLATFORM_SITE", "")


def pytest_configure(config):
    import civicquiz
    import crisisdrill
    import mediacheck
    import noturiba
    for module in (mediacheck, crisisdrill, civicquiz, noturiba):
        path = Path(module.__file__).resolve()
        if not SITE or Path(SITE).resolve() not in path.parents:
            raise pytest.UsageError(
                f"tests/platform must run on the installed wheel, but {module.__name__} comes from {path}. "
                "Run `make test-platform`.")


@pytest.fixture(scope="session")
def site():
    """The folder the wheel was installed into (the platform's site-packages, in effect)."""
    return Path(SITE).resolve()


@pytest.fixture
def atlas_root(tmp_path):
    """conf/plugins-locale/xblock.v1/ of a Tutor image: `pull_xblock_translations` made a folder per
    block and atlas found nothing for ours, so each is empty."""
    root = tmp_path / "edx-platform" / "conf" / "plugins-locale" / "xblock.v1"
    for block_type in ("mediacheck", "crisisdrill", "civicquiz"):
        (root / block_type).mkdir(parents=True)
    return root


@pytest.fixture
def production(db, atlas_root):
    """Load OLX into the LMS-like runtime: production static URLs and the platform's i18n service."""
    from .lms import ProductionRuntime

    def load(xml, user_id="learner-1"):
        runtime = ProductionRuntime(user_id, atlas_root)
        return runtime.get_block(runtime.parse_xml_string(xml))
    return load
