"""Server-side translation for blocks: the block package's own catalog first, then the platform.

The catalogs are compiled into `<block>/translations/<locale>/LC_MESSAGES/text.mo`.
The platform's i18n service (xmodule/modulestore/django.py XBlockI18nService) reads
them only while `conf/plugins-locale/xblock.v1/<block>` does not exist; a Tutor image
runs `pull_xblock_translations`, and atlas creates that folder even when it finds
nothing for the block, so the service then falls back to the platform's catalog and
every server string comes out in English. The blocks therefore read their own
catalog for the current language themselves; a message it lacks goes to the
runtime's service (the platform's catalogs, or Atlas's if a block is ever there).
"""

import gettext
from functools import cache
from importlib import resources

from django.utils import translation

_MISSING = object()


class _Missing(gettext.NullTranslations):
    """The end of a package catalog's fallback chain: says "not in this catalog"."""

    def gettext(self, message):
        return _MISSING

    def ngettext(self, singular, plural, n):
        return _MISSING


@cache
def package_catalog(package, locale):
    """The compiled catalog of `package` for `locale` (e.g. "lv", "pt_BR"), or None."""
    folder = resources.files(package).joinpath("translations")
    if not folder.is_dir():
        return None
    catalog = gettext.translation("text", str(folder), [locale], fallback=True)
    if type(catalog) is gettext.NullTranslations:
        return None
    catalog.add_fallback(_Missing())
    return catalog


class Translator:
    """gettext/ngettext from the package catalog, then the block's i18n service; renders Messages."""

    def __init__(self, service=None, catalog=None):
        self._service = service
        self._catalog = catalog

    def gettext(self, msgid):
        if self._catalog is not None:
            text = self._catalog.gettext(msgid)
            if text is not _MISSING:
                return text
        return self._service.gettext(msgid) if self._service else msgid

    def ngettext(self, singular, plural, count):
        if self._catalog is not None:
            text = self._catalog.ngettext(singular, plural, count)
            if text is not _MISSING:
                return text
        if self._service:
            return self._service.ngettext(singular, plural, count)
        return singular if count == 1 else plural

    def render(self, message):
        if hasattr(message, "render"):  # a Message, or an OlxError with its location
            return message.render(self.gettext, self.ngettext)
        return self.gettext(message)


def translator(block):
    locale = translation.to_locale(translation.get_language() or "en")
    return Translator(block.runtime.service(block, "i18n"), package_catalog(block_package(block), locale))


def current_language():
    return (translation.get_language() or "en").split("-")[0].lower()


def js_catalog_url(block):
    """The URL of the block's JavaScript catalog for the current language, or None.

    As on the server side, the package's own catalog (compiled from translations/ at build
    time) comes first; the platform's (Atlas) only for a language the package lacks.
    """
    path = f"public/js/translations/{current_language()}/text.js"
    if resources.files(block_package(block)).joinpath(path).is_file():
        return block.runtime.local_resource_url(block, path)
    service = block.runtime.service(block, "i18n")
    platform_url = getattr(service, "get_javascript_i18n_catalog_url", None)
    return (platform_url(block) or None) if callable(platform_url) else None


def block_package(block):
    """The top-level package of the block's own class (where its catalogs live)."""
    return getattr(block, "unmixed_class", type(block)).__module__.split(".")[0]
