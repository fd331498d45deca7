"""Build the offline pack: per course a static site, one Kolibri zip per activity, one SCORM 1.2 zip.

A course's files are first collected in memory ({path inside the course folder: bytes}), then
written in sorted order; the zips are made from the same bytes, so every output is a function of
the courses and the package alone (same input, same bytes).
"""

import json
import shutil
from importlib import resources
from pathlib import Path, PurePosixPath

from ..courses.validate import validate_course
from .activities import exporter
from .catalog import LANGUAGES, js_catalog, translator
from .content import markup_statics, static_name
from .kolibri import kolibri_zips
from .pages import (
    BLOCK_SCRIPTS,
    Page,
    activity_file,
    activity_page,
    island_id,
    page_path,
    start_page,
    unit_file,
    unit_page,
)
from .plan import course_plan
from .scorm import scorm_zip
from .zips import write_zip


def _package_file(package, *parts):
    return resources.files(package).joinpath(*parts)


def offline_public():
    """{file name: bytes} of noturiba/offline/public (the shell, the players and graders)."""
    folder = _package_file("noturiba.offline", "public")
    if not folder.is_dir():
        return {}
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir(), key=lambda e: e.name)
            if entry.is_file() and entry.name.endswith((".js", ".css"))}


def _safe_relative(path):
    """`path` as a relative POSIX path with no way out of its folder, or None."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(part in ("", ".", "..") for part in pure.parts):
        return None
    return pure.as_posix()


class CourseBuild:
    """The files of one course's pack, collected in memory."""

    def __init__(self, course_dir, langs, public):
        self.plan = course_plan(course_dir)
        self.langs = [lang for lang in LANGUAGES if lang in langs]
        self.public = public
        self.files = {}
        self.statics = set()
        self.exported = {lang: {} for lang in self.langs}  # lang -> url_name -> data
        self.activity_assets = {}  # url_name -> {pack path}

    def page(self, name, lang, kind):
        page = Page(self.plan, name, lang, self.langs, translator(lang), kind)
        page.public = set(self.public)
        return page

    def export_all(self):
        for part in self.plan.activities:
            module = exporter(part.kind)
            used = self.activity_assets.setdefault(part.url_name, set())
            for lang in self.langs:
                data = module.export(part.activity.model, part.activity.attrs, translator(lang))
                self.exported[lang][part.url_name] = data
                if isinstance(data, dict):  # course images in the activity's text are its assets too
                    data["assets"] = sorted({*data.get("assets", ()), *markup_statics(data)})
                for asset in data.get("assets", ()) if isinstance(data, dict) else ():
                    used.add(self.asset(part.kind, asset))

    def asset(self, kind, asset):
        """Copy an exported asset into assets/ and give its path in the pack."""
        name = static_name(asset)
        if name:
            self.statics.add(name)
            return f"assets/static/{name}"
        relative = _safe_relative(asset)
        if relative is None:
            raise ValueError(f"{kind} exported an asset path that leaves its folder: {asset!r}")
        source = _package_file(kind, "public", *relative.split("/"))
        self.files[f"assets/{kind}/{relative}"] = source.read_bytes()
        return f"assets/{kind}/{relative}"

    def pages(self):
        units = self.plan.units
        for lang in self.langs:
            self.put(page_path("index.html", lang), start_page(self.page("index.html", lang, "start")))
            for index, unit in enumerate(units):
                name = unit_file(unit)
                page = self.page(name, lang, "unit")
                self.put(page_path(name, lang), unit_page(page, index, self.exported[lang], self.statics))
            for part in self.plan.activities:
                name = activity_file(part)
                page = self.page(name, lang, "activity")
                self.put(page_path(name, lang), activity_page(page, part, self.exported[lang][part.url_name]))

    def put(self, path, text):
        self.files[path] = text.encode("utf-8")

    def assets(self):
        kit = ("kit.css", "kit.js")
        for name in kit:
            self.files[f"assets/kit/{name}"] = _package_file("noturiba", "public", name).read_bytes()
        for name, data in self.public.items():
            self.files[f"assets/offline/{name}"] = data
        for kind in sorted({part.kind for part in self.plan.activities}):
            self.files[f"assets/{kind}/{kind}.css"] = _package_file(kind, "public", f"{kind}.css").read_bytes()
            for name in BLOCK_SCRIPTS.get(kind, ()):
                self.files[f"assets/{kind}/{name}"] = _package_file(kind, "public", name).read_bytes()
        sources = [self.files["assets/kit/kit.js"].decode("utf-8")]
        sources += [data.decode("utf-8") for name, data in self.public.items() if name.endswith(".js")]
        for lang in self.langs:
            catalog = js_catalog(lang, sources) if lang != "en" else None  # English: the msgids themselves
            if catalog is None and lang != "en":
                raise ValueError(f"no compiled JS catalog for {lang}: run `make translations` first")
            if catalog:
                self.put(f"assets/i18n/{lang}.js", catalog)
        static = self.plan.path / "static"
        for name in sorted(self.statics):
            source = static / name
            if not source.is_file() or source.is_symlink():
                raise ValueError(f"{self.plan.folder}: /static/{name} is used but static/{name} is missing")
            self.files[f"assets/static/{name}"] = source.read_bytes()

    def index(self):
        """pack.json: what was built, for tests and for whoever copies the pack."""
        def pages(name):
            return {lang: page_path(name, lang) for lang in self.langs}
        units = [{"url_name": unit.url_name, "title": unit.title, "pages": pages(unit_file(unit))}
                 for unit in self.plan.units]
        activities = [{"kind": part.kind, "url_name": part.url_name, "display_name": part.title,
                       "unit": unit.url_name, "island": island_id(part), "pages": pages(unit_file(unit)),
                       "activity_pages": pages(activity_file(part)),
                       "assets": sorted(self.activity_assets.get(part.url_name, ()))}
                      for unit in self.plan.units for part in unit.activities]
        left_out = [{"kind": part.kind, "url_name": part.url_name, "display_name": part.title,
                     "unit": unit.url_name, "reason": part.reason} for unit, part in self.plan.left_out]
        index = {"course": self.plan.folder, "title": self.plan.title, "languages": self.langs,
                 "units": units, "activities": activities, "left_out": left_out}
        self.put("pack.json", json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True) + "\n")

    def run(self):
        self.export_all()
        self.pages()
        self.assets()
        self.index()
        return self


