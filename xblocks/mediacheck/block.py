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

from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Scope

from noturiba import attempts, events
from noturiba.attempts import graded_attempt
from noturiba.base import ContentBlock
from noturiba.handlers import Field, HandlerError, json_handler, validated
from noturiba.html import sanitize
from noturiba.messages import Message
from noturiba.scoring import ScoringMixin
from noturiba.secrecy import bound_learner
from noturiba.survey import policy

from . import content, grading, views
from .aggregate import staff_aggregate as build_aggregate

ANSWER_FIELDS = {
    "verdict": Field(str, required=False, max_length=100),
    "flags": Field(list, required=False, max_items=500, items=Field(str, max_length=20)),
    "leads": Field(list, required=False, max_items=100, items=Field(str, max_length=100)),
    "confidence": Field(int, required=False, minimum=50, maximum=100),
}


class MediaCheckBlock(ScoringMixin, ContentBlock):
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

    # State, cleaned against the current content ---------------------------------

    def _clean_answer(self, item, answer):
        if not isinstance(answer, dict):
            return None
        segments = content.segment_flags(item.body)
        lead_ids = {lead.id for lead in item.leads}
        verdict = answer.get("verdict")
        confidence = answer.get("confidence")
        return {
            "verdict": verdict if verdict in {v.id for v in self.model.scale} else None,
            "flags": [s for s in answer.get("flags") or () if s in segments],
            "leads": [lead for lead in answer.get("leads") or () if lead in lead_ids],
            "confidence": confidence if isinstance(confidence, int) and 50 <= confidence <= 100 else None,
        }

    def _clean(self, stored):
        result = {}
        for item in self.model.items:
            cleaned = self._clean_answer(item, (stored or {}).get(item.id))
            if cleaned is not None:
                result[item.id] = cleaned
        return result

    def is_survey(self):
        return self.model.mode == "survey"

    def survey_answers(self):
        """A survey learner's own answers, from the anonymous table (none in Studio preview)."""
        if policy.in_studio_preview(self):
            return {}
        from .aggregate import survey_answers
        return self._clean(survey_answers(self))

    def clean_answers(self):
        return self.survey_answers() if self.is_survey() else self._clean(self.answers)

    def clean_submitted(self):
        return self.survey_answers() if self.is_survey() else self._clean(self.submitted)

    def min_group(self):
        """The smallest group shown (noturiba.survey.policy: XBLOCK_SETTINGS["mediacheck"]["min_group"], else 5)."""
        return policy.min_group(self)

    def clean_checked(self):
        return {item.id: self.checked[item.id] for item in self.model.items if item.id in self.checked}

    def clean_opened(self):
        result = {}
        for item in self.model.items:
            ids = {lead.id for lead in item.leads}
            kept = [lead for lead in (self.opened or {}).get(item.id) or () if lead in ids]
            if kept:
                result[item.id] = kept
        return result

    def staff_aggregate(self):
        if self.model.mode != "survey" or not self.is_staff():
            return None
        return build_aggregate(self)

    # Views -----------------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        ctx, init_args = views.student(self)
        ctx["what_counts"] = [self.t.render(line) for line in grading.what_counts(self.model)]
        init_args["passed"] = views.passed(self)
        html = self.render_template("student.html", ctx)
        return self.build_fragment(html, js=("mediacheck.js",), css=("mediacheck.css",),
                                   init="MediacheckStudent", init_args=init_args)

    def author_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view(author=True)
        gettext = self.t.gettext
        items = views.author_summary(self)
        for item in items:
            item["kind"] = gettext(views.KIND_LABELS.get(item["kind"], item["kind"]))
        html = self.render_template("author.html", {
            "display_name": self.display_name, "mode": gettext(views.MODE_LABELS[self.model.mode]), "items": items,
            "problems": [self.t.render(p.message) for p in content.validate(self.model)],
        })
        return self.build_fragment(html, css=("mediacheck.css",))

    def studio_view(self, context=None):
        """The form editor (items, flags, leads, images, preview, checks), then the kit's OLX editor below it."""
        ctx, init_args = views.studio(self)
        html = self.render_template("studio.html", ctx) + self.olx_editor_fragment().content
        return self.build_fragment(html, js=("noturiba/olx_editor.js", "mediacheck_studio_text.js",
                                             "mediacheck_studio_form.js", "mediacheck_studio.js"),
                                   css=("mediacheck.css", "mediacheck_studio.css"), init="MediacheckStudio",
                                   init_args=init_args)

    def public_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        sample = views.ordered_items(self)[:1]
        cards = [views.card(self, item, 1, 1, interactive=False) for item in sample]
        html = self.render_template("public.html", {
            "display_name": self.display_name, "cards": cards, "count": len(self.model.items),
            "uid": self.dom_id(),
        })
        return self.build_fragment(html, css=("mediacheck.css",))

    def student_view_data(self, context=None):
        """Mobile / API: the public projection only (see README of the block: no answers)."""
        learner = self.learner_key() if bound_learner(self) else None
        data = content.public(self.model, self.t.gettext, lambda item: views.ordered_leads(item, learner))
        data.update(display_name=self.display_name, configured=self.is_configured(), language=self.content_language())
        return data

    # Handlers --------------------------------------------------------------------

    def _item(self, item_id):
        item = self.model.item(item_id)
        if item is None:
            raise HandlerError(Message("There is no item \"{id}\" in this exercise.", id=str(item_id)[:100]))
        return item

    def _answer(self, item, data, need_verdict):
        segments = content.segment_flags(item.body)
        for segment in data.get("flags") or ():
            if segment not in segments:
                raise HandlerError(Message("There is no text part \"{id}\" in this item.", id=segment[:20]))
        lead_ids = {lead.id for lead in item.leads}
        for lead in data.get("leads") or ():
            if lead not in lead_ids:
                raise HandlerError(Message("There is no lead \"{id}\" in this item.", id=lead[:100]))
        verdict = data.get("verdict")
        if verdict is not None and verdict not in {v.id for v in self.model.scale}:
            raise HandlerError(Message("There is no verdict \"{id}\" on this scale.", id=verdict[:100]))
        if need_verdict and not verdict:
            raise HandlerError(Message("Choose a verdict for every item first."))
        opened = set((self.opened or {}).get(item.id) or ())
        return {"verdict": verdict, "flags": list(dict.fromkeys(data.get("flags") or ())),
                "leads": sorted(opened | set(data.get("leads") or ())), "confidence": data.get("confidence")}

    def _refuse_past_due(self):
        """Past the due date no graded answer is taken (practice and assessment; surveys publish no grade)."""
        refusal = self.graded_answer_refusal() if self.model.mode != "survey" else None
        if refusal is not None:
            raise HandlerError(refusal)

    def practice_fraction(self):
        """Practice: the grade of each item's first check (states from before first checks: the checked answers)."""
        answers = self.clean_answers()
        graded = {item_id: answers[item_id] for item_id in self.clean_checked() if item_id in answers}
        graded.update(self._clean(self.first_checks))
        return grading.grade(self.model, graded)[0]

    @json_handler
    def check_item(self, data, suffix=""):
        data = validated(data, item=Field(str, max_length=100), **ANSWER_FIELDS)
        attempts.pin(self)
        if self.model.mode != "practice":
            raise HandlerError(Message("In this exercise, answers are checked when you submit them all."))
        self._refuse_past_due()
        item = self._item(data["item"])
        answer = self._answer(item, data, need_verdict=True)
        result = grading.grade_item(self.model, item, answer)
        answers = dict(self.answers or {})
        answers[item.id] = answer
        checked = {**self.clean_checked(), item.id: result.score}
        if item.id not in (self.first_checks or {}) and item.id not in self.clean_checked():
            with graded_attempt(self):
                self.first_checks = {**(self.first_checks or {}), item.id: answer}
                self.keep_score(self.practice_fraction())
        self.answers, self.checked = answers, checked
        self.runtime.publish(self, "completion", {"completion": round(len(checked) / len(self.model.items), 4)})
        events.emit(self, "item", "checked", item=item.id, score=round(result.score, 4))
        return views.check_response(self, item, answer)

    @json_handler
    def open_lead(self, data, suffix=""):
        data = validated(data, item=Field(str, max_length=100), lead=Field(str, max_length=100))
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
        return {"item": item.id, "lead": lead.id, "title": lead.title,
                "text": sanitize(self.static_urls(lead.body))}

    @json_handler
    def save_answer(self, data, suffix=""):
        data = validated(data, item=Field(str, max_length=100), **ANSWER_FIELDS)
        if self.model.mode == "survey" and self.submitted:
            raise HandlerError(Message("Your answers are already recorded."))
        self._refuse_past_due()
        item = self._item(data["item"])
        if self.is_survey():
            self._answer(item, data, need_verdict=False)  # checked, but a survey draft stays in the page
            return {"saved": False}
        answers = dict(self.answers or {})
        answers[item.id] = self._answer(item, data, need_verdict=False)
        self.answers = answers
        return {"saved": True}

    @json_handler
    def submit(self, data, suffix=""):
        data = validated(data, answers=Field(dict, max_items=500, items=Field(dict, max_items=10)))
        attempts.pin(self)
        mode = self.model.mode
        if mode == "practice":
            raise HandlerError(Message("In practice mode, check each item on its own."))
        if mode == "survey" and self.submitted:
            raise HandlerError(Message("Your answers are already recorded."))
        self._refuse_past_due()
        if mode == "assessment" and not self.can_submit():
            raise HandlerError(Message("You have used all your attempts."))
        if mode == "assessment" and self.submitted and not self.retrying:
            raise HandlerError(Message("These answers are already submitted. Start a new attempt to answer again."))
        answers = {}
        for item_id, raw in data["answers"].items():
            item = self._item(item_id)
            answers[item.id] = self._answer(item, validated(raw, **ANSWER_FIELDS), need_verdict=True)
        if set(answers) != {item.id for item in self.model.items}:
            raise HandlerError(Message("Choose a verdict for every item first."))
        if mode == "assessment":
            with graded_attempt(self):
                self.answers, self.submitted, self.retrying = answers, answers, False
                self.attempts += 1
                score, _results = grading.grade(self.model, answers)
                if self.keep_best(score):
                    self.best = answers
            events.emit(self, "exercise", "submitted", mode=mode, items=len(answers), score=round(score, 4))
            return views.submit_response(self)
        if mode == "survey":
            return self._submit_survey(answers)
        raise HandlerError(Message("In practice mode, check each item on its own."))

    def _submit_survey(self, answers):
        """Record a survey's verdicts anonymously; user_state only learns that the learner answered."""
        if not policy.in_studio_preview(self):
            from .aggregate import record_survey
            record_survey(self, answers)
        self.submitted = {item_id: {} for item_id in answers}  # participation only, no answer
        self.answers, self.opened, self.retrying = {}, {}, False
        self.attempts += 1
        self.runtime.publish(self, "completion", {"completion": 1.0})
        events.emit(self, "exercise", "submitted", mode="survey", items=len(answers))
        return {"submitted": True, "feedback": {}, "status": views.status(self), "completed": True}

    @json_handler
    def new_attempt(self, data, suffix=""):
        """Assessment: open a new attempt after a submission (answers stay as drafts, feedback is hidden)."""
        validated(data)
        if self.model.mode != "assessment" or not self.submitted or self.retrying:
            raise HandlerError(Message("There is no submitted attempt to start again from."))
        self._refuse_past_due()
        if not self.can_submit():
            raise HandlerError(Message("You have used all your attempts."))
        self.retrying = True
        return {"status": views.status(self), "can_submit": True}

    @json_handler
    def reset(self, data, suffix=""):
        data = validated(data, item=Field(str, required=False, max_length=100))
        if self.model.mode != "practice":
            raise HandlerError(Message("Only practice exercises can be reset."))
        self._refuse_past_due()
        ids = [self._item(data["item"]).id] if data["item"] else [item.id for item in self.model.items]
        self.answers = {k: v for k, v in (self.answers or {}).items() if k not in ids}
        self.checked = {k: v for k, v in self.clean_checked().items() if k not in ids}
        return {"reset": ids, "status": views.status(self)}

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
        from .aggregate import report_rows
        yield from report_rows(self, user_state_iterator, limit_responses)
