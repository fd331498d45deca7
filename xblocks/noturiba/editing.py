"""The Studio editor's server side, shared by every content block: the OLX view, the form's JSON, the
scoring settings a form shows, and the handlers both post to (save_olx, convert_olx, save_content,
check_content). A mixin of ContentBlock (noturiba/base.py), which stores what they accept
(apply_content) and lets only authors call them (AUTHORING_HANDLERS)."""

from copy import copy

from lxml import etree

from .fragments import render_kit_template
from .handlers import Arg, HandlerError, json_handler, validated
from .messages import Message
from .olx import MAX_OLX_BYTES, OlxError, error_at, local_name, parse_string
from .scoring import SETTING_LABELS, SHOWANSWER_CHOICES, showanswer_choices

MAX_EDITOR_ITEMS = 5000


class EditorMixin:
    """Needs content_api, model, apply_content, display_name, dom_id, t, i18n_js_namespace and build_fragment."""

    # The OLX editor: every block's "Advanced" Studio view and the fallback editor.

    def olx_text(self, model):
        """`model` as the OLX text Studio's OLX view shows."""
        node = etree.Element(self.content_api.TAG)
        self.content_api.to_node(model, node)
        return etree.tostring(node, encoding="unicode", pretty_print=True)

    def parse_olx_text(self, text):
        """The model of OLX text from Studio's OLX view; raises HandlerError (translated) on bad OLX."""
        try:
            root = parse_string(text)
            if local_name(root.tag) != self.content_api.TAG:
                raise error_at(root, Message("The root element must be <{tag}>.", tag=self.content_api.TAG))
            return self.content_api.parse(root)
        except OlxError as error:
            raise HandlerError(error) from None

    def olx_editor_html(self):
        """The OLX editor's markup, for Studio views that put a form editor above it."""
        return render_kit_template(self, "olx_editor.html", {
            "display_name": self.display_name, "olx": self.olx_text(self.model), "uid": self.dom_id(),
        })

    def olx_editor_fragment(self):
        html = self.olx_editor_html()
        return self.build_fragment(html, js=("noturiba/olx_editor.js",), init="NoturibaOlxEditor",
                                   init_args={"namespace": self.i18n_js_namespace})

    def editor_model(self, data):
        """The model of the form's JSON; raises HandlerError with the content module's message."""
        try:
            return self.content_api.from_json(data or {})
        except ValueError as error:  # the content module's ContentError, with its Message
            raise HandlerError(error) from None

    @json_handler
    def save_olx(self, data, suffix=""):
        data = validated(data, display_name=Arg(str, max_length=200), olx=Arg(str, max_length=MAX_OLX_BYTES))
        self.apply_content(self.parse_olx_text(data["olx"]))
        self.display_name = data["display_name"].strip() or self.display_name
        return {"saved": True}

    @json_handler
    def convert_olx(self, data, suffix=""):
        """Studio's editor switches views: the form's JSON as OLX, or OLX as the form's JSON. Saves nothing.

        The editor has one save (save_content), whichever view is shown, so neither view can
        write a stale copy over the other.
        """
        data = validated(data, content=Arg(dict, required=False, max_items=MAX_EDITOR_ITEMS),
                         olx=Arg(str, required=False, max_length=MAX_OLX_BYTES))
        if data["olx"] is not None:
            return {"content": self.content_api.to_json(self.parse_olx_text(data["olx"]))}
        return {"olx": self.olx_text(self.editor_model(data["content"]))}

    # The form editors of the blocks post the model's JSON here.

    @json_handler
    def save_content(self, data, suffix=""):
        data = validated(data, display_name=Arg(str, max_length=200), content=Arg(dict, max_items=MAX_EDITOR_ITEMS),
                         settings=Arg(dict, required=False, max_items=10))
        model = self.editor_model(data["content"])
        settings = self.checked_settings(data["settings"] or {})
        self.apply_content(model)
        for name, value in settings.items():
            setattr(self, name, value)
        self.display_name = data["display_name"].strip() or self.display_name
        warnings = [self.t.render(p.message) for p in self.content_api.validate(model) if not p.is_error]
        return {"saved": True, "warnings": warnings}

    @json_handler
    def check_content(self, data, suffix=""):
        """Validate editor JSON without saving: Studio shows the problems as the trainer types."""
        data = validated(data, content=Arg(dict, max_items=MAX_EDITOR_ITEMS))
        try:
            model = self.content_api.from_json(data["content"])
        except ValueError as error:
            return {"problems": [{"severity": "error", "message": self.t.render(error), "id": None}]}
        return {"problems": [
            {"severity": p.severity, "message": self.t.render(p.message), "id": p.node_id}
            for p in self.content_api.validate(model)
        ]}

    # The scoring settings of the form editors.

    EDITABLE_SETTINGS = {
        "weight": Arg(float, required=False, minimum=0, maximum=1000),
        "max_attempts": Arg(int, required=False, minimum=1, maximum=1000),
        "showanswer": Arg(str, required=False, choices=SHOWANSWER_CHOICES),
        "pass_threshold": Arg(float, required=False, minimum=0, maximum=1),
    }

    # The labels the block's Studio form shows for these settings (errors name a setting by it).
    SETTING_LABELS = SETTING_LABELS

    def editable_settings(self):
        """The current values of the scoring settings a form editor shows (only fields this block has)."""
        return {name: getattr(self, name) for name in self.EDITABLE_SETTINGS if name in self.fields}

    def showanswer_choices(self):
        """The form's choices of `showanswer`: [[stored value, label in the author's language]]."""
        return showanswer_choices(self.t.gettext)

    def checked_settings(self, settings):
        """The scoring settings a form editor sent, checked; only fields this block has."""
        fields = {name: copy(spec) for name, spec in self.EDITABLE_SETTINGS.items() if name in self.fields}
        for name, spec in fields.items():
            spec.label = self.SETTING_LABELS.get(name)
        values = validated(settings, **fields)
        # Only what was sent changes; an explicit null max_attempts means unlimited.
        return {name: value for name, value in values.items()
                if name in settings and (value is not None or name == "max_attempts")}
