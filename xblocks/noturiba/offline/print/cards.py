"""Each drill's personal action card, one A4 page: the same card as the drill's debrief
(crisisdrill.views.card: the author's <card> text, else the block's sourced defaults).

Only practice drills are printed, as in the offline pack: an assessment's card would tell the
answers of a graded drill before it is taken. The author's text stays in the course's language
(marked with its lang); the headings and the defaults are in the page's language.
"""

from pathlib import Path

from crisisdrill import views
from noturiba.courses.layout import load_course
from noturiba.html import sanitize
from noturiba.messages import Message

from ..activities import course_activities
from .page import Known, Sheet

COURSE_LANGUAGE = "lv"  # every course's <course language="lv">
PARTS = (("prepare", Message("What I prepare")), ("call", Message("Whom I call")),
         ("listen", Message("Where I listen")))


def _blocks(activity, course_title, t, lang):
    parts = views.card(activity.model, t.gettext, sanitize)
    blocks = [("p", Message("From the practice drill of the course \u201c{course}\u201d.", course=course_title)),
              ("open", "card")]
    for key, heading in PARTS:
        text_lang = COURSE_LANGUAGE if parts["authored"][key] else lang
        blocks += [("open", "box"), ("h2", heading), ("markup", (parts[key], text_lang)), ("close", None)]
    blocks += [("close", None), ("h2", Message("My notes")),
               ("fields", [(Message("Our meeting place:"), 2), (Message("Neighbours I check on:"), 2),
                           (Message("Where our kit is:"), 2)])]
    return blocks


def _sources(activity):
    found, seen = [], set()
    pairs = [(href, Known(title)) for href, title in views.CARD_SOURCES]
    pairs += list(activity.model.debrief_sources)
    for href, title in pairs:
        if href not in seen:
            seen.add(href)
            found.append((href, title))
    return found


def drills(course_dirs):
    """(course title, Activity) of every practice drill of the courses in `course_dirs`, in course order."""
    found = []
    for course_dir in map(Path, course_dirs):
        title = load_course(course_dir).display_name or course_dir.name
        found += [(title, a) for a in course_activities(course_dir) if a.kind == "crisisdrill" and a.included]
    return found


def action_cards(course_dirs, t, lang):
    return [Sheet(f"action-card-{activity.url_name}", activity.display_name,
                  [_blocks(activity, course_title, t, lang)], _sources(activity), kicker=Message("My action card"),
                  lang=COURSE_LANGUAGE)
            for course_title, activity in drills(course_dirs)]
