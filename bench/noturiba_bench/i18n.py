"""The workbench i18n service of `make run`, made usable by blocks that merge it into Django's catalog.

xblock.utils' `{% trans %}` tag (used by xblock-poll and drag-and-drop-v2)
calls Django's `translation.merge(service)`, which reads the service's
`_catalog` dict, `plural` and `_info`, as the LMS's XBlockI18nService provides
by delegating to its gettext translations object. workbench_site's
PackageCatalogI18nService has a `_catalog` *method* under that name, so those
peers fail there with "AttributeError: ... no attribute 'plural'". This
subclass keeps its gettext/ngettext (what our blocks call) and delegates the
rest to the gettext chain, as the LMS does.
"""

from django.utils import translation

from workbench_site.i18n import PackageCatalogI18nService, _installed_catalogs


def _chain():
    return _installed_catalogs(translation.to_locale(translation.get_language() or "lv"))


class BenchI18nService(PackageCatalogI18nService):
    def gettext(self, message):
        return _chain().gettext(message)

    def ngettext(self, singular, plural, number):
        return _chain().ngettext(singular, plural, number)

    ugettext = gettext
    ungettext = ngettext

    @property
    def _catalog(self):
        return getattr(_chain(), "_catalog", None)

    @property
    def plural(self):
        return _chain().plural

    @property
    def _info(self):
        return getattr(_chain(), "_info", {})

    @property
    def _fallback(self):
        return None

    def __getattr__(self, name):
        chain = _chain()
        if hasattr(chain, name):
            return getattr(chain, name)
        return getattr(translation, name)
