"""Package a course folder as the .tar.gz Studio's import expects: one top-level folder.

The archive is deterministic: entries sorted, fixed times, owner and modes, and
no name or time in the gzip header, so the same course gives the same bytes.
"""

import gzip
import io
import tarfile
from pathlib import Path

# 2027-01-01T00:00:00Z: a fixed time for every entry.
FIXED_MTIME = 1798761600
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "__pycache__", ".git"}


def _entries(root):
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not any(part in SKIPPED_NAMES or part.startswith(".") or part.endswith("~") for part in relative.parts):
            yield path, relative


def symlink_message(path):
    return f"{path} is a symbolic link; copy the file into the course instead."


def symlinks(course_dir):
    """The symbolic links among the files build would pack, relative to `course_dir` (validate reports them)."""
    return [relative for path, relative in _entries(Path(course_dir)) if path.is_symlink()]


def course_files(course_dir):
    """The files and folders to pack, relative to `course_dir`, sorted (no hidden or editor files)."""
    entries = []
    for path, relative in _entries(Path(course_dir)):
        if path.is_symlink():
            raise ValueError(symlink_message(path))
        entries.append(relative)
    return entries


def archive_bytes(course_dir, top=None):
    """The .tar.gz bytes of `course_dir` under the top-level folder `top` (default: the folder's name)."""
    root = Path(course_dir)
    top = top or root.name
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as zipped, \
            tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(_info(top, directory=True))
        for relative in course_files(root):
            path = root / relative
            name = f"{top}/{relative.as_posix()}"
            if path.is_dir():
                tar.addfile(_info(name, directory=True))
            else:
                data = path.read_bytes()
                info = _info(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return raw.getvalue()


def _info(name, directory=False):
    info = tarfile.TarInfo(name)
    info.mtime = FIXED_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    if directory:
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
    else:
        info.mode = 0o644
    return info


def build_course(course_dir, out_dir):
    """Write <out_dir>/<folder>.tar.gz for `course_dir` and return its path."""
    root = Path(course_dir)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{root.name}.tar.gz"
    data = archive_bytes(root)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target
