"""`noturiba_report <course_id>`: the researchers' pre/post report of a course's surveys (issue 17).

    ./manage.py lms noturiba_report course-v1:LNB+MED+2027 [--pre BLOCK] [--post BLOCK] [--csv PREFIX]

Without --pre/--post the LMS takes the course order (per block type the first survey is pre,
the last post). --csv PREFIX writes PREFIX.csv and PREFIX-codebook.csv. Free text goes into the
CSV only with --study NAME, NAME being a study of settings.NOTURIBA_RESEARCH_STUDIES that names
the course and sets "free_text": True. See docs/data-protection.md.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from xblock.exceptions import NoSuchUsage

from noturiba.research import blocks, export, report
from noturiba.survey import policy, store

STUDIES_SETTING = "NOTURIBA_RESEARCH_STUDIES"


def free_text_allowed(study, course_id):
    if not study:
        return False
    config = (getattr(settings, STUDIES_SETTING, None) or {}).get(study)
    if not isinstance(config, dict) or course_id not in (config.get("courses") or ()):
        raise CommandError(f"{study!r} is no study of {STUDIES_SETTING} for {course_id}")
    if config.get("free_text") is not True:
        raise CommandError(f"the study {study!r} does not enable free text")
    return True


class Command(BaseCommand):
    help = "Print the pre/post report of a course's surveys; --csv writes the data and its codebook."

    def add_arguments(self, parser):
        parser.add_argument("course_id")
        parser.add_argument("--pre", action="append", default=[], metavar="BLOCK", help="a pre survey's block id")
        parser.add_argument("--post", action="append", default=[], metavar="BLOCK", help="a post survey's block id")
        parser.add_argument("--csv", metavar="PREFIX", help="write PREFIX.csv and PREFIX-codebook.csv")
        parser.add_argument("--study", help="a study of NOTURIBA_RESEARCH_STUDIES allowed to export free text")
        parser.add_argument("--min-group", type=int, default=policy.DEFAULT_MIN_GROUP,
                            help="at least this many respondents per shown cell (the blocks' own may be higher)")

    def handle(self, course_id, pre, post, csv, study, min_group, **options):
        include_text = free_text_allowed(study, course_id)
        answered = store.course_blocks(course_id)
        waves = {block: "pre" for block in pre} | {block: "post" for block in post}
        if not waves:
            ordered = blocks.course_order(course_id)
            waves = blocks.inferred_waves(ordered) if ordered else {}
        if not waves:
            listing = "\n".join(f"  {block}" for block in answered) or "  (none)"
            raise CommandError("Name the surveys with --pre BLOCK and --post BLOCK. Survey blocks with answers "
                               f"in {course_id}:\n{listing}")
        try:
            specs, minimum = blocks.specs_and_min_group(waves, max(1, min_group))
        except (ValueError, LookupError, NoSuchUsage) as error:
            raise CommandError(str(error)) from None
        rows = store.research_rows((spec.block for spec in specs), course_id)
        self.stdout.write(f"Course {course_id}\n")
        self.stdout.write(report.render_text(report.build(specs, rows, minimum)))
        if csv:
            for path, text in ((f"{csv}.csv", export.data_csv(specs, rows, include_text)),
                               (f"{csv}-codebook.csv", export.codebook_csv(specs, include_text))):
                with open(path, "w", encoding="utf-8", newline="") as out:
                    out.write(text)
                self.stdout.write(f"Wrote {path}\n")
