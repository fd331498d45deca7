"""python -m noturiba.courses validate|build|push: the operators' course tool.

  validate [COURSE_DIR ...]      check courses (default: every course under ./courses); exit 1 on errors
  build [COURSE_DIR ...] [--out DIR]
                                 validate, then write DIR/<folder>.tar.gz (default DIR: dist/courses)
  push ARCHIVE --cms URL --course-id ID [--lms URL] [--client-id ID] [--client-secret SECRET]
                                 import the archive into an existing Studio course
"""

import argparse
import os
import sys
from pathlib import Path

DEFAULT_COURSES = Path("courses")
DEFAULT_OUT = Path("dist/courses")


def _setup_django():
    """Block classes import Django pieces; give them settings when the caller has none."""
    import django
    from django.conf import settings
    if settings.configured:
        return
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        settings.configure(USE_I18N=True, INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"])
    django.setup()


def _course_dirs(paths):
    from .validate import find_courses
    if not paths:
        found = find_courses(DEFAULT_COURSES)
        if not found:
            raise SystemExit(f"No course found under {DEFAULT_COURSES}/ (a course folder holds course.xml).")
        return found
    dirs = []
    for raw in paths:
        path = Path(raw)
        found = find_courses(path)
        if not found:
            raise SystemExit(f"{raw}: not a course folder (no course.xml) nor a folder of courses.")
        dirs.extend(found)
    return dirs


def _report(course_dir, out, show_warnings=True):
    from .validate import validate
    report = validate(course_dir)
    for finding in report.errors:
        print(f"  {finding}", file=out)
    if show_warnings:
        for finding in report.warnings:
            print(f"  {finding}", file=out)
    status = "OK" if report.ok else "FAILED"
    print(f"{report.course}: {status}, {_count(len(report.errors), 'error')}, "
          f"{_count(len(report.warnings), 'warning')}", file=out)
    return report


def _count(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def cmd_validate(args):
    _setup_django()
    reports = [_report(path, sys.stdout, not args.quiet) for path in _course_dirs(args.courses)]
    failed = [r.course for r in reports if not r.ok]
    if failed:
        print(f"\n{_count(len(failed), 'course')} with errors: {', '.join(failed)}. Fix them before building.")
        return 1
    print(f"\nAll {_count(len(reports), 'course')} passed.")
    return 0


def cmd_build(args):
    from .build import build_course
    _setup_django()
    status = 0
    for path in _course_dirs(args.courses):
        if not args.skip_validation:
            report = _report(path, sys.stdout, not args.quiet)
            if not report.ok:
                print(f"{path.name}: not built, because it has errors.")
                status = 1
                continue
        try:
            target = build_course(path, args.out)
        except (OSError, ValueError) as error:
            print(f"{path.name}: cannot build: {error}")
            status = 1
            continue
        print(f"{path.name}: built {target} ({target.stat().st_size} bytes)")
    return status


def cmd_push(args):
    from .push import PushError, push_course
    missing = [flag for flag, value in (("--cms", args.cms), ("--course-id", args.course_id)) if not value]
    if missing:
        print(f"Missing {' and '.join(missing)} (or NOTURIBA_CMS_URL / NOTURIBA_COURSE_ID).", file=sys.stderr)
        return 2
    try:
        status = push_course(args.archive, args.cms, args.course_id, args.client_id, args.client_secret,
                             lms_url=args.lms, timeout=args.timeout, poll_interval=args.poll_interval,
                             progress=print)
    except PushError as error:
        print(f"Push failed: {error}", file=sys.stderr)
        return 1
    print(f"Imported {Path(args.archive).name} into {args.course_id} (state: {status.get('state')}).")
    return 0


def parser():
    env = os.environ.get
    main = argparse.ArgumentParser(prog="python -m noturiba.courses",
                                   description="Check, package and import the Noturiba courses.")
    commands = main.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check course folders; exit 1 if any has errors")
    validate.add_argument("courses", nargs="*", help="course folders, or folders of courses (default: courses/)")
    validate.add_argument("-q", "--quiet", action="store_true", help="show errors only, no warnings")
    validate.set_defaults(func=cmd_validate)

    build = commands.add_parser("build", help="validate, then write one .tar.gz per course")
    build.add_argument("courses", nargs="*", help="course folders, or folders of courses (default: courses/)")
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: dist/courses)")
    build.add_argument("--skip-validation", action="store_true", help="build even if the course has errors")
    build.add_argument("-q", "--quiet", action="store_true", help="show errors only, no warnings")
    build.set_defaults(func=cmd_build)

    push = commands.add_parser("push", help="import a built .tar.gz into an existing Studio course")
    push.add_argument("archive", type=Path, help="the course .tar.gz (from `build`)")
    push.add_argument("--cms", default=env("NOTURIBA_CMS_URL"), help="Studio's address (env NOTURIBA_CMS_URL)")
    push.add_argument("--lms", default=env("NOTURIBA_LMS_URL"),
                      help="where to get the token, if not from the CMS (env NOTURIBA_LMS_URL)")
    push.add_argument("--course-id", default=env("NOTURIBA_COURSE_ID"),
                      help="e.g. course-v1:LNB+MED101+2027 (env NOTURIBA_COURSE_ID)")
    push.add_argument("--client-id", default=env("NOTURIBA_CLIENT_ID"),
                      help="OAuth2 client id (env NOTURIBA_CLIENT_ID)")
    push.add_argument("--client-secret", default=env("NOTURIBA_CLIENT_SECRET"),
                      help="OAuth2 client secret (env NOTURIBA_CLIENT_SECRET; prefer it to the flag)")
    push.add_argument("--timeout", type=float, default=900.0, help="seconds to wait for the import (default 900)")
    push.add_argument("--poll-interval", type=float, default=5.0, help="seconds between status checks (default 5)")
    push.set_defaults(func=cmd_push)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
