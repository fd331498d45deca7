"""Sanitiser, translatable messages, showanswer rules and event names."""

import pytest

from noturiba import events, html
from noturiba.messages import Message, PluralMessage
from noturiba.scoring import answer_available


def test_sanitiser_keeps_the_allowed_subset_and_drops_scripts():
    dirty = ('<p onclick="x()">Teksts <strong>svarīgs</strong> <a href="javascript:alert(1)">a</a>'
             '<a href="https://www.vugd.gov.lv">VUGD</a><script>alert(1)</script>'
             '<img src="x.png" onerror="alert(1)" alt="attēls"><span lang="ru">текст</span></p>')
    clean = html.sanitize(dirty)
    assert "<strong>svarīgs</strong>" in clean
    assert 'href="https://www.vugd.gov.lv"' in clean and 'rel="noopener noreferrer"' in clean
    assert "script" not in clean and "onerror" not in clean and "onclick" not in clean
    assert "javascript:" not in clean
    assert '<span lang="ru">текст</span>' in clean


def test_images_without_alt_are_found():
    assert html.images_without_alt('<img src="a.png" alt="Ūdens pudeles">') == []
    assert len(html.images_without_alt('<p><img src="a.png"><img src="b.png" alt=" "></p>')) == 2


def test_messages_render_with_a_translation_and_fall_back_on_a_broken_one():
    message = Message("Item {item} has no verdict.", item="flood")
    assert str(message) == "Item flood has no verdict."
    assert message.render(lambda s: "Vienumam {item} nav vērtējuma.") == "Vienumam flood nav vērtējuma."
    assert message.render(lambda s: "Vienumam {prece} nav.") == "Item flood has no verdict."


def test_plural_messages_pick_the_form_from_the_count():
    forms = ("{n} jautājums", "{n} jautājumi", "{n} jautājumu")

    def ngettext(singular, plural, n):
        index = 0 if n % 10 == 1 and n % 100 != 11 else (1 if n != 0 else 2)
        return forms[index]
    counts = (1, 21, 2, 11, 0)
    rendered = [PluralMessage("{n} question", "{n} questions", n, n=n).render(None, ngettext) for n in counts]
    assert rendered == ["1 jautājums", "21 jautājums", "2 jautājumi", "11 jautājumi", "0 jautājumu"]
    assert str(PluralMessage("{n} question", "{n} questions", 3, n=3)) == "3 questions"


@pytest.mark.parametrize(("policy", "state", "expected"), [
    ("always", {}, True),
    ("never", {"attempts": 5, "correct": True, "past_due": True}, False),
    ("finished", {"attempts": 1, "max_attempts": 2}, False),
    ("finished", {"attempts": 2, "max_attempts": 2}, True),
    ("finished", {"attempts": 1, "correct": True}, True),
    ("attempted", {"attempts": 1}, True),
    ("attempted", {}, False),
    ("closed", {"past_due": True}, True),
    ("closed", {"attempts": 3}, False),
    ("answered", {"attempts": 1, "correct": False}, False),
    ("after_all_attempts", {"attempts": 2, "max_attempts": 3}, False),
    ("past_due", {"attempts": 9, "correct": True}, False),
    ("nonsense", {"attempts": 9, "correct": True}, False),
])
def test_showanswer_follows_the_platform_meaning(policy, state, expected):
    values = {"attempts": 0, "max_attempts": None, "correct": False, "past_due": False, **state}
    assert answer_available(policy, **values) is expected


def test_event_names_follow_the_guide_and_refuse_personal_data():
    assert events.event_name("mediacheck", "item", "checked") == "noturiba.mediacheck.item.checked"
    with pytest.raises(ValueError):
        events.event_name("mediacheck", "item", "check")

    class Recorder:
        def __init__(self):
            self.calls = []

        def publish(self, block, name, data):
            self.calls.append((name, data))

    class Block:
        runtime = Recorder()
        scope_ids = type("Ids", (), {"block_type": "civicquiz"})()
    block = Block()
    events.emit(block, "survey", "answered", question_count=3)
    assert block.runtime.calls == [("noturiba.civicquiz.survey.answered", {"question_count": 3})]
    with pytest.raises(ValueError, match="personal"):
        events.emit(block, "survey", "answered", username="anna")


def test_a_handler_argument_spec_does_not_shadow_xblock_fields():
    """handlers.Arg describes one key of a handler's JSON; `Field` is XBlock's (xblock.fields.Field)."""
    from xblock.fields import Field

    from noturiba import handlers
    assert not hasattr(handlers, "Field")
    assert handlers.validated({"n": 3}, n=handlers.Arg(int, maximum=5)) == {"n": 3}
    with pytest.raises(handlers.HandlerError):
        handlers.validated({"n": 9}, n=handlers.Arg(int, maximum=5))
    assert not issubclass(handlers.Arg, Field)
