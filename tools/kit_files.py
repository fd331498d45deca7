"""Put the kit's public files into every block's own public/ folder (build and `make translations`).

In production the LMS serves a block's files as collected static files, and the platform's
XBlockPipelineFinder collects from the block's own package only
(openedx/core/lib/xblock_pipeline/finder.py): a file the kit keeps in xblocks/noturiba/public/ must
therefore also exist as <block>/public/noturiba/<file>. The copies are made, never committed.

Usage: python tools/kit_files.py [target folder, default xblocks/]
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT_PUBLIC = ROOT / "xblocks" / "noturiba" / "public"
BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")


def kit_files():
    return sorted(path.relative_to(KIT_PUBLIC) for path in KIT_PUBLIC.rglob("*") if path.is_file())


def copy_kit_files(target=ROOT / "xblocks"):
    """Copy every kit file to <target>/<block>/public/noturiba/; return the paths written."""
    written = []
    for block in BLOCKS:
        folder = Path(target) / block / "public" / "noturiba"
        shutil.rmtree(folder, ignore_errors=True)
        for relative in kit_files():
            destination = folder / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(KIT_PUBLIC / relative, destination)
            written.append(destination)
    return written


if __name__ == "__main__":
    copy_kit_files(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "xblocks")
