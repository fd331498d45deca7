"""The mediacheck XBlock: fields, views and handlers; logic lives in content, grading and views.

Scoring: `has_score` is a property, True in practice and assessment modes and
False in survey mode (survey blocks publish completion only, never a grade).
Grades are points of max_score() (the weight, noturiba.scoring); the kit's
clear_student_state handles "delete learner state".
Practice grades each item's first check only (`first_checks`, kept through a
reset): a check shows the answer, so checking again earns nothing. Assessment
keeps the best submitted attempt (`best`): a retake never lowers the grade. Every
graded answer is claimed in the database first (noturiba.attempts), so parallel
requests grade one answer per attempt.
Learner state is kept by item id; answers pointing at removed items, segments,
leads or verdicts are dropped when read (never a crash).
Surveys are anonymous (noturiba.survey): the verdicts go only to the kit's survey table under
the keyed learner key; user_state keeps no answer, no draft and no opened lead of a survey
(`submitted` holds empty entries, participation only), the learner's own answers are read back
from the table, report rows and events carry none, and Studio preview answers are not counted.
Exams: past the due date (noturiba.scoring graded_answer_refusal) no practice or
assessment handler that records answers or publishes a grade runs (check_item,
submit, new_attempt, save_answer, reset: 400, nothing saved); surveys stay open.
What is shown while `show_correctness` hides results is decided in views.
"""

from django.utils.safestring import mark_safe
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Scope

from noturiba import attempts, events
from noturiba.attempts import graded_attempt
from noturiba.base import ContentBlock
from noturiba.fragments import json_island
from noturiba.handlers import Arg, HandlerError, json_handler, validated
from noturiba.html import sanitize
from noturiba.messages import Message, PluralMessage
from noturiba.research.staff import ResearchReportMixin
from noturiba.scoring import ScoringMixin, attempts_left_message
from noturiba.secrecy import bound_learner
from noturiba.survey import policy

from . import attempt_rules, content, grading, views
from .aggregates import staff_aggregate as build_aggregate

ANSWER_FIELDS = {
    "verdict": Arg(str, required=False, max_length=100),
    "flags": Arg(list, required=False, max_items=500, items=Arg(str, max_length=20)),
    "leads": Arg(list, required=False, max_items=100, items=Arg(str, max_length=100)),
    "confidence": Arg(int, required=False, minimum=50, maximum=100),
}


def refuse(problem):
    """Answer 400 with `problem` (a Message), changing nothing; None: go on."""
    if problem is not None:
        raise HandlerError(problem)


