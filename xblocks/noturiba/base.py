"""What every Noturība block shares: services, kit resources, translation, learner key."""

import hashlib

from xblock.core import XBlock

from .fragments import KIT_PREFIX, build_fragment, open_kit_resource, render_template
from .i18n import translator


@XBlock.needs("i18n")
@XBlock.wants("user", "replace_urls", "settings")
class NoturibaBlock(XBlock):
    """The base class of the three blocks (registered as none itself)."""

    @classmethod
    def open_local_resource(cls, uri):
        # Kit files are served through every block's own resource URLs.
        text = uri.decode("utf-8") if isinstance(uri, bytes) else uri
        if text.startswith(KIT_PREFIX):
            return open_kit_resource(text)
        return super().open_local_resource(uri)

    @property
    def t(self):
        """The block's Translator (gettext, ngettext, render(Message))."""
        return translator(self)

    def render_template(self, name, context=None):
        return render_template(self, name, context)

    def build_fragment(self, html, **kwargs):
        return build_fragment(self, html, **kwargs)

    def learner_key(self):
        """A stable, anonymous key for this learner and block (seeds shuffles and draws)."""
        user_service = self.runtime.service(self, "user")
        user = user_service.get_current_user() if user_service else None
        attrs = getattr(user, "opt_attrs", {}) or {}
        raw = (attrs.get("edx-platform.anonymous_user_id") or attrs.get("xblock-workbench.user_id")
               or self.scope_ids.user_id or "anonymous")
        return hashlib.sha256(f"{raw}:{self.scope_ids.usage_id}".encode()).hexdigest()[:32]

    def static_urls(self, markup):
        """Rewrite /static/ links of author markup to the course's asset URLs in the LMS."""
        service = self.runtime.service(self, "replace_urls")
        return service.replace_urls(markup) if service else markup

    def is_staff(self):
        user_service = self.runtime.service(self, "user")
        user = user_service.get_current_user() if user_service else None
        return bool(getattr(user, "opt_attrs", {}).get("edx-platform.user_is_staff"))
