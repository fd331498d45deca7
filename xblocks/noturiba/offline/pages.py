"""The offline site's HTML pages: start page, unit pages, single-activity pages (for SCORM and Kolibri).

Every page is written for one language; Latvian pages sit in the course folder, the others in
<lang>/ beside it, so a page reaches the shared assets/ through `root` ("" or "../").
Text is escaped here; author html comes from content.course_html, activity data as JSON islands.
"""

from html import escape

from ..fragments import escaped_json
from ..messages import Message, PluralMessage
from .catalog import JS_NAMESPACE
from .content import course_html
from .plan import REASONS

DEFAULT_LANG = "lv"
AUTONYMS = {"lv": "Latviešu", "ru": "Русский", "uk": "Українська", "en": "English"}
CSP = ("default-src 'self' file: data: blob:; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; "
       "connect-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'")

PRACTICE = Message("Practice only: nothing here counts as a grade.")
PRACTICE_WHY = Message("This offline pack holds the answers and grades in your browser, for practice. "
                       "Your progress is kept in this browser only; it reaches no teacher and no course.")
SKIP = Message("Skip to the content")
LANGUAGE = Message("Language")
CONTENTS = Message("Contents")
PROGRESS = Message("Your progress")
LEFT_OUT = Message("Left out of this pack")
LEFT_OUT_WHY = Message("Graded assessments and surveys run only in the online course: this pack holds the "
                       "answers, so it cannot grade them, and answers given here would reach nobody.")
NOTHING_LEFT_OUT = Message("Nothing is left out.")
BACK = Message("Back to the contents")
UNITS = Message("Units")
BREADCRUMB = Message("Where you are")
EXTERNAL = Message("external link, needs the internet")
ACTIVITY = Message("Practice activity")
FORGET = Message("Forget my progress on this computer")
NO_SCRIPT = Message("The activities need JavaScript; the texts can be read without it.")


def page_path(name, lang):
    """The page's path inside the course folder: Latvian at the top, other languages in <lang>/."""
    return name if lang == DEFAULT_LANG else f"{lang}/{name}"


def unit_file(unit):
    return f"unit-{unit.url_name}.html"


def activity_file(part):
    return f"activity-{part.url_name}.html"


def island_id(part):
    return f"nt-offline-{part.url_name}"


class Page:
    """One page being written: its language, the way back to the course folder, the translator."""

    def __init__(self, plan, name, lang, langs, t, kind):
        self.plan, self.name, self.lang, self.langs, self.t, self.kind = plan, name, lang, langs, t, kind
        self.root = "" if lang == DEFAULT_LANG else "../"
        self.kinds = set()
        self.csp = True  # off in Kolibri zips: Kolibri adds its own script to the app's page
        self.public = set()  # the file names in offline/public (a player's files only where they are)

    def text(self, message):
        return escape(self.t.render(message))

    def content_lang(self):
        """A lang attribute for course text on this page (the course's language), or nothing."""
        lang = self.plan.content_lang
        return "" if lang == self.lang else f' lang="{escape(lang)}"'

    def link(self, name):
        """href of course page `name` in this page's language, from this page."""
        return escape(name)

    def language_links(self):
        items = []
        for lang in self.langs:
            label = escape(AUTONYMS.get(lang, lang))
            href = escape(self.root + page_path(self.name, lang))
            current = ' aria-current="page"' if lang == self.lang else ""
            items.append(f'<li><a href="{href}" lang="{lang}" hreflang="{lang}"{current} data-offline-lang>'
                         f"{label}</a></li>")
        return (f'<nav class="nt-offline-languages" aria-label="{self.text(LANGUAGE)}"><ul>'
                + "".join(items) + "</ul></nav>")


# A block's own scripts its offline player loads as they are (site.py copies them to assets/<kind>/).
BLOCK_SCRIPTS = {"crisisdrill": ("crisisdrill_dom.js",)}


def player_scripts(kind, public):
    """A kind's scripts in load order, as paths under assets/: the block's own scripts it reuses, its grader,
    the parts of its player (<kind>_play_*.js), the player."""
    parts = sorted(name for name in public if name.startswith(f"{kind}_play_") and name.endswith(".js"))
    names = [name for name in (f"{kind}_grade.js", *parts, f"{kind}_play.js") if name in public]
    own = [f"{kind}/{name}" for name in BLOCK_SCRIPTS.get(kind, ())] if names else []
    return own + [f"offline/{name}" for name in names]


