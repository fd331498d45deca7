"""The civicquiz XBlock: civic quizzes (practice, assessment) and surveys; thin glue over the pure modules.

Scoring: `has_score` is a property, False in survey mode (a survey in a graded
subsection must not count as 0 points) and True otherwise; surveys publish
completion only. Practice mode never counts attempts (unlimited checks) but grades
only each question's first check (`first_checks`); assessment counts one attempt per
submit and keeps the best attempt (`best`); the rules are in attempt_rules.py. Every
graded answer is claimed in the database first (noturiba.attempts), so parallel
submits grade one attempt.
Grades are points of max_score() (the weight, noturiba.scoring); the kit's
clear_student_state handles "delete learner state".

Exams (the inherited `show_correctness` and due date): while correctness_available()
is False the learner reads the kit's results_hidden_message() instead of any score,
verdict, CBM mark, pass or answer (grades are still published); past the due date
save_answer, check, submit and new_attempt of the graded modes refuse with the kit's
graded_answer_refusal() and the page says so instead of offering them. Surveys keep
taking answers.

Platform settings: `block_settings_key = "civicquiz"`, so the settings service
hands the block XBLOCK_SETTINGS["civicquiz"] (its "min_group": survey_mode.py).

Survey mode, anonymous (sending a survey, the tallies learners see): survey_mode.py.

Studio: studio_view is a form editor of the question bank (public/civicquiz_studio.js,
posting the model's JSON to the kit's save_content, live checks through check_content)
above the kit's OLX editor. Staff results: staff.py.
"""


from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Integer, Scope

from noturiba import attempts, events
from noturiba.attempts import graded_attempt
from noturiba.base import ContentBlock
from noturiba.fragments import json_island
from noturiba.handlers import Arg, HandlerError, json_handler, validated
from noturiba.html import plain_text
from noturiba.messages import Message, percent
from noturiba.research.staff import ResearchReportMixin
from noturiba.scoring import ScoringMixin, attempts_left_message
from noturiba.secrecy import bound_learner
from noturiba.survey import policy

from . import aggregates, attempt_rules, content, grading, views
from .question_types import TYPES
from .staff import StaffMixin
from .survey_mode import SurveyModeMixin


