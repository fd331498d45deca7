"""One Kolibri HTML5 app (a .zip with index.html at its root) per activity of a course.

Kolibri shows an HTML5 app in a sandboxed frame from the zip's own files: the app holds its page in
every language, the shared assets it uses, and nothing else. Kolibri adds its own script to the
page, so these pages carry no Content-Security-Policy of their own.
"""

from .pages import activity_file, activity_page, page_path, player_scripts


def _needed(build, part):
    kind = part.kind
    wanted = {"assets/kit/kit.css", "assets/kit/kit.js", "assets/offline/offline.css", "assets/offline/offline.js",
              f"assets/{kind}/{kind}.css", f"assets/offline/{kind}_play.css"}
    wanted |= {f"assets/{path}" for path in player_scripts(kind, build.public)}
    wanted |= {f"assets/i18n/{lang}.js" for lang in build.langs}
    wanted |= build.activity_assets.get(part.url_name, set())
    return {path: build.files[path] for path in sorted(wanted) if path in build.files}


def kolibri_zips(build):
    """[(activity url_name, {zip entry: bytes})] for every included activity of the CourseBuild."""
    zips = []
    for part in build.plan.activities:
        entries = _needed(build, part)
        name = activity_file(part)
        for lang in build.langs:
            page = build.page(name, lang, "activity")
            page.csp = False
            html = activity_page(page, part, build.exported[lang][part.url_name]).encode("utf-8")
            entries[page_path(name, lang)] = html
            if lang == "lv":
                entries["index.html"] = html
        zips.append((part.url_name, entries))
    return zips