def document(page, title, main):
    """The whole HTML document of `page` around its <main> content."""
    r = escape(page.root)
    styles = [f"{r}assets/kit/kit.css"]
    styles += [f"{r}assets/{kind}/{kind}.css" for kind in sorted(page.kinds)]
    styles += [f"{r}assets/offline/{kind}_play.css" for kind in sorted(page.kinds) if f"{kind}_play.css" in page.public]
    styles.append(f"{r}assets/offline/offline.css")
    scripts = [f"{r}assets/i18n/{page.lang}.js"] if page.lang != "en" else []
    scripts.append(f"{r}assets/kit/kit.js")
    for kind in sorted(page.kinds):
        scripts += [f"{r}assets/{path}" for path in player_scripts(kind, page.public)]
    scripts.append(f"{r}assets/offline/offline.js")
    home = "" if page.kind == "activity" else (
        f'<p class="nt-offline-course"><a href="{page.link("index.html")}"{page.content_lang()}>'
        f"{escape(page.plan.title)}</a></p>")
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{page.lang}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n' if page.csp else "",
        f"<title>{escape(title)}</title>\n",
        "".join(f'<link rel="stylesheet" href="{href}">\n' for href in styles),
        f'</head>\n<body class="nt-offline-body" data-course="{escape(page.plan.folder)}" data-lang="{page.lang}" '
        f'data-root="{r}" data-page="{page.kind}" data-i18n="{JS_NAMESPACE}">\n',
        f'<a class="nt-offline-skip" href="#main">{page.text(SKIP)}</a>\n',
        f'<header class="noturiba nt-offline-header">{home}{page.language_links()}\n',
        f'<p class="nt-offline-practice"><strong>{page.text(PRACTICE)}</strong></p></header>\n',
        f'<main id="main" class="noturiba nt-offline-main" tabindex="-1">\n{main}\n</main>\n',
        '<div class="nt-offline-live" aria-live="polite" data-offline-live></div>\n',
        f'<noscript><p class="nt-offline-noscript">{page.text(NO_SCRIPT)}</p></noscript>\n',
        "".join(f'<script src="{src}"></script>\n' for src in scripts),
        "</body>\n</html>\n",
    ])


def forget_html(page):
    """The button that forgets the course's progress in this browser (shown by offline.js on the plain site)."""
    return (f'<div class="nt-offline-forget" data-offline-forget hidden><button type="button" '
            f'class="nt-button nt-secondary">{page.text(FORGET)}</button></div>')


def activity_html(page, part, data, heading=True):
    """The activity's section: its title (unless the page's own heading says it already: then a heading for
    screen readers only, so that the player's h3 headings follow an h2), the element the player fills,
    and the data island."""
    page.kinds.add(part.kind)
    ident = island_id(part)
    title = (f'<h2 id="{ident}-title" class="nt-offline-activity-title"{page.content_lang()}>{escape(part.title)}</h2>'
             if heading else f'<h2 class="nt-visually-hidden">{page.text(ACTIVITY)}</h2>')
    label = f'aria-labelledby="{ident}-title"' if heading else 'aria-labelledby="nt-offline-title"'
    return (f'<section class="nt-offline-activity-section" {label}>{title}'
            f'<div class="noturiba-offline-activity noturiba nt-{part.kind}" data-kind="{part.kind}" '
            f'data-activity="{escape(part.url_name)}" data-island="{ident}" '
            f'data-content-lang="{escape(page.plan.content_lang)}"></div>'
            f'<script type="application/json" id="{ident}">{escaped_json(data)}</script></section>')


def left_out_html(page, part):
    message = Message("Left out: {title} — {reason}.", title=part.title, reason=REASONS[part.reason])
    return f'<div class="nt-card nt-offline-left-out"><p>{page.text(message)}</p></div>'


def parts_html(page, unit, exported, statics):
    external = page.t.render(EXTERNAL)
    out = []
    for part in unit.parts:
        if part.kind == "html":
            mark_lang = page.lang if page.lang != page.plan.content_lang else None
            markup, used = course_html(part.html, page.root, external, mark_lang)
            statics.update(used)
            if markup:
                out.append(f'<section class="nt-offline-html"{page.content_lang()}>{markup}</section>')
        elif part.included:
            out.append(activity_html(page, part, exported[part.url_name], heading=part.title != unit.title))
        else:
            out.append(left_out_html(page, part))
    return "\n".join(out)


