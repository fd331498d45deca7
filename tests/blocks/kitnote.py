"""A tiny content block for testing the kit alone: a list of notes, one graded 'submit' handler."""

from dataclasses import dataclass

from xblock.core import XBlock

from noturiba import olx
from noturiba.base import ContentBlock
from noturiba.handlers import Arg, HandlerError, json_handler, validated
from noturiba.messages import ContentError, Message, Problem
from noturiba.scoring import ScoringMixin

TAG = "kitnote"
ATTRIBUTES = ("mode",)


@dataclass(frozen=True)
class Notes:
    mode: str
    notes: tuple


def parse(node):
    seen = set()
    notes = tuple((olx.required_id(child, seen), child.text or "") for child in olx.children(node, {"note"}))
    return Notes(olx.choice_attr(node, "mode", ("practice", "assessment"), "practice"), notes)


def to_node(model, node):
    olx.set_attrs(node, mode=model.mode)
    for note_id, text in model.notes:
        olx.sub_element(node, "note", text, id=note_id)


def to_json(model):
    return {"mode": model.mode, "notes": [list(note) for note in model.notes]}


def from_json(data):
    try:
        return Notes(data["mode"], tuple((str(i), str(t)) for i, t in data["notes"]))
    except (KeyError, TypeError, ValueError):
        raise ContentError(Message("The request must be a JSON object.")) from None


def validate(model):
    return [] if model.notes else [Problem("error", Message("The attribute id is required."))]


def public(model):
    return {"notes": [note_id for note_id, _text in model.notes]}


class KitNoteBlock(ScoringMixin, ContentBlock):
    content_api = __import__(__name__, fromlist=["parse"])
    has_score = True
    i18n_js_namespace = "NoturibaMediacheckI18n"

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        return self.build_fragment(f"<div class='noturiba'>{self.display_name}</div>")

    def studio_view(self, context=None):
        return self.olx_editor_fragment()

    @json_handler
    def submit(self, data, suffix=""):
        data = validated(data, score=Arg(float, minimum=0, maximum=1), fail=Arg(bool, required=False))
        self.attempts += 1
        self.publish_attempt(data["score"], complete=True)
        if data["fail"]:
            raise HandlerError(Message("The request is too large."))
        return {"attempts": self.attempts}

    def calculate_score(self):
        return self.get_score()