class MediaCheckBlock(ResearchReportMixin, ScoringMixin, ContentBlock):
    """A fact-check exercise: learners mark red flags, open leads and pick a verdict."""

    content_api = content
    i18n_js_namespace = "NoturibaMediacheckI18n"
    block_settings_key = "mediacheck"
    has_custom_completion = True
    SETTING_LABELS = {**ContentBlock.SETTING_LABELS, "showanswer": Message("When learners see the answers")}

    answers = Dict(default={}, scope=Scope.user_state, help="Current answer per item id (drafts and checked).")
    opened = Dict(default={}, scope=Scope.user_state, help="Lead ids the learner opened, per item id.")
    checked = Dict(default={}, scope=Scope.user_state, help="Practice mode: item id -> score of the last check.")
    submitted = Dict(default={}, scope=Scope.user_state, help="Answers of the last submission (assessment, survey).")
    retrying = Boolean(default=False, scope=Scope.user_state,
                       help="Assessment: the learner started a new attempt after the last submission.")
    first_checks = Dict(default={}, scope=Scope.user_state,
                        help="Practice: item id -> the answer of its first check; only these are graded.")
    best = Dict(default={}, scope=Scope.user_state, help="Assessment: the answers of the attempt whose score is kept.")

    @property
    def has_score(self):
        try:
            return self.model.mode != "survey"
        except ValueError:
            return True

    workbench_scenarios = classmethod(lambda cls: cls.scenarios_from_package())

    # State, cleaned against the current content (attempt_rules) ----------------

    def _clean(self, stored):
        return attempt_rules.cleaned(self.model, stored)

    def is_survey(self):
        return self.model.mode == "survey"

    def survey_answers(self):
        """A survey learner's own answers, from the anonymous table (none in Studio preview)."""
        if policy.in_studio_preview(self):
            return {}
        from .aggregates import survey_answers
        return self._clean(survey_answers(self))

    def clean_answers(self):
        return self.survey_answers() if self.is_survey() else self._clean(self.answers)

    def clean_submitted(self):
        return self.survey_answers() if self.is_survey() else self._clean(self.submitted)

    def min_group(self):
        """The smallest group shown (noturiba.survey.policy: XBLOCK_SETTINGS["mediacheck"]["min_group"], else 5)."""
        return policy.min_group(self)

    def clean_checked(self):
        return attempt_rules.clean_checked(self.model, self.checked)

    def clean_opened(self):
        return attempt_rules.clean_opened(self.model, self.opened)

    def staff_aggregate(self):
        if self.model.mode != "survey" or not self.is_staff():
            return None
        aggregate = build_aggregate(self)
        waiting = PluralMessage("Results are shown once at least {count} learner has answered.",
                                "Results are shown once at least {count} learners have answered.",
                                aggregate["min_group"], count=aggregate["min_group"])
        return {**aggregate, "waiting_text": self.t.render(waiting), "research_url": self.research_url()}

    # What the pure views get -------------------------------------------------------

    def rich(self, markup):
        """Author markup for the page: /static/ links rewritten to the course's assets, sanitised."""
        return sanitize(self.static_urls(markup))

    def state(self, submitted=False):
        """The learner's state, cleaned once per request (`submitted`: the submitted answers too)."""
        answers = self.clean_answers()
        state = {"answers": answers, "opened": self.clean_opened(), "checked": self.clean_checked()}
        if submitted:
            state["submitted"] = answers if self.is_survey() else self._clean(self.submitted)
        return state

    def facts(self, aggregate=False):
        """Block facts for views (translated where they are sentences; None where they do not apply)."""
        model, render = self.model, self.t.render
        survey = model.mode == "survey"
        hidden = not survey and not self.correctness_available()
        refusal = None if survey else self.graded_answer_refusal()
        score = self.raw_earned
        facts = {
            "uid": self.dom_id(), "display_name": self.display_name, "namespace": self.i18n_js_namespace,
            "learner": self.learner_key(), "ui_lang": self.language_context()["ui_lang"],
            "results_hidden": render(self.results_hidden_message()) if hidden else None,
            "closed": render(refusal) if refusal is not None else None,
            "submitted": bool(self.submitted), "retrying": bool(self.retrying), "raw_earned": score,
            "can_submit": self.can_submit(), "pass_threshold": self.pass_threshold,
            "attempts_message": render(attempts_left_message(self.attempts_left())) if self.max_attempts else None,
            "reveal": model.mode == "assessment" and self.answer_available(correct=(score or 0.0) >= 0.9999),
        }
        if aggregate:
            facts["aggregate"] = self.staff_aggregate()
            facts["material_note"] = self.material_note()
        return facts

    def material_note(self):
        return views.material_note(self.model, self.t, show_correctness=getattr(self, "show_correctness", None),
                                   showanswer=getattr(self, "showanswer", None))

    def _card_html(self, view, facts, interactive=True, verdicts=None):
        context = views.card_context(self.model, view, facts=facts, translate=self.t, interactive=interactive,
                                     verdicts=verdicts)
        view["html"] = mark_safe(self.render_template("card.html", context))  # noqa: S308 - autoescaped template
        return view

    def _cards(self, items, state, facts, interactive=True):
        verdicts = views.verdict_options(self.model, self.t)
        return [self._card_html(views.card(self.model, item, number, len(items), state=state, facts=facts,
                                           translate=self.t, rich=self.rich, urls=self.static_urls),
                                facts, interactive, verdicts)
                for number, item in enumerate(items, start=1)]

    # Views -----------------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        model, state, facts = self.model, self.state(submitted=True), self.facts(aggregate=True)
        ctx, init_args, items = views.student(model, state, facts, self.t, self.rich)
        ctx["cards"] = self._cards(items, state, facts)
        ctx["feedback_island"], init_args["feedback_id"] = json_island(
            self, "feedback", views.due_feedback(model, state, facts, self.t, self.rich))
        html = self.render_template("student.html", ctx)
        return self.build_fragment(html, js=("mediacheck.js",), css=("mediacheck.css",),
                                   init="MediacheckStudent", init_args=init_args)

    def author_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view(author=True)
        html = self.render_template("author.html", views.author(
            self.model, display_name=self.display_name, problems=content.validate(self.model), translate=self.t,
            rich=self.rich))
        return self.build_fragment(html, css=("mediacheck.css",))

    def studio_view(self, context=None):
        """The form editor (items, flags, leads, images, preview, checks), then the kit's OLX editor below it."""
        facts = {"uid": self.dom_id(), "display_name": self.display_name, "namespace": self.i18n_js_namespace,
                 "settings": self.editable_settings(), "showanswer_choices": self.showanswer_choices()}
        ctx, init_args, island = views.studio(self.model, facts, self.t)
        ctx["model_island"], init_args["model_id"] = json_island(self, "studio-model", island, editor=True)
        html = self.render_template("studio.html", ctx) + self.olx_editor_fragment().content
        return self.build_fragment(html, js=("noturiba/olx_editor.js", "noturiba/studio.js",
                                             "mediacheck_studio_text.js", "mediacheck_studio_form.js",
                                             "mediacheck_studio.js"),
                                   css=("mediacheck.css", "mediacheck_studio.css"), init="MediacheckStudio",
                                   init_args=init_args)

    def public_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        facts = self.facts()
        sample = views.ordered_items(self.model, facts["learner"])[:1]
        html = self.render_template("public.html", {
            "display_name": self.display_name, "cards": self._cards(sample, self.state(), facts, interactive=False),
            "count": len(self.model.items), "uid": facts["uid"], "material_note": self.material_note(),
        })
        return self.build_fragment(html, css=("mediacheck.css",))

    def student_view_data(self, context=None):
        """Mobile / API: the public projection only (see README of the block: no answers)."""
        learner = self.learner_key() if bound_learner(self) else None
        data = content.public(self.model, self.t.gettext, lambda item: views.ordered_leads(item, learner))
        data.update(display_name=self.display_name, configured=self.is_configured(), language=self.content_language())
        data["material_note"] = " ".join(self.material_note()) or None
        return data

    # Handlers --------------------------------------------------------------------

    def _item(self, item_id):
        item = self.model.item(item_id)
        if item is None:
            raise HandlerError(Message("There is no item \"{id}\" in this exercise.", id=str(item_id)[:100]))
        return item

    def _answer(self, item, data, need_verdict):
        refuse(attempt_rules.answer_problem(self.model, item, data, need_verdict))
        return attempt_rules.answer(data, (self.opened or {}).get(item.id) or ())

    def _past_due(self):
        """Past the due date no graded answer is taken (practice and assessment; surveys publish no grade)."""
        return self.graded_answer_refusal() if self.model.mode != "survey" else None

    def practice_fraction(self, answers=None, checked=None, known=None):
        """Practice: the grade of each item's first check (states from before first checks: the checked answers).
        `answers`, `checked`: the clean state if read already; `known`: results graded in this request."""
        answers = self.clean_answers() if answers is None else answers
        checked = self.clean_checked() if checked is None else checked
        graded = attempt_rules.practice_graded(self.model, answers, checked, self.first_checks)
        return grading.grade(self.model, graded, known)[0]

    @json_handler
    def check_item(self, data, suffix=""):
        data = validated(data, item=Arg(str, max_length=100), **ANSWER_FIELDS)
        attempts.pin(self)
        refuse(attempt_rules.check_refusal(self.model.mode, self._past_due()))
        item = self._item(data["item"])
        answer = self._answer(item, data, need_verdict=True)
        result = grading.grade_item(self.model, item, answer)
        state = self.state()
        answers = dict(self.answers or {})
        answers[item.id] = answer
        if attempt_rules.first_check(item.id, self.first_checks, state["checked"]):
            with graded_attempt(self):
                self.first_checks = {**(self.first_checks or {}), item.id: answer}
                self.publish_attempt(self.practice_fraction(state["answers"], state["checked"], {item.id: result}))
        state["checked"] = {**state["checked"], item.id: result.score}
        self.answers, self.checked = answers, state["checked"]
        self.publish_completion(attempt_rules.completion(self.model, state["checked"]))
        events.emit(self, "item", "checked", item=item.id, score=round(result.score, 4))
        return views.check_response(self.model, item, answer, result, state=state, facts=self.facts(),
                                    translate=self.t, rich=self.rich)
    @json_handler
    def open_lead(self, data, suffix=""):
        data = validated(data, item=Arg(str, max_length=100), lead=Arg(str, max_length=100))
        item = self._item(data["item"])
        lead = next((lead for lead in item.leads if lead.id == data["lead"]), None)
        if lead is None:
            raise HandlerError(Message("There is no lead \"{id}\" in this item.", id=data["lead"][:100]))
        opened = dict(self.opened or {})
        if self.is_survey():
            pass  # which sources a survey learner opened is part of their answer: not kept, no event
        elif lead.id not in (opened.get(item.id) or []):
            opened[item.id] = [*(opened.get(item.id) or []), lead.id]
            self.opened = opened
            events.emit(self, "lead", "opened", item=item.id, lead=lead.id)
        return {"item": item.id, "lead": lead.id, "title": lead.title, "text": self.rich(lead.body)}

    @json_handler
    def save_answer(self, data, suffix=""):
        data = validated(data, item=Arg(str, max_length=100), **ANSWER_FIELDS)
        refuse(attempt_rules.save_refusal(self.model.mode, bool(self.submitted), self._past_due()))
        item = self._item(data["item"])
        answer = self._answer(item, data, need_verdict=False)  # a survey's is checked, but stays in the page
        if self.is_survey():
            return {"saved": False}
        self.answers = {**(self.answers or {}), item.id: answer}
        return {"saved": True}

    @json_handler
    def submit(self, data, suffix=""):
        data = validated(data, answers=Arg(dict, max_items=500, items=Arg(dict, max_items=10)))
        attempts.pin(self)
        mode = self.model.mode
        refuse(attempt_rules.submit_refusal(mode, submitted=bool(self.submitted), retrying=bool(self.retrying),
                                            can_submit=self.can_submit(), past_due=self._past_due()))
        answers = {}
        for item_id, raw in data["answers"].items():
            item = self._item(item_id)
            answers[item.id] = self._answer(item, validated(raw, **ANSWER_FIELDS), need_verdict=True)
        if attempt_rules.missing_items(self.model, answers):
            raise HandlerError(attempt_rules.CHOOSE_EVERY_VERDICT)
        if mode == "survey":
            return self._submit_survey(answers)
        with graded_attempt(self):
            self.answers, self.submitted, self.retrying = answers, answers, False
            self.attempts += 1
            score, results = grading.grade(self.model, answers)
            if self.publish_attempt(score, keep="best", complete=True):
                self.best = answers
        events.emit(self, "exercise", "submitted", mode=mode, items=len(answers), score=round(score, 4))
        state = {"answers": answers, "submitted": answers}
        return views.submit_response(self.model, state, self.facts(), self.t, self.rich, results)

    def _submit_survey(self, answers):
        """Record a survey's verdicts anonymously; user_state only learns that the learner answered."""
        if not policy.in_studio_preview(self):
            from .aggregates import record_survey
            record_survey(self, answers)
        self.submitted = {item_id: {} for item_id in answers}  # participation only, no answer
        self.answers, self.opened, self.retrying = {}, {}, False
        self.attempts += 1
        self.publish_completion(1.0)
        events.emit(self, "exercise", "submitted", mode="survey", items=len(answers))
        return {"submitted": True, "feedback": {}, "status": views.status(self.model, self.facts(), self.t),
                "completed": True}

    @json_handler
    def new_attempt(self, data, suffix=""):
        """Assessment: open a new attempt after a submission (answers stay as drafts, feedback is hidden)."""
        validated(data)
        refuse(attempt_rules.new_attempt_refusal(self.model.mode, submitted=bool(self.submitted),
                                                 retrying=bool(self.retrying), can_submit=self.can_submit(),
                                                 past_due=self._past_due()))
        self.retrying = True
        return {"status": views.status(self.model, self.facts(), self.t), "can_submit": True}

    @json_handler
    def reset(self, data, suffix=""):
        data = validated(data, item=Arg(str, required=False, max_length=100))
        refuse(attempt_rules.reset_refusal(self.model.mode, self._past_due()))
        ids = [self._item(data["item"]).id] if data["item"] else [item.id for item in self.model.items]
        self.answers = {k: v for k, v in (self.answers or {}).items() if k not in ids}
        self.checked = {k: v for k, v in self.clean_checked().items() if k not in ids}
        return {"reset": ids, "status": views.status(self.model, self.facts(), self.t)}

    # Scoring, reports --------------------------------------------------------------

    def calculate_score(self):
        """Rescore what play keeps: practice, each item's first check; assessment, the best of the kept
        attempt and the last submission (a state saved before best attempts were kept: its stored score)."""
        model = self.model
        if model.mode == "practice":
            return self.score_of(self.practice_fraction())
        kept = grading.grade(model, self._clean(self.best))[0] if self.best else (self.raw_earned or 0.0)
        return self.score_of(max(kept, grading.grade(model, self.clean_submitted())[0]))

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows for the instructor's problem responses report: one per learner who answered."""
        from .aggregates import report_rows
        yield from report_rows(self, user_state_iterator, limit_responses)
