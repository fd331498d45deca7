"""What every Noturība block shares: services, kit resources, translation, learner key."""

import hashlib
import hmac
import re
from importlib import resources

from xblock.core import XBlock
from xblock.fields import Dict, Scope, String
from xblock.validation import Validation, ValidationMessage

from .editing import EditorMixin
from .fragments import build_fragment, render_kit_template, render_template
from .handlers import HandlerError
from .i18n import current_language, translator
from .messages import N_, Message
from .olx import check_tree, parse_string

# Studio creates a block from field defaults (model_json = {}; docs/platform.md section 0): until its author
# adds content, authors see NOT_CONFIGURED with the block's EMPTY_HINT, learners NOT_READY.
NOT_CONFIGURED = Message("This exercise is not configured yet.")
NOT_READY = Message("This activity is not ready yet.")
OPEN_EDITOR = Message("Open the editor")
AUTHORS_ONLY = Message("Only the course's authors and staff may edit or check this exercise.")
# The language author content is in when neither the OLX nor XBLOCK_SETTINGS says (the courses are Latvian).
DEFAULT_CONTENT_LANGUAGE = "lv"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ps", "ur", "yi"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class NotConfiguredValidation(Validation):
    """A Validation with the summary Studio shows as "not configured".

    Studio's component wrapper (cms/templates/studio_xblock_wrapper.html) reads
    `validate().to_json()["summary"]`, the shape of xmodule's StudioValidation, which is
    not importable outside the platform; the messages stay plain WARNING/ERROR ones.
    """

    def __init__(self, validation, text, action_label):
        super().__init__(validation.xblock_id)
        self.messages = list(validation.messages)
        self.summary = {"type": "not-configured", "text": text,
                        "action_class": "edit-button", "action_label": action_label}

    @property
    def empty(self):
        return super().empty and not self.summary

    def to_json(self):
        return {**super().to_json(), "summary": dict(self.summary)}


LEARNER_KEY_SETTING = "NOTURIBA_LEARNER_KEY_SECRET"


def learner_key_secret():
    """The key of the learner-key HMAC: the Django setting NOTURIBA_LEARNER_KEY_SECRET, else one derived
    from this instance's SECRET_KEY (salted_hmac). Course staff see neither (devstack/README.md)."""
    from django.conf import settings
    from django.utils.crypto import salted_hmac
    secret = getattr(settings, LEARNER_KEY_SETTING, None)
    if secret:
        return secret.encode() if isinstance(secret, str) else bytes(secret)
    return salted_hmac("noturiba.learner_key", "v1", algorithm="sha256").digest()


def learner_key_for(anonymous_id, usage_id):
    """The anonymous learner key of `anonymous_id` (the LMS's per-course anonymous user id) in block `usage_id`.

    A keyed hash (HMAC-SHA256 with learner_key_secret()): course staff can download every learner's
    anonymous id (instructor dashboard, "Get Student Anonymized IDs CSV"), so an unkeyed hash of it
    would re-link the anonymous survey rows to names. learner_key() uses it at answer time and the
    kit's clear_student_state with the id the LMS passes, so both derive the same key (survey rows,
    shuffles and draws are keyed by it).
    """
    message = f"{anonymous_id}:{usage_id}".encode()
    return hmac.new(learner_key_secret(), message, hashlib.sha256).hexdigest()[:32]


# The course of a block that has none (the workbench's usage ids are plain strings).
NO_COURSE = "workbench"


def respondent_key_for(anonymous_id, course_id):
    """The pseudonymous respondent key of `anonymous_id` in course `course_id`, the same in every block.

    Keyed like learner_key_for (staff can download the anonymous ids) and kept apart from it by
    its prefix, so the pre and the post survey of a course pair without anybody seeing who.
    """
    message = f"respondent:{anonymous_id}:{course_id}".encode()
    return hmac.new(learner_key_secret(), message, hashlib.sha256).hexdigest()[:32]


