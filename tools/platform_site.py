"""Install the distribution as a wheel into var/platform-site, for tests/platform.

The production-mode tests run on what an operator's pip installs (the wheel: package data,
compiled catalogs, copied kit files), never on the source tree. `make test-platform` calls this,
then runs pytest with PYTHONPATH starting at the folder printed here.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "var" / "platform-site"


def install(site=SITE):
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--target", str(site), str(ROOT)], capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"installing the wheel failed:\n{result.stdout}\n{result.stderr}")
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    return site


if __name__ == "__main__":
    print(install())