def unit_page(page, index, exported, statics):
    units = page.plan.units
    unit = units[index]
    crumbs = (f'<nav class="nt-offline-breadcrumb" aria-label="{page.text(BREADCRUMB)}"><ol{page.content_lang()}>'
              f"<li>{escape(unit.chapter)}</li><li>{escape(unit.sequential)}</li></ol></nav>")
    steps = []
    if index > 0:
        title = units[index - 1].title
        steps.append(f'<li><a rel="prev" href="{page.link(unit_file(units[index - 1]))}">'
                     f"{page.text(Message("Previous: {title}", title=title))}</a></li>")
    steps.append(f'<li><a href="{page.link("index.html")}">{page.text(BACK)}</a></li>')
    if index + 1 < len(units):
        title = units[index + 1].title
        steps.append(f'<li><a rel="next" href="{page.link(unit_file(units[index + 1]))}">'
                     f"{page.text(Message("Next: {title}", title=title))}</a></li>")
    main = (f'{crumbs}<h1 id="nt-offline-title"{page.content_lang()}>{escape(unit.title)}</h1>\n'
            f"{parts_html(page, unit, exported, statics)}\n"
            f'<nav class="nt-offline-steps" aria-label="{page.text(UNITS)}"><ul>{"".join(steps)}</ul></nav>'
            f"{forget_html(page)}")
    return document(page, f"{unit.title} — {page.plan.title}", main)


def activity_page(page, part, data):
    """A page with one activity alone: what a SCORM SCO or a Kolibri app launches."""
    main = (f'<h1 id="nt-offline-title"{page.content_lang()}>{escape(part.title)}</h1>\n'
            f'<p class="nt-offline-course-name"{page.content_lang()}>{escape(page.plan.title)}</p>\n'
            f"{activity_html(page, part, data, heading=False)}")
    return document(page, f"{part.title} — {page.plan.title}", main)


def _contents(page):
    chapters = []
    for chapter, sequentials in page.plan.chapters:
        seqs = []
        for sequential, units in sequentials:
            items = []
            for unit in units:
                names = " ".join(part.url_name for part in unit.activities)
                status = (f' <span class="nt-offline-unit-status" data-offline-activities="{escape(names)}"></span>'
                          if names else "")
                items.append(f'<li><a href="{page.link(unit_file(unit))}"{page.content_lang()}>'
                             f"{escape(unit.title)}</a>{status}</li>")
            seqs.append(f'<li><h4{page.content_lang()}>{escape(sequential)}</h4><ul>{"".join(items)}</ul></li>')
        chapters.append(f'<li><h3{page.content_lang()}>{escape(chapter)}</h3><ul>{"".join(seqs)}</ul></li>')
    # Lists that add no numbers: the course's titles carry their own ("2. 72 stundu krājumi").
    return f'<ul class="nt-offline-contents">{"".join(chapters)}</ul>'


def _left_out(page):
    items = []
    for unit, part in page.plan.left_out:
        items.append(f'<li><a href="{page.link(unit_file(unit))}"{page.content_lang()}>{escape(part.title)}</a>'
                     f": {page.text(REASONS[part.reason])}</li>")
    listing = f'<ul class="nt-offline-left-out-list">{"".join(items)}</ul>' if items else \
        f"<p>{page.text(NOTHING_LEFT_OUT)}</p>"
    return f"<p>{page.text(LEFT_OUT_WHY)}</p>{listing}"


def start_page(page):
    count = len(page.plan.activities)
    progress = PluralMessage("{done} of {count} activity done", "{done} of {count} activities done",
                             count, done=0)
    names = " ".join(part.url_name for part in page.plan.activities)
    main = (f"<h1{page.content_lang()}>{escape(page.plan.title)}</h1>\n"
            f'<div class="nt-card nt-offline-notice"><p><strong>{page.text(PRACTICE)}</strong></p>'
            f"<p>{page.text(PRACTICE_WHY)}</p></div>\n"
            f'<section aria-labelledby="nt-offline-progress-title"><h2 id="nt-offline-progress-title">'
            f"{page.text(PROGRESS)}</h2>"
            f'<p class="nt-offline-progress" data-offline-progress="{escape(names)}">{page.text(progress)}</p>'
            f"{forget_html(page)}</section>\n"
            f'<section aria-labelledby="nt-offline-contents-title"><h2 id="nt-offline-contents-title">'
            f"{page.text(CONTENTS)}</h2>{_contents(page)}</section>\n"
            f'<section aria-labelledby="nt-offline-left-out-title"><h2 id="nt-offline-left-out-title">'
            f"{page.text(LEFT_OUT)}</h2>{_left_out(page)}</section>")
    return document(page, page.plan.title, main)
