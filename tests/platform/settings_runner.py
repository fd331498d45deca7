"""Run a settings module that Tutor rendered, as the platform would import it, then Django's checks.

Emulates: `lms/envs/production.py` and `cms/envs/production.py` (and devstack.py for Tutor's
development settings), which the rendered file star-imports, and the platform's
`manage.py lms|cms <command>`, which runs Django's system checks before `migrate`, `import` or
`waffle_switch`. The platform values the rendered file only passes through (MODULESTORE, LOGGING,
ENV_TOKENS, ...) are inert stand-ins; LANGUAGES is the platform's own list (data/platform_languages.json),
LANGUAGE_CODE its default "en".

Usage: python settings_runner.py <rendered settings file>; prints JSON.
"""

import builtins
import json
import sys
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLATFORM_LANGUAGES = [tuple(pair) for pair in json.loads((HERE / "data" / "platform_languages.json").read_text(
    encoding="utf-8"))["LANGUAGES"]]


class Inert:
    """A platform value the rendered settings read or change but this emulation does not model."""

    def __getattr__(self, name):
        return Inert()

    def __getitem__(self, key):
        return Inert()

    def __setitem__(self, key, value):
        pass

    def __call__(self, *args, **kwargs):
        return Inert()

    def __iter__(self):
        return iter(())

    def __add__(self, other):
        return other

    __radd__ = __add__


class FeaturesProxy(dict):
    """openedx/core/lib/features_setting_proxy.py: FEATURES items are the module's flat settings."""

    def __init__(self, namespace):
        super().__init__()
        self.namespace = namespace

    def __setitem__(self, key, value):
        self.namespace[key] = value

    def __getitem__(self, key):
        return self.namespace[key]

    def get(self, key, default=None):
        return self.namespace.get(key, default)


class PlatformSettings(dict):
    """The settings module's namespace: platform defaults, then inert stand-ins for the rest."""

    def __missing__(self, name):
        if hasattr(builtins, name):
            return getattr(builtins, name)
        if name.isupper() or name.startswith("_"):
            return Inert()
        raise NameError(name)


def platform_defaults():
    return {
        "LANGUAGE_CODE": "en", "LANGUAGES": list(PLATFORM_LANGUAGES), "LANGUAGE_DICT": dict(PLATFORM_LANGUAGES),
        "USE_I18N": True, "FEATURES": {}, "XBLOCK_SETTINGS": {}, "LOG_DIR": "/tmp", "STATIC_ROOT": "/tmp",
        "MEDIA_ROOT": "/tmp", "DATA_DIR": "/tmp", "ORA2_FILEUPLOAD_ROOT": "/tmp",
        "LMS_ROOT_URL": "http://lms", "CMS_ROOT_URL": "http://cms",
    }


def install_platform_modules():
    """Stand-ins for the modules the rendered settings import (their content is not under test)."""
    for name in ("lms", "lms.envs", "cms", "cms.envs", "xmodule", "xmodule.modulestore", "codejail",
                 "openedx", "openedx.core", "openedx.core.lib"):
        sys.modules[name] = types.ModuleType(name)
    for base in ("lms", "cms"):
        for settings_module in ("production", "devstack"):
            module = types.ModuleType(f"{base}.envs.{settings_module}")
            module.__dict__.update(platform_defaults())
            sys.modules[module.__name__] = module
    store = types.ModuleType("xmodule.modulestore.modulestore_settings")
    store.update_module_store_settings = lambda *args, **kwargs: None
    sys.modules[store.__name__] = store
    jail = types.ModuleType("codejail.jail_code")
    jail.configure = lambda *args, **kwargs: None
    sys.modules[jail.__name__] = jail
    sys.modules["codejail"].jail_code = jail
    proxy = types.ModuleType("openedx.core.lib.features_setting_proxy")
    proxy.FeaturesProxy = FeaturesProxy
    sys.modules[proxy.__name__] = proxy


def load(path):
    install_platform_modules()
    namespace = PlatformSettings(__name__="rendered_settings")
    exec(compile(Path(path).read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102
    return namespace


def system_checks(namespace):
    """Django's checks on the language settings, as `manage.py lms migrate` runs them first."""
    import django
    from django.conf import settings
    from django.core import checks

    settings.configure(LANGUAGE_CODE=namespace["LANGUAGE_CODE"], LANGUAGES=list(namespace["LANGUAGES"]),
                       USE_I18N=True, INSTALLED_APPS=[], LOCALE_PATHS=[])
    django.setup()
    return [f"{message.id}: {message.msg}" for message in checks.run_checks(tags=[checks.Tags.translation])
            if message.is_serious()]


def main(path):
    namespace = load(path)
    flag = namespace.get("SHOW_HEADER_LANGUAGE_SELECTOR")
    print(json.dumps({
        "LANGUAGE_CODE": namespace["LANGUAGE_CODE"],
        "LANGUAGES": [list(pair) for pair in namespace["LANGUAGES"]],
        "LANGUAGE_DICT": {code: name for code, name in dict(namespace.get("LANGUAGE_DICT", {})).items()},
        "SHOW_HEADER_LANGUAGE_SELECTOR": flag if isinstance(flag, bool) else None,
        "errors": system_checks(namespace),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
