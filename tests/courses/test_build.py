"""Course archives: one top-level folder with the whole course, byte-for-byte reproducible."""

import os
import tarfile
from pathlib import PurePosixPath

import pytest

from noturiba.courses.__main__ import main
from noturiba.courses.build import FIXED_MTIME, archive_bytes, build_course
from noturiba.courses.validate import validate

from .conftest import REAL_COURSES


def members(path):
    with tarfile.open(path, "r:gz") as tar:
        return tar.getmembers()


def test_archive_has_one_top_folder_with_the_course(make_course, course_files, tmp_path):
    course = make_course(course_files)
    (course / ".DS_Store").write_bytes(b"junk")
    (course / "html" / "tst-h1.html~").write_text("backup")
    target = build_course(course, tmp_path / "dist")
    assert target == tmp_path / "dist" / "tst-kurss.tar.gz"
    entries = members(target)
    names = [entry.name for entry in entries]
    assert {name.split("/")[0] for name in names} == {"tst-kurss"}
    assert entries[0].isdir() and entries[0].name == "tst-kurss"
    files = {name.split("/", 1)[1] for entry, name in zip(entries, names, strict=True) if entry.isfile()}
    assert files == set(course_files)
    inner = [PurePosixPath(name.split("/", 1)[1]) for name in names[1:]]
    assert inner == sorted(inner)
    assert all(e.mtime == FIXED_MTIME and e.uid == 0 and e.gid == 0 and e.uname == "" for e in entries)
    assert all(e.mode == (0o755 if e.isdir() else 0o644) for e in entries)


def test_extracted_archive_is_the_same_valid_course(make_course, course_files, tmp_path):
    target = build_course(make_course(course_files), tmp_path / "dist")
    out = tmp_path / "extracted"
    with tarfile.open(target, "r:gz") as tar:
        tar.extractall(out, filter="data")
    assert [path.name for path in out.iterdir()] == ["tst-kurss"]
    for relative, content in course_files.items():
        data = (out / "tst-kurss" / relative).read_bytes()
        assert data == (content if isinstance(content, bytes) else content.encode("utf-8"))
    assert validate(out / "tst-kurss").errors == []


def test_archive_is_deterministic(make_course, course_files, tmp_path):
    course = make_course(course_files)
    first = archive_bytes(course)
    for path in course.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert archive_bytes(course) == first
    assert first[4:8] == b"\0\0\0\0"  # no time in the gzip header


def test_symlinks_are_refused(make_course, course_files, tmp_path):
    course = make_course(course_files)
    (course / "static" / "link.png").symlink_to(course / "static" / "logo.png")
    with pytest.raises(ValueError, match="symbolic link"):
        build_course(course, tmp_path / "dist")


def test_cli_builds_valid_courses_only(make_course, course_files, tmp_path, capsys):
    good = make_course(course_files, folder="labs")
    broken_files = dict(course_files)
    del broken_files["vertical/tst-v2.xml"]
    bad = make_course(broken_files, folder="slikts")
    out = tmp_path / "dist"
    assert main(["build", str(good), str(bad), "--out", str(out), "-q"]) == 1
    assert (out / "labs.tar.gz").is_file()
    assert not (out / "slikts.tar.gz").exists()
    assert "slikts: not built, because it has errors." in capsys.readouterr().out
    assert main(["build", str(bad), "--out", str(out), "--skip-validation"]) == 0
    assert (out / "slikts.tar.gz").is_file()


@pytest.mark.parametrize("course_dir", REAL_COURSES, ids=[path.name for path in REAL_COURSES])
def test_real_course_archive(course_dir, tmp_path):
    target = build_course(course_dir, tmp_path)
    names = [entry.name for entry in members(target)]
    assert f"{course_dir.name}/course.xml" in names
    assert all(name == course_dir.name or name.startswith(course_dir.name + "/") for name in names)
