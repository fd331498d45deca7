"""Server-side translation for blocks: the platform's i18n service, or English.

The LMS gives each block an i18n service reading the catalog beside the
block's class (`<block>/translations/<locale>/LC_MESSAGES/text.mo`).
"""

from importlib import resources

from django.utils import translation


class Translator:
    """gettext/ngettext of a block's i18n service, plus rendering of Messages."""

    def __init__(self, service=None):
        self._service = service

    def gettext(self, msgid):
        return self._service.gettext(msgid) if self._service else msgid

    def ngettext(self, singular, plural, count):
        if self._service:
            return self._service.ngettext(singular, plural, count)
        return singular if count == 1 else plural

    def render(self, message):
        if hasattr(message, "render"):  # a Message, or an OlxError with its location
            return message.render(self.gettext, self.ngettext)
        return self.gettext(message)


def translator(block):
    return Translator(block.runtime.service(block, "i18n"))


def current_language():
    return (translation.get_language() or "en").split("-")[0].lower()


def js_catalog_url(block):
    """The URL of the block's JavaScript catalog for the current language, or None.

    The platform's catalog wins when it has one (Atlas-translated blocks); ours
    comes from the package, compiled from translations/ at build time.
    """
    service = block.runtime.service(block, "i18n")
    platform_url = getattr(service, "get_javascript_i18n_catalog_url", None)
    if callable(platform_url):
        url = platform_url(block)
        if url:
            return url
    path = f"public/js/translations/{current_language()}/text.js"
    package = resources.files(block_package(block))
    if package.joinpath(path).is_file():
        return block.runtime.local_resource_url(block, path)
    return None


def block_package(block):
    """The top-level package of the block's own class (where its catalogs live)."""
    return getattr(block, "unmixed_class", type(block)).__module__.split(".")[0]
