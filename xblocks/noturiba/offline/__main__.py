"""python -m noturiba.offline build [--out DIR] [--lang lv,ru,uk,en] [course ...] | print [...]"""

import argparse
import sys
import time
from pathlib import Path

from ..courses.validate import find_courses
from .catalog import LANGUAGES

DEFAULT_OUT = Path("dist") / "offline"


def _languages(text):
    langs = [lang.strip() for lang in text.split(",") if lang.strip()]
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown language {', '.join(unknown)} (known: {', '.join(LANGUAGES)})")
    # Latvian is the pack's first language: its pages are the course folder's own.
    return ["lv", *[lang for lang in langs if lang != "lv"]]


def build(argv):
    parser = argparse.ArgumentParser(prog="python -m noturiba.offline build",
                                     description="Write the offline pack: a static site per course, "
                                                 "Kolibri HTML5 zips and SCORM 1.2 packages.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: dist/offline)")
    parser.add_argument("--lang", type=_languages, default=list(LANGUAGES),
                        help="page languages, comma-separated (default: lv,ru,uk,en; lv always)")
    parser.add_argument("courses", nargs="*", type=Path,
                        help="course folders, or a folder of courses (default: every course in ./courses)")
    args = parser.parse_args(argv)
    course_dirs = [found for path in (args.courses or [Path("courses")]) for found in find_courses(path)]
    if not course_dirs:
        parser.error("no course found (a course folder holds course.xml)")
    from .site import build_course
    started = time.monotonic()
    for course_dir in course_dirs:
        try:
            result = build_course(args.out, course_dir, args.lang)
        except ValueError as error:
            print(f"{course_dir}: {error}", file=sys.stderr)
            return 1
        plan = result.plan
        print(f"{plan.folder}: {len(plan.units)} units, {len(plan.activities)} activities, "
              f"{len(plan.left_out)} left out -> {args.out / plan.folder}/index.html")
    print(f"Kolibri zips in {args.out / 'kolibri'}, SCORM packages in {args.out / 'scorm'} "
          f"({time.monotonic() - started:.1f} s)")
    return 0


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "print":
        from .print_pack import main as print_main  # the print pack's own module
        return print_main(argv[1:])
    if argv and argv[0] == "build":
        return build(argv[1:])
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
