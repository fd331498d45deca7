"""Zip files that are the same bytes for the same content: sorted entries, fixed timestamps and modes."""

import zipfile
from pathlib import Path

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def zip_bytes(path, entries):
    """Write {name: bytes} `entries` into the zip file at `path` in name order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, entries[name], compresslevel=9)


def write_zip(path, entries):
    zip_bytes(Path(path), entries)
