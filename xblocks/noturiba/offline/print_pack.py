"""python -m noturiba.offline print [--out DIR] [--lang lv,ru,uk] [course ...]: the print pack.

A4 PDFs per language in DIR/<lang>/: each practice drill's personal action card (one page each),
the 72-hour checklist, the warning-signals sheet, the family plan for a flat, a private house and
the countryside, and the card "check a message before you share it". Every page carries its
sources and the date of the facts. The engine is headless Chromium (pdf.py says why).
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ..courses.validate import find_courses
from ..i18n import Translator, package_catalog
from . import pdf
from .print import cards, page, sheets_crisis, sheets_media, sheets_plan

DEFAULT_OUT = Path("dist") / "print"
LANGUAGES = ("lv", "ru", "uk", "en")
# The compiled catalogs live in the block packages (each holds the kit's messages too); the drill's
# holds the action card's own headings and defaults as well.
CATALOG_PACKAGE = "crisisdrill"


def translator(lang):
    return Translator(None, package_catalog(CATALOG_PACKAGE, lang) if lang != "en" else None)


def _languages(text):
    langs = list(dict.fromkeys(lang.strip() for lang in text.split(",") if lang.strip()))
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown or not langs:
        raise argparse.ArgumentTypeError(f"unknown language {', '.join(unknown)} (known: {', '.join(LANGUAGES)})")
    return langs


def sheets(course_dirs, t, lang):
    """Every sheet of the pack for `lang`, in print order."""
    fixed = [sheets_crisis.checklist(), sheets_crisis.signals(), *sheets_plan.plans(), sheets_media.check_card()]
    return fixed + cards.action_cards(course_dirs, t, lang)


def write_language(out, html_dir, course_dirs, lang):
    """Write the HTML of every sheet for `lang`; returns the (html, pdf) jobs."""
    t = translator(lang)
    (out / lang).mkdir(parents=True, exist_ok=True)
    jobs = []
    for sheet in sheets(course_dirs, t, lang):
        html_path = html_dir / f"{lang}-{sheet.slug}.html"
        html_path.write_text(page.document(sheet, t, lang), encoding="utf-8")
        jobs.append((html_path, out / lang / f"{sheet.slug}.pdf"))
    return jobs


def _remove_stale(out, langs, written):
    """A card of a drill that is gone (or now graded) must not stay in the pack from an earlier run."""
    for lang in langs:
        for path in (out / lang).glob("action-card-*.pdf"):
            if path not in written:
                path.unlink()


def _parser():
    parser = argparse.ArgumentParser(prog="python -m noturiba.offline print",
                                     description="Write the print pack: A4 PDFs for the day no screen works.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: dist/print)")
    parser.add_argument("--lang", type=_languages, default=["lv"],
                        help="languages, comma-separated: lv (default), ru, uk, en")
    parser.add_argument("courses", nargs="*", type=Path,
                        help="course folders, or a folder of courses (default: every course in ./courses)")
    return parser


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    course_dirs = [found for path in (args.courses or [Path("courses")]) for found in find_courses(path)]
    if not course_dirs:
        parser.error("no course found (a course folder holds course.xml)")
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="noturiba-print-html-") as html_dir:
            jobs = [job for lang in args.lang for job in write_language(args.out, Path(html_dir), course_dirs, lang)]
            pdf.print_all(jobs)
    except pdf.PrintError as error:
        print(translator(args.lang[0]).render(error.message), file=sys.stderr)
        return 1
    _remove_stale(args.out, args.lang, {out for _html, out in jobs})
    for lang in args.lang:
        print(f"{lang}: {sum(1 for _html, out in jobs if out.parent.name == lang)} PDFs -> {args.out / lang}")
    print(f"print pack: {len(jobs)} PDFs in {time.monotonic() - started:.1f} s")
    return 0