@XBlock.needs("i18n")
@XBlock.wants("user", "replace_urls", "settings", "studio_user_permissions")
class NoturibaBlock(XBlock):
    """The base class of the three blocks (registered as none itself)."""

    display_name = String(display_name=N_("Display name"), default="", scope=Scope.settings,
                          help=N_("The name learners see above the exercise."))

    @property
    def t(self):
        """The block's Translator (gettext, ngettext, render(Message))."""
        return translator(self)

    content_language_field = String(
        display_name=N_("Language of the content"), default="", scope=Scope.settings,
        help=N_("The language the exercise's texts are written in, as a language code (lv, en, ru). "
                "Empty: the platform's setting for the block, else Latvian."))

    def content_language(self):
        """The language of the author content (issue 14): the block's OLX `xml:lang`, else
        XBLOCK_SETTINGS[<block>]["content_language"], else "lv". The interface follows the learner."""
        for value in (self.content_language_field, self._block_settings().get("content_language")):
            if isinstance(value, str) and LANGUAGE_TAG.match(value.strip()):
                return value.strip()
        return DEFAULT_CONTENT_LANGUAGE

    def _block_settings(self):
        service = self.runtime.service(self, "settings")
        bucket = service.get_settings_bucket(self) if service and hasattr(self, "block_settings_key") else None
        return bucket if isinstance(bucket, dict) else {}

    def language_context(self):
        """What every template gets: `ui_lang` for the block's root, `content_lang`/`content_dir` for author content."""
        content_lang = self.content_language()
        rtl = content_lang.split("-")[0].lower() in RTL_LANGUAGES
        return {"ui_lang": current_language(), "content_lang": content_lang, "content_dir": "rtl" if rtl else "ltr"}

    def render_template(self, name, context=None):
        return render_template(self, name, {**self.language_context(), **(context or {})})

    def build_fragment(self, html, **kwargs):
        return build_fragment(self, html, **kwargs)

    def anonymous_id(self):
        """The LMS's per-course anonymous id of the current learner (the workbench's user id)."""
        user_service = self.runtime.service(self, "user")
        user = user_service.get_current_user() if user_service else None
        attrs = getattr(user, "opt_attrs", {}) or {}
        return (attrs.get("edx-platform.anonymous_user_id") or attrs.get("xblock-workbench.user_id")
                or self.scope_ids.user_id or "anonymous")

    def learner_key(self):
        """A stable, anonymous key for this learner and block (seeds shuffles and draws)."""
        return learner_key_for(self.anonymous_id(), self.scope_ids.usage_id)

    def respondent(self):
        """(course id, per-course respondent key) of this learner, stored beside each survey row."""
        course = str(getattr(self.scope_ids.usage_id, "context_key", None) or NO_COURSE)[:255]
        return course, respondent_key_for(self.anonymous_id(), course)

    def static_urls(self, markup):
        """Rewrite /static/ links of author markup to the course's asset URLs in the LMS."""
        service = self.runtime.service(self, "replace_urls")
        return service.replace_urls(markup) if service else markup

    def is_staff(self):
        user_service = self.runtime.service(self, "user")
        user = user_service.get_current_user() if user_service else None
        return bool(getattr(user, "opt_attrs", {}).get("edx-platform.user_is_staff"))


