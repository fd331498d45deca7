"""The LMS's code paths for third-party blocks, emulated from the platform's source (no code copied).

- `collect_static`: `collectstatic` with openedx/core/lib/xblock_pipeline/finder.py
  XBlockPipelineFinder: one storage per (xblock_resource_pkg(class), class.get_resources_dir()),
  i.e. the package of the block's class module one level up ("mediacheck.block" -> "mediacheck"),
  listing every file of that package folder but .py, .pyc and .scss, collected under
  "xblock/resources/<package>/".
- `ProductionRuntime.local_resource_url`: openedx/core/lib/xblock_utils `xblock_local_resource_url`
  with PIPELINE_ENABLED (production): staticfiles_storage.url("xblock/resources/<package>/<uri>"),
  `unmixed_class` first. A block's open_local_resource is never asked.
- `PlatformI18nService`: xmodule/modulestore/django.py XBlockI18nService: the atlas folder
  conf/plugins-locale/xblock.v1/<root module> wins whenever it is a directory (domain "django"),
  otherwise <root module>/translations (domain "text"); gettext.translation for
  to_locale(get_language()); on OSError, Django's own translation module (the platform catalog).
  get_javascript_i18n_catalog_url returns the compiled atlas JS file's static URL only if it exists.
- `PlatformInheritance`: the settings every LMS block gets from xmodule/modulestore/inheritance.py
  InheritanceMixin (in XBLOCK_MIXINS): `due`, `graceperiod`, `show_correctness` (default "always"),
  and is_past_due(): close date = due + grace period, past when now is after it.
"""

import gettext
import shutil
from contextlib import suppress
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

from django.utils import timezone, translation
from workbench.runtime import WorkbenchRuntime
from xblock.core import XBlock, XBlockMixin
from xblock.fields import Date, Scope, String, Timedelta

STATIC_URL = "/static/"
PREFIX = "xblock/resources/"
IGNORED_SUFFIXES = (".py", ".pyc", ".scss")
COLLECTSTATIC_IGNORE = ("CVS", ".*", "*~")  # Django's default ignore patterns
OUR_BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")


def resource_package(block_class):
    return getattr(block_class, "unmixed_class", block_class).__module__.rsplit(".", 1)[0]


def collect_static(static_root):
    """Collect every installed block package as the XBlock finder does; return the collected paths."""
    collected = set()
    storages = {(resource_package(cls), cls.get_resources_dir()) for name, cls in XBlock.load_classes()
                if name in OUR_BLOCKS}
    for package, resources_dir in storages:
        base = resources.files(package.rsplit(".", 1)[0]).joinpath(resources_dir or "")
        for source in _listed_files(Path(str(base))):
            relative = source.relative_to(Path(str(base))).as_posix()
            target = Path(static_root) / PREFIX / package / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            collected.add(f"{PREFIX}{package}/{relative}")
    return collected


def _listed_files(folder):
    for item in sorted(folder.iterdir()):
        if item.suffix in IGNORED_SUFFIXES or any(fnmatch(item.name, p) for p in COLLECTSTATIC_IGNORE):
            continue
        if item.is_dir():
            yield from _listed_files(item)
        else:
            yield item


class PlatformI18nService:
    def __init__(self, block, atlas_root):
        self.translator = translation
        module = getattr(block, "unmixed_class", type(block)).__module__.split(".")[0]
        self.module = module
        self.atlas_root = Path(atlas_root)
        atlas = self.atlas_root / module
        if atlas.is_dir():
            domain, folder = "django", str(atlas)
        else:
            domain, folder = "text", str(resources.files(module).joinpath("translations"))
        with suppress(OSError):  # no catalog: the platform's own (Django's translation module)
            self.translator = gettext.translation(domain, folder, [translation.to_locale(
                translation.get_language() or "en")])

    def get_javascript_i18n_catalog_url(self, block):
        locale = translation.to_locale(translation.get_language() or "en")
        relative = f"js/xblock.v1-i18n/{self.module}/{locale}.js"
        compiled = self.atlas_root.parent.parent.parent / "static" / relative
        return STATIC_URL + relative if compiled.exists() else None

    def __getattr__(self, name):
        return getattr(self.translator, "gettext" if name == "ugettext" else name)


class PlatformInheritance(XBlockMixin):
    due = Date(scope=Scope.settings)
    graceperiod = Timedelta(scope=Scope.settings)
    show_correctness = String(scope=Scope.settings, default="always")

    @property
    def close_date(self):
        if self.graceperiod is not None and self.due:
            return self.due + self.graceperiod
        return self.due

    def is_past_due(self):
        return self.close_date is not None and timezone.now() > self.close_date


class ProductionRuntime(WorkbenchRuntime):
    """The workbench runtime (real field data, handlers) with the LMS's production URLs, i18n and mixins."""

    def __init__(self, user_id, atlas_root):
        super().__init__(user_id)
        self.atlas_root = atlas_root
        self.mixologist = type(self.mixologist)([PlatformInheritance])

    def _patch_xblock(self, block):
        # The workbench sets `due` to "now" on every render and handler call; the LMS does not.
        pass

    def local_resource_url(self, block, uri):
        return f"{STATIC_URL}{PREFIX}{resource_package(type(block))}/{uri}"

    def service(self, block, service_name):
        if service_name == "i18n":
            super().service(block, service_name)  # the block must have declared it, as in the LMS
            return PlatformI18nService(block, self.atlas_root)
        return super().service(block, service_name)
