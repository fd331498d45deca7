"""The workbench's stand-in for ORA2's <openassessment>, which is not installed here.

It says, in the learner's language, that the task is an open response a trainer assesses
in Open edX, and shows the task's prompt, so a course unit holding only an ORA is not empty.
The note is the kit's msgid noturiba.courses.ora.ORA_NOTE; the kit's messages are compiled
into every block's catalog (tools/i18n.py), so civicquiz's catalog is read for it.
"""

import html
from importlib.metadata import EntryPoint

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String

from noturiba.courses.ora import ORA_NOTE
from noturiba.html import sanitize
from noturiba.i18n import Translator, package_catalog

NOTE_TAG = "noturiba_ora_note"
CATALOG_PACKAGE = "civicquiz"


class OpenResponseNoteBlock(XBlock):
    display_name = String(scope=Scope.settings, default="")
    prompt = String(scope=Scope.content, default="")
    prompts_type = String(scope=Scope.content, default="html")

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        block.display_name = node.get("display_name", "")
        block.prompts_type = node.get("prompts_type", "html")
        block.prompt = node.text or ""
        return block

    def student_view(self, context=None):
        from django.utils import translation
        locale = translation.to_locale(translation.get_language() or "lv")
        note = Translator(None, package_catalog(CATALOG_PACKAGE, locale)).gettext(ORA_NOTE)
        if self.prompts_type == "html":
            prompt = sanitize(self.prompt)
        else:
            prompt = "".join(f"<p>{html.escape(line)}</p>" for line in self.prompt.splitlines() if line.strip())
        title = f"<h3>{html.escape(self.display_name)}</h3>" if self.display_name else ""
        return Fragment(f'<div class="noturiba-ora-note">{title}<p><em>{html.escape(note)}</em></p>'
                        f'<div class="noturiba-ora-prompt">{prompt}</div></div>')


def register():
    """Make XBlock.load_class find the note (once; the workbench has no entry point for it)."""
    if any(name == NOTE_TAG for name, _entry in XBlock.extra_entry_points):
        return
    XBlock.extra_entry_points.append(
        (NOTE_TAG, EntryPoint(NOTE_TAG, f"{__name__}:OpenResponseNoteBlock", "xblock.v1")))


register()