class ContentBlock(EditorMixin, NoturibaBlock):
    """A block whose content is one model with OLX, JSON (Studio, noturiba/editing.py) and public views.

    The block class names its pure content module in `content_api`; that module
    provides TAG, ATTRIBUTES, parse, to_node, to_json, from_json, validate and
    public (see any block's content.py). The model is stored as JSON in
    `model_json` (not `content`: XBlock's own parse_xml and add_xml_to_node make a
    Scope.content field of that name the element's text); XBlock fields hold the
    settings every block shares.
    """

    content_api = None
    # OLX attribute -> field name, where the attribute is no valid Python name.
    ATTRIBUTE_FIELDS = {"pass": "pass_threshold", XML_LANG: "content_language_field"}

    model_json = Dict(default={}, scope=Scope.content,
                      help="The block's content model as JSON (OLX children and owned attributes).")
    # Handlers an author uses while the block has no content yet; the others (learners') refuse then.
    AUTHORING_HANDLERS = frozenset({"save_olx", "save_content", "check_content", "convert_olx"})

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        check_tree(node)
        # A course exported while a block was still as Studio made it (no content yet) must import
        # again: a root without children is that block, not an error.
        unconfigured = hasattr(cls.content_api, "empty") and not any(isinstance(c.tag, str) for c in node)
        model = None if unconfigured else cls.content_api.parse(node)
        block = runtime.construct_xblock_from_class(cls, keys)
        owned = set(cls.content_api.ATTRIBUTES)
        for name, value in node.items():
            # url_name is the usage id (the runtime reads it), not a field; the model comes from the children only.
            if name not in owned and name not in ("model_json", "url_name", "xblock-family"):
                cls._set_field_if_present(block, cls.ATTRIBUTE_FIELDS.get(name, name), value, {})
        block.model_json = {} if unconfigured else cls.content_api.to_json(model)
        return block

    def add_xml_to_node(self, node):
        super().add_xml_to_node(node)
        # XBlock writes every field that is set as an attribute; the model is written as child elements.
        node.attrib.pop("model_json", None)
        for attribute, field_name in self.ATTRIBUTE_FIELDS.items():
            if field_name in node.attrib:
                node.set(attribute, node.attrib.pop(field_name))
        self.content_api.to_node(self.model, node)

    @property
    def model(self):
        """The content model (parsed once per block instance and content value)."""
        cached = getattr(self, "_model_cache", None)
        if cached is None or cached[0] is not self.model_json:
            stored, api = self.model_json, self.content_api
            cached = (stored, api.empty() if not stored and hasattr(api, "empty") else api.from_json(stored))
            self._model_cache = cached
        return cached[1]

    # A new block: Studio made it from field defaults and no content was saved yet.

    def is_configured(self):
        """Whether the block has content for learners (imports and saves refuse an empty model).

        The content module's empty(), is_empty(model) and EMPTY_HINT (what to add first) describe
        a new block; a module without them counts as configured once its content is set.
        """
        is_empty = getattr(self.content_api, "is_empty", None)
        return not is_empty(self.model) if is_empty else bool(self.model_json)

    def empty_hint(self):
        return self.t.render(getattr(self.content_api, "EMPTY_HINT", NOT_CONFIGURED))

    def not_configured_view(self, author=False):
        """The view of a block without content: authors read what to add, learners a neutral note; no script."""
        html = render_kit_template(self, "not_configured.html", {
            "display_name": self.display_name, "author": author,
            "hint": self.empty_hint()})
        return self.build_fragment(html)

    def handler_refusal(self, name):
        """Why handler `name` may not run now (see noturiba.handlers), or None."""
        if name in self.AUTHORING_HANDLERS:
            return None if self.may_author() else HandlerError(AUTHORS_ONLY, status=403)
        return None if self.is_configured() else NOT_READY

    def may_author(self):
        """Whether the current user may edit or check this block's content: course staff, or a Studio author.

        The LMS marks course staff in the user service (edx-platform.user_is_staff). Studio does not
        (its user service leaves the flag False), but both of its handler views, component_handler
        and preview_handler, run handlers for any logged-in user; they provide studio_user_permissions,
        whose can_write(course key) is the course-author check. The workbench provides one that lets
        its users author (devstack/workbench_site/authoring.py).
        """
        if self.is_staff():
            return True
        permissions = self.runtime.service(self, "studio_user_permissions")
        if permissions is None:
            return False
        return bool(permissions.can_write(getattr(self.scope_ids.usage_id, "context_key", None)))

    def validate(self):
        validation = super().validate()
        if not self.is_configured():
            validation.add(ValidationMessage(ValidationMessage.WARNING, self.empty_hint()))
            return NotConfiguredValidation(validation, self.t.render(NOT_CONFIGURED), self.t.render(OPEN_EDITOR))
        try:
            problems = self.content_api.validate(self.model)
        except ValueError as error:
            validation.add(ValidationMessage(ValidationMessage.ERROR, self.t.render(error)))
            return validation
        for problem in problems:
            kind = ValidationMessage.ERROR if problem.is_error else ValidationMessage.WARNING
            validation.add(ValidationMessage(kind, self.t.render(problem.message)))
        for message in getattr(self, "grading_warnings", tuple)():  # noturiba.scoring: e.g. practice graded
            validation.add(ValidationMessage(ValidationMessage.WARNING, self.t.render(message)))
        return validation

    def apply_content(self, model):
        """Store a new model after Studio validation; raises HandlerError on errors."""
        errors = [p for p in self.content_api.validate(model) if p.is_error]
        if errors:
            raise HandlerError(errors[0].message)
        self.model_json = self.content_api.to_json(model)

    def dom_id(self):
        return "nt-" + hashlib.sha256(str(self.scope_ids.usage_id).encode()).hexdigest()[:10]

    @classmethod
    def scenarios_from_package(cls):
        """Workbench scenarios: every `scenarios/*.xml` file of the block's package, by name."""
        folder = resources.files(cls.__module__.split(".")[0]).joinpath("scenarios")
        files = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".xml")),
                       key=lambda entry: entry.name)
        scenarios = []
        for entry in files:
            xml = entry.read_text(encoding="utf-8")
            title = parse_string(xml).get("display_name") or entry.name
            scenarios.append((title, xml))
        return scenarios
