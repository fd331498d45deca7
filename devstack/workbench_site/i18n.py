"""An i18n service for the workbench that reads the catalogs the LMS reads.

The workbench's own service only knows Django's catalogs. In the LMS every
block gets a service reading `<its package>/translations/<locale>/LC_MESSAGES/
text.mo`; the workbench builds one service per runtime, not per block, so this
one chains the catalogs of every installed block package (they share the kit's
messages and each adds its own).
"""

import gettext
from functools import cache
from importlib import resources
from importlib.metadata import entry_points

from django.utils import translation


@cache
def _installed_catalogs(locale):
    chain = gettext.NullTranslations()
    packages = sorted({entry.module.split(".")[0] for entry in entry_points(group="xblock.v1")})
    for package in packages:
        folder = resources.files(package).joinpath("translations")
        if not folder.is_dir():
            continue
        try:
            catalog = gettext.translation("text", str(folder), [locale])
        except OSError:
            continue
        catalog.add_fallback(chain)
        chain = catalog
    return chain


class PackageCatalogI18nService:
    runtime = None

    @staticmethod
    def _translations():
        return _installed_catalogs(translation.to_locale(translation.get_language() or "lv"))

    def gettext(self, message):
        return self._translations().gettext(message)

    def ngettext(self, singular, plural, number):
        return self._translations().ngettext(singular, plural, number)

    # XBlock.ugettext() (used by ScorableXBlockMixin) asks for these old names,
    # which the platform's service maps to the new ones too.
    ugettext = gettext
    ungettext = ngettext

    def get_javascript_i18n_catalog_url(self, block):
        # As in the LMS for a block Atlas does not translate: no platform catalog,
        # so the block falls back to the one compiled into its package.
        return None

    def __getattr__(self, name):
        # As the LMS's service: the rest (`_catalog`, `plural`, `_info`, which xblock.utils'
        # {% trans %} merges into Django's catalog) comes from the gettext translations,
        # or from Django's translation module where no catalog exists.
        chain = self._translations()
        if hasattr(chain, name):
            return getattr(chain, name)
        return getattr(translation, name)