def write_tree(folder, files):
    if folder.exists():
        shutil.rmtree(folder)
    for path in sorted(files):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[path])


def refuse_invalid(course_dir):
    """Raise ValueError with the findings if `python -m noturiba.courses validate` rejects the course."""
    errors = [finding for finding in validate_course(course_dir) if finding.is_error]
    if errors:
        raise ValueError("the course validation (python -m noturiba.courses validate) rejects it, nothing was "
                         "built:\n" + "\n".join(f"  {finding}" for finding in errors))


def build_course(out, course_dir, langs=LANGUAGES):
    """Build one course's site, Kolibri zips and SCORM zip under `out`; returns the CourseBuild.
    A course the validator rejects is not built (ValueError)."""
    out = Path(out)
    refuse_invalid(course_dir)
    build = CourseBuild(course_dir, langs, offline_public()).run()
    folder = build.plan.folder
    source, target = Path(course_dir).resolve(), (out / folder).resolve()
    if source == target or source.is_relative_to(target):
        # The course folder is replaced on every build: never the course's own sources.
        raise ValueError(f"the output folder {target} would overwrite the course itself")
    write_tree(out / folder, build.files)
    kolibri = out / "kolibri" / folder
    if kolibri.exists():
        shutil.rmtree(kolibri)
    for name, entries in kolibri_zips(build):
        write_zip(kolibri / f"{name}.zip", entries)
    write_zip(out / "scorm" / f"{folder}.zip", scorm_zip(build))
    return build


def build_pack(out, course_dirs, langs=LANGUAGES):
    """Build every course in `course_dirs` under `out`; returns the CourseBuilds."""
    return [build_course(out, course_dir, langs) for course_dir in course_dirs]
