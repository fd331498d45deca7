"""mediacheck's view models are pure: the model, the learner's state and block facts in, JSON out (no block)."""

from mediacheck import attempt_rules, content, views
from noturiba.html import sanitize
from noturiba.i18n import Translator
from noturiba.olx import parse_string

OLX = """<mediacheck mode="{mode}">
  <item id="a" verdict="misleading"><body>Sākums. <flag id="f1" note="x">PIRMAIS!</flag> beigas.</body>
    <lead id="u1" useful="true" title="t">Avots <b>teksts</b></lead>
    <explanation><p>Paskaidrojums.</p><source href="https://a.example" title="A"/></explanation></item>
  <item id="b" verdict="accurate"><body>Patiess teksts.</body></item>
</mediacheck>"""


def model(mode="practice"):
    return content.parse(parse_string(OLX.format(mode=mode)))


def facts(**changes):
    return {"uid": "u", "display_name": "D", "namespace": "N", "learner": "learner", "ui_lang": "en",
            "results_hidden": None, "closed": None, "submitted": False, "retrying": False, "raw_earned": None,
            "can_submit": True, "pass_threshold": 0.7, "attempts_message": None, "reveal": False,
            "aggregate": None, "material_note": [], **changes}


def state(m, answers=None, checked=None, opened=None):
    answers = attempt_rules.cleaned(m, answers)
    return {"answers": answers, "opened": attempt_rules.clean_opened(m, opened),
            "checked": attempt_rules.clean_checked(m, checked), "submitted": answers}


def test_a_practice_page_shows_checked_feedback_and_the_score_from_facts_alone():
    m = model()
    s = state(m, {"a": {"verdict": "false", "flags": ["s1"]}}, {"a": 0.3}, {"a": ["u1"]})
    context, init_args, items = views.student(m, s, facts(raw_earned=0.15), Translator(), sanitize)
    assert context["status"] == ["Your score: 15\u00a0%."] and init_args["checked"] == ["a"]
    feedback = views.due_feedback(m, s, facts(), Translator(), sanitize)
    assert feedback["a"]["verdict"] == "misleading" and feedback["a"]["sources"] == [
        {"href": "https://a.example", "title": "A"}]
    card = views.card(m, items[0], 1, 2, state=s, facts=facts(), translate=Translator(), rich=sanitize,
                      urls=lambda url: url)
    assert "verdict" not in card and card["heading"] == "Item 1 of 2"


def test_while_results_are_hidden_no_feedback_and_no_score_reach_the_page():
    m = model("assessment")
    s = state(m, {"a": {"verdict": "false"}, "b": {"verdict": "accurate"}})
    hidden = facts(results_hidden="Hidden.", submitted=True, raw_earned=0.5, reveal=True)
    assert views.due_feedback(m, s, hidden, Translator(), sanitize) == {}
    response = views.submit_response(m, s, hidden, Translator(), sanitize)
    assert response["status"] == ["Hidden."] and response["passed"] is None
    shown = views.submit_response(m, s, {**hidden, "results_hidden": None}, Translator(), sanitize)
    assert set(shown["feedback"]) == {"a", "b"} and shown["passed"] is False