class CivicQuizBlock(StaffMixin, SurveyModeMixin, ResearchReportMixin, ScoringMixin, ContentBlock):
    """A civic quiz, poll or survey (OLX: docs/OLX.md, civicquiz)."""

    content_api = content
    i18n_js_namespace = "NoturibaCivicquizI18n"
    block_settings_key = "civicquiz"  # XBLOCK_SETTINGS["civicquiz"] reaches the block through the settings service
    has_custom_completion = True

    answers = Dict(default={}, scope=Scope.user_state, help="The learner's answers by question id (drafts too).")
    certainties = Dict(default={}, scope=Scope.user_state, help="Certainty 1..3 by question id (CBM).")
    checked = Dict(default={}, scope=Scope.user_state, help="Practice: the last checked score by question id.")
    results = Dict(default={}, scope=Scope.user_state, help="Assessment: scores of the last submission.")
    submitted = Boolean(default=False, scope=Scope.user_state, help="Whether the current attempt is submitted.")
    draw_round = Integer(default=0, scope=Scope.user_state, help="Which draw the learner is on (seeds the draw).")
    first_checks = Dict(default={}, scope=Scope.user_state,
                        help="Practice: each question's first check {answer, certainty}; only these are graded.")
    best = Dict(default={}, scope=Scope.user_state,
                help="Assessment: the attempt whose score is kept {answers, certainties, round}.")

    workbench_scenarios = classmethod(lambda cls: cls.scenarios_from_package())

    @property
    def has_score(self):
        try:
            return self.model.mode != "survey"
        except ValueError:
            return True

    # Learner context -----------------------------------------------------------

    def block_id(self):
        from noturiba.survey import store
        return store.block_key(self.scope_ids.usage_id)

    def layout(self):
        return views.learner_layout(self.model, self.learner_key(), self.draw_round)

    def known_answers(self, layout):
        """Saved answers of the drawn questions that still fit the content (others dropped).

        A survey keeps none in user_state: the learner's own answers are read back from their
        anonymous rows (none in Studio preview, where nothing is recorded)."""
        if self.model.mode == "survey":
            if policy.in_studio_preview(self):
                return {}
            stored = aggregates.survey_answers(self.block_id(), self.learner_key(), layout.questions)
            return attempt_rules.valid_answers(layout, stored)
        return attempt_rules.valid_answers(layout, self.answers)

    def learner_answer(self, layout, question_id, answer):
        q = layout.question(question_id)
        if q is None:
            raise HandlerError(Message("There is no question {id} in this quiz.", id=str(question_id)[:100]))
        mapped = layout.from_learner(q, answer)
        if mapped is None:
            raise HandlerError(Message("The answer to question {id} has the wrong form.", id=q.id))
        try:
            return q, grading.normalize(q, mapped)
        except grading.AnswerError as error:
            raise HandlerError(error.message) from None

    def hidden_text(self):
        """The notice shown instead of scores while show_correctness hides them, else None (surveys: None)."""
        if self.model.mode == "survey" or self.correctness_available():
            return None
        return self.t.render(self.results_hidden_message())

    def refuse_past_due(self):
        """Past the due date a graded mode takes no answer (HandlerError: 400, nothing saved)."""
        refusal = self.graded_answer_refusal() if self.model.mode != "survey" else None
        if refusal is not None:
            raise HandlerError(refusal)

    def certainty_of(self, value):
        problem = attempt_rules.certainty_problem(self.model.certainty, value)
        if problem is not None:
            raise HandlerError(problem)
        return value if self.model.certainty else None

    # Views -----------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        model, layout = self.model, self.layout()
        answers = self.known_answers(layout)
        total = len(layout.questions)
        questions = [views.question_view(q, layout, n, total, answers.get(q.id), self.certainties.get(q.id))
                     for n, q in enumerate(layout.questions, start=1)]
        for view in questions:
            view["legend"] = self.t.render(views.legend_message(view["number"], total))
        progress = views.progress_message(len(answers), total)
        pass_text = Message("Pass mark: {percent}.", percent=percent(self.pass_threshold * 100))
        closed = self.graded_answer_refusal() if model.mode != "survey" else None
        ctx = {"display_name": self.display_name, "uid": self.dom_id(), "mode": model.mode,
               "questions": questions, "certainty": model.certainty, "total": total,
               "progress_text": self.t.render(progress), "pass_text": self.t.render(pass_text),
               "staff_html": self.staff_html() if self.is_staff() else "",
               "attempts_text": self.attempts_text(), "submitted": self.submitted,
               "hidden_text": self.hidden_text() or "", "closed_text": self.t.render(closed) if closed else ""}
        state_island, state_id = json_island(self, "state", self.learner_state(layout, answers))
        html = self.render_template("student.html", {**ctx, "state_island": state_island})
        return self.build_fragment(html, js=("civicquiz_types.js", "civicquiz_results.js", "civicquiz.js"),
                                   css=("civicquiz.css",), init="CivicquizStudent",
                                   init_args={"namespace": self.i18n_js_namespace, "state_id": state_id})

    def attempts_text(self):
        if self.model.mode != "assessment" or not self.max_attempts or self.is_past_due():
            return ""
        return self.t.render(attempts_left_message(self.attempts_left()))

    def learner_state(self, layout, answers):
        """The JS init args: progress and what feedback is already due (never answers ahead of time)."""
        model = self.model
        state = {"mode": model.mode, "certainty": model.certainty, "total": len(layout.questions),
                 "answered": sorted(answers), "submitted": self.submitted, "feedback": [], "result": None,
                 "can_submit": self.can_submit(), "min_group": self.min_group(), "aggregates": None}
        if model.mode == "practice":
            state["feedback"] = views.practice_feedback(layout, self.checked, self.hidden_text())
        elif model.mode == "assessment" and self.submitted:
            state["result"] = self.assessment_result(layout)
        elif model.mode == "survey" and self.submitted:
            state["aggregates"] = self.learner_aggregates()
        return state

    def author_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view(author=True)
        try:
            problems = [(p.severity, self.t.render(p.message)) for p in self.content_api.validate(self.model)]
        except ValueError as error:
            problems = [("error", self.t.render(error))]
        model = self.model
        questions = [{"id": q.id, "type": self.t.gettext(TYPES[q.type].label), "topic": q.topic,
                      "prompt": plain_text(q.prompt)}
                     for q in model.questions]
        html = self.render_template("author.html", {
            "display_name": self.display_name, "mode": model.mode, "questions": questions, "draw": model.draw,
            "summary_text": self.t.render(views.summary_message(model)), "problems": problems, "uid": self.dom_id(),
            "staff_html": self.staff_html()})
        return self.build_fragment(html, css=("civicquiz.css",))

    def studio_view(self, context=None):
        """The bank editor (a form posting the model's JSON to save_content), then the kit's OLX editor."""
        uid = self.dom_id()
        olx_html = self.olx_editor_html()
        bank_island, bank_id = json_island(self, "bank", content.to_json(self.model), editor=True)
        form_html = self.render_template("studio.html", {"display_name": self.display_name, "uid": uid + "-form",
                                                         "bank_island": bank_island})
        settings = self.editable_settings()
        scripts = ("noturiba/olx_editor.js", "noturiba/studio.js", "civicquiz_types.js", "civicquiz_studio.js")
        return self.build_fragment(form_html + olx_html, js=scripts,
                                   css=("civicquiz.css",), init="CivicquizStudio",
                                   init_args={"namespace": self.i18n_js_namespace, "uid": uid + "-form",
                                              "bank_id": bank_id, "settings": settings,
                                              "default_min_group": self.platform_min_group(),
                                              "showanswer_choices": self.showanswer_choices()})

    def public_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        html = self.render_template("public.html", {
            "display_name": self.display_name, "summary_text": self.t.render(views.summary_message(self.model)),
            **views.public_sample(self.model, content.public_question)})
        return self.build_fragment(html, css=("civicquiz.css",))

    def student_view_data(self, context=None):
        """For mobile apps: the learner-safe projection (no correct flags, answers or explanations).

        Bound to a learner: that learner's drawn questions with the orders and ids of their page.
        Bound to nobody (the platform's Blocks API computes this once per course for everyone,
        noturiba.secrecy): no question of a graded quiz, only counts (content.public)."""
        layout = self.layout() if self.is_configured() and bound_learner(self) else None
        return {**content.public(self.model, layout), "display_name": self.display_name,
                "min_group": self.min_group(), "configured": self.is_configured(),
                "language": self.content_language()}

    # Handlers --------------------------------------------------------------

    @json_handler
    def save_answer(self, data, suffix=""):
        data = validated(data, question=Arg(str, max_length=100), answer=Arg(object),
                         certainty=Arg(int, required=False, minimum=1, maximum=3))
        self.refuse_past_due()
        if self.submitted and self.model.mode == "assessment":
            raise HandlerError(Message("This attempt is submitted; start a new attempt to change your answers."))
        layout = self.layout()
        q, answer = self.learner_answer(layout, data["question"], data["answer"])
        if self.model.mode == "survey":
            # A survey draft stays in the page: user_state (exported with the username) holds no answer.
            return {"saved": False, "answered": sorted(self.known_answers(layout))}
        self.answers = {**self.answers, q.id: answer}
        if data["certainty"] is not None:
            self.certainties = {**self.certainties, q.id: data["certainty"]}
        return {"saved": True, "answered": sorted(self.known_answers(layout))}

    @json_handler
    def check(self, data, suffix=""):
        """Practice: grade one question at once, with the explanation."""
        data = validated(data, question=Arg(str, max_length=100), answer=Arg(object),
                         certainty=Arg(int, required=False, minimum=1, maximum=3))
        attempts.pin(self)
        if self.model.mode != "practice":
            raise HandlerError(Message("Questions are checked one by one only in practice mode."))
        self.refuse_past_due()
        layout = self.layout()
        q, answer = self.learner_answer(layout, data["question"], data["answer"])
        certainty = self.certainty_of(data["certainty"])
        fraction = grading.score(q, answer)
        if q.id not in self.first_checks and q.id not in self.checked:
            with graded_attempt(self):
                self.first_checks = {**self.first_checks, q.id: {"answer": answer, "certainty": certainty}}
                self.publish_attempt(self.practice_result(layout).fraction)
        self.answers = {**self.answers, q.id: answer}
        self.checked = {**self.checked, q.id: fraction}
        if certainty:
            self.certainties = {**self.certainties, q.id: certainty}
        result = self.practice_result(layout)
        done = sum(1 for qid in layout.ids() if qid in self.checked)
        self.publish_completion(done / max(1, len(layout.questions)))
        events.emit(self, "question", "answered", question=q.id, score=fraction)
        hidden = self.hidden_text()
        if hidden is not None:
            return {"feedback": views.recorded(q, hidden), "checked": done, "total": len(layout.questions)}
        mark = grading.cbm_mark(fraction, certainty) if certainty else None
        return {"feedback": views.feedback(q, layout, fraction, mark), "score": result.fraction,
                "checked": done, "total": len(layout.questions)}

    @json_handler
    def submit(self, data, suffix=""):
        data = validated(data, answers=Arg(dict, max_items=500),
                         certainty=Arg(dict, required=False, items=Arg(int, minimum=1, maximum=3)),
                         confirm_unanswered=Arg(bool, required=False))
        attempts.pin(self)
        mode = self.model.mode
        if mode == "practice":
            raise HandlerError(Message("In practice mode, check each question on its own."))
        self.refuse_past_due()
        layout = self.layout()
        answers = {}
        for question_id, raw in data["answers"].items():
            q, answer = self.learner_answer(layout, question_id, raw)
            answers[q.id] = answer
        if mode == "survey":
            return self.submit_survey(layout, answers)
        return self.submit_assessment(layout, answers, data["certainty"] or {}, bool(data["confirm_unanswered"]))

    def submit_assessment(self, layout, answers, certainty, confirmed=False):
        if self.submitted:
            raise HandlerError(Message("This attempt is already submitted."))
        if not self.can_submit():
            raise HandlerError(Message("You have used all your attempts."))
        problem = attempt_rules.submission_problem(layout, answers, certainty, cbm=self.model.certainty,
                                                   confirmed=confirmed)
        if problem is not None:
            raise HandlerError(problem)
        with graded_attempt(self):
            result = grading.grade(layout.questions, answers, certainty, cbm=self.model.certainty)
            self.answers, self.certainties = answers, dict(certainty)
            self.results, self.submitted = result.scores, True
            self.attempts += 1
            if self.publish_attempt(result.fraction, keep="best", complete=True):
                self.best = {"answers": answers, "certainties": dict(certainty), "round": self.draw_round}
        passed = result.passes(self.pass_threshold)
        events.emit(self, "quiz", "submitted", score=result.fraction, passed=passed, attempt=self.attempts)
        aggregates.record_result(self.block_id(), self.learner_key(), layout.questions, answers,
                                 result.scores, passed)
        return {"result": self.assessment_result(layout), "can_submit": self.can_submit()}

    def assessment_result(self, layout):
        answers = self.known_answers(layout)
        result = grading.grade(layout.questions, answers, self.certainties, cbm=self.model.certainty)
        right = bool(result.scores) and result.all_right
        return views.assessment_result(layout, result, pass_threshold=self.pass_threshold,
                                       reveal=self.answer_available(right), attempts_text=self.attempts_text(),
                                       can_retry=self.can_submit(), hidden=self.hidden_text())

    @json_handler
    def new_attempt(self, data, suffix=""):
        validated(data)
        if self.model.mode != "assessment":
            raise HandlerError(Message("New attempts exist only in assessment mode."))
        self.refuse_past_due()
        if not self.submitted:
            raise HandlerError(Message("Finish this attempt first."))
        if not self.can_submit():
            raise HandlerError(Message("You have used all your attempts."))
        self.draw_round += 1
        self.answers, self.certainties, self.results, self.submitted = {}, {}, {}, False
        return {"started": True}

    # Scoring -----------------------------------------------------------------

    def calculate_score(self):
        """Rescore what play keeps with the current content (points of max_score()): practice, each
        question's first check; assessment, the best of the kept attempt (older states: the stored
        score) and the last submitted one."""
        layout = self.layout()
        if self.model.mode == "practice":
            return self.score_of(self.practice_result(layout).fraction)
        scores = [attempt_rules.attempt_fraction(self.model, self.learner_key(), self.best) if self.best
                  else (self.raw_earned or 0.0)]
        if self.submitted:
            scores.append(grading.grade(layout.questions, self.known_answers(layout), self.certainties,
                                        cbm=self.model.certainty).fraction)
        return self.score_of(max(scores))

    def practice_result(self, layout):
        return attempt_rules.practice_result(layout, self.first_checks, self.checked, self.known_answers(layout),
                                             self.certainties, self.model.certainty)
