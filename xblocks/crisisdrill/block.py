"""The crisis drill XBlock: thin glue between the runtime and content/graph/grading/views.

Learner state (user_state, by id): `drill_state` = {"node": current node id,
"vars": {variable id: value}, "path": [entries, see grading.py, each with "at"
(epoch seconds)], "finished": bool, "round": int (the attempt count at its start: with the learner
key it seeds the order of choices and options, shuffle.py)};
`drill_state["clock"]` is the clock of the current timed step (clock.py: when the learner started
it, pauses, extensions; a reload never resets it);
`timer_enabled` (the learner's timer preference, WCAG 2.2.1); `attempts`
(ScoringMixin) counts finished attempts; `best_path` is the path of the attempt
whose score is kept (what a rescore grades again).

Modes: practice (feedback after each decision, unlimited attempts; only the
first attempt is graded, since its feedback shows the better choices, and a
restart part-way through it ends it with its grade) and assessment (feedback at
the debrief, attempts limited by `max_attempts`; the published grade is the
learner's best attempt). has_score is True in both modes. Every graded ending
or abandon is claimed in the database first (noturiba.attempts): parallel
requests grade one attempt.

Attempts in assessment mode (integrity, issue 9): an attempt is in use from the
learner's first decision (a choice, a checklist, an order or a timeout). It ends
either at an ending (finished) or when the learner restarts part-way
(abandoned); both add one to `attempts` and are graded the same way (grading.py:
the points so far over the best total, with the critical cap), so a bad path
cannot be retried for free. Restarting before any decision is free; restarting
when it would leave no attempt to play is refused (400). Handlers only accept
the current node, so a replayed or out-of-order call is refused and changes
nothing.

Exams (issue 12): `show_correctness` (inherited in the LMS) hides the score, the
verdict, the practice feedback and what was right, wrong or critical while
`correctness_available()` is False (views.py); grades are still published.
Past the due date every handler that takes a decision or can publish a grade
(choose, pick, arrange, timeout, restart) refuses with the kit's past-due
message, in practice mode too, and the page says so instead of offering them.
"""

import time

from xblock.core import XBlock
from xblock.fields import Dict, List, Scope

from noturiba import attempts, events
from noturiba.attempts import graded_attempt
from noturiba.base import ContentBlock
from noturiba.fragments import json_island
from noturiba.handlers import Arg, HandlerError, json_handler, validated
from noturiba.html import sanitize
from noturiba.messages import Message
from noturiba.scoring import SETTING_LABELS, ScoringMixin, attempts_left_message
from noturiba.secrecy import bound_learner

from . import attempt_rules, content, grading, views
from .timing import TimerMixin

# The learner view's scripts, in load order (crisisdrill.js, the last, is the runner; the others are its parts).
LEARNER_JS = ("crisisdrill_dom.js", "crisisdrill_timer.js", "crisisdrill_debrief.js", "crisisdrill.js")


class CrisisDrillBlock(TimerMixin, ScoringMixin, ContentBlock):
    """A branching crisis-preparedness drill (OLX: docs/OLX.md, crisisdrill)."""

    content_api = content
    block_settings_key = "crisisdrill"
    i18n_js_namespace = "NoturibaCrisisdrillI18n"
    has_score = True
    has_custom_completion = True
    completion_mode = "completable"
    AUTHORING_HANDLERS = ContentBlock.AUTHORING_HANDLERS | {"inspect"}
    SETTING_LABELS = {**SETTING_LABELS, "showanswer": Message("Show better options")}

    drill_state = Dict(default={}, scope=Scope.user_state, help="The learner's current attempt (ids only).")
    best_path = List(default=[], scope=Scope.user_state,
                     help="The path of the attempt whose score is kept (ids only; rescoring grades it again).")

    workbench_scenarios = classmethod(lambda cls: cls.scenarios_from_package())

    # State -----------------------------------------------------------------

    def _fresh_state(self):
        return attempt_rules.fresh(self.model, self.attempts)

    def current_state(self):
        """The saved attempt, cleaned against the current content (never crashes on edits)."""
        return attempt_rules.cleaned(self.model, self.drill_state, self.attempts)

    def _in_progress(self, state):
        return attempt_rules.in_progress(self.model, state, self.attempts)

    def _restart_refusal(self, state):
        return attempt_rules.restart_refusal(self.model, state, attempts=self.attempts,
                                             attempts_left=self.attempts_left(), can_submit=self.can_submit(),
                                             past_due=self.graded_answer_refusal())

    def facts(self, state):
        """Block facts for the view. `results_hidden` (show_correctness: the text shown instead of
        results, or "") and `closed` (past the due date: why no answer is taken, or "")."""
        practice = self.model.mode == "practice"
        left = None if practice else self.attempts_left()
        shown = self.correctness_available()
        closed = self.graded_answer_refusal()
        return {
            "attempts": self.attempts, "max_attempts": None if practice else self.max_attempts,
            "attempts_left": left,
            "attempts_message": self.t.render(attempts_left_message(left)) if left is not None and not closed else "",
            "can_restart": self._restart_refusal(state) is None,
            "restart_uses_attempt": self._in_progress(state), "started": bool(state.get("path")),
            "pass": self.pass_threshold,
            "reveal": shown and (practice or self.answer_available(correct=self._full_marks())),
            "results_hidden": "" if shown else self.t.render(self.results_hidden_message()),
            "closed": self.t.render(closed) if closed else "",
            "timer_enabled": bool(self.timer_enabled),
        }

    def _full_marks(self):
        """What `showanswer` calls correct: the kept grade is the best possible. A pass is not enough:
        play keeps the best attempt, so better options shown after a pass could be replayed for
        credit; the debrief reveals them only when no further attempt can change the grade
        ("finished": full marks, all attempts used or past the due date)."""
        return self.raw_earned is not None and self.raw_earned >= 1 - 1e-9

    def rich(self, markup):
        """Author markup for the page: sanitised, /static/ links rewritten to the course's assets."""
        return self.static_urls(sanitize(markup))

    def learner_view(self, state=None):
        """The learner view as JSON (views.learner_view): what the page renders and each handler returns."""
        state = state or self.current_state()
        return views.learner_view(self.model, state, facts=self.facts(state), gettext=self.t.gettext, rich=self.rich,
                                  learner=self.learner_key() if bound_learner(self) else None, now=time.time())

    # Views -----------------------------------------------------------------

    def _fragment(self, template, context, init=None, init_args=None):
        base = {"display_name": self.display_name, "uid": self.dom_id(), "mode": self.model.mode}
        html = self.render_template(template, {**base, **context})
        return self.build_fragment(html, js=LEARNER_JS if init else (), css=("crisisdrill.css",),
                                   init=init, init_args=init_args)

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        view = self.learner_view()
        view_island, view_id = json_island(self, "view", view)
        return self._fragment("student.html", {"intro": self.rich(self.model.intro), "view_island": view_island,
                                               "results_hidden": view["results_hidden"]},
                              "CrisisdrillStudent", {"namespace": self.i18n_js_namespace, "uid": self.dom_id(),
                                                     "view_id": view_id})

    def author_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view(author=True)
        model = self.model
        problems = [{"severity": p.severity, "text": self.t.render(p.message)} for p in content.validate(model)]
        return self._fragment("author.html", {
            "summary": views.summary(model), "map": views.scenario_map(model), "problems": problems,
            "intro": sanitize(model.intro)})

    def public_view(self, context=None):
        if not self.is_configured():
            return self.not_configured_view()
        model = self.model
        first = views.safe_node(model, model.node(model.start), content.initial_values(model), self.rich) \
            if model.node(model.start) else None
        return self._fragment("public.html", {"intro": self.rich(model.intro), "first": first})

    def studio_view(self, context=None):
        """The form editor (nodes, choices, goto dropdowns, checks, map), then the kit's OLX editor."""
        uid = self.dom_id()
        olx_html = self.olx_editor_html()
        editor = {"content": content.to_json(self.model),
                  "settings": self.editable_settings(),
                  "showanswer_choices": self.showanswer_choices()}
        editor_island, editor_id = json_island(self, "editor", editor, editor=True)
        form_html = self.render_template("studio.html", {"display_name": self.display_name, "uid": uid + "-form",
                                                         "editor_island": editor_island})
        scripts = ("noturiba/olx_editor.js", "noturiba/studio.js", "crisisdrill_studio.js")
        return self.build_fragment(form_html + olx_html, js=scripts,
                                   css=("crisisdrill.css",), init="CrisisdrillStudio",
                                   init_args={"namespace": self.i18n_js_namespace, "uid": uid + "-form",
                                              "editor_id": editor_id})

    @json_handler
    def inspect(self, data, suffix=""):
        """Studio: the checks and the scenario map of editor JSON, without saving."""
        data = validated(data, content=Arg(dict, max_items=5000))
        try:
            model = content.from_json(data["content"])
        except ValueError as error:
            return {"problems": [{"severity": "error", "message": self.t.render(error), "id": None}], "map": None}
        return {"problems": [{"severity": p.severity, "message": self.t.render(p.message), "id": p.node_id}
                             for p in content.validate(model)], "map": views.scenario_map(model)}

    def student_view_data(self, context=None):
        model = self.model
        data = content.public(model)
        data.update(display_name=self.display_name, intro=sanitize(model.intro), configured=self.is_configured(),
                    language=self.content_language())
        if data["start"]:
            data["start"] = views.safe_node(model, model.node(model.start), content.initial_values(model))
        return data

    # Handlers ----------------------------------------------------------------

    def _active(self, node_id, kind):
        """The current state and node, checked: the node must be the learner's current node of `kind`."""
        attempts.pin(self)
        past_due = self.graded_answer_refusal()  # practice mode included: no graded answer after the due date
        if past_due is not None:
            raise HandlerError(past_due)
        state = self.current_state()
        refusal = attempt_rules.decision_refusal(self.model, state, node_id, kind, can_submit=self.can_submit())
        if refusal is not None:
            raise HandlerError(refusal.message, status=refusal.status)
        return state, self.model.node(node_id)

    def _advance(self, state, entry, target):
        """Record `entry`, move to `target`; finishing at an ending counts the attempt and publishes."""
        ending = attempt_rules.advance(self.model, state, entry, target, now=time.time(), timed=self._timed,
                                       timer_paused=not self.timer_enabled)
        result = None
        if ending is not None:
            result = grading.grade(self.model, state["path"], self.pass_threshold)
            if attempt_rules.graded_now(self.model.mode, self.attempts):
                with graded_attempt(self):
                    self.attempts += 1
                    self._keep_best(state["path"], result.score, finished=True)
            else:
                self.attempts += 1
            events.emit(self, "drill", "finished", ending=ending.id, rating=ending.rating,
                        score=result.score, critical=bool(result.critical), attempt=self.attempts)
        self.drill_state = state
        return result

    def _reply(self, state, feedback=None):
        view = self.learner_view(state)
        reply = {"view": view}
        if feedback is not None and self.model.mode == "practice":
            reply["feedback"] = views.practice_feedback(feedback, view["results_hidden"])
        return reply

    @json_handler
    def choose(self, data, suffix=""):
        data = validated(data, node=Arg(str, max_length=100), choice=Arg(str, max_length=100))
        state, step = self._active(data["node"], "step")
        offered = {c.id: c for c in content.offered_choices(step, state["vars"])}
        choice = offered.get(data["choice"])
        if choice is None:
            raise HandlerError(Message("The choice \"{id}\" is not offered here.", id=data["choice"][:100]))
        state["vars"] = content.apply_effects(choice.effects, state["vars"], self.model.variables)
        events.emit(self, "step", "answered", node=step.id, kind="step", choice=choice.id)
        self._advance(state, {"node": step.id, "choice": choice.id}, choice.goto)
        return self._reply(state, views.choice_feedback(choice, self.rich))

    @json_handler
    def pick(self, data, suffix=""):
        data = validated(data, node=Arg(str, max_length=100),
                         items=Arg(list, max_items=200, items=Arg(str, max_length=100)))
        state, checklist = self._active(data["node"], "checklist")
        options = {o.id: o for o in checklist.options}
        unknown = [item for item in data["items"] if item not in options]
        if unknown:
            raise HandlerError(Message("Unknown item: {id}.", id=unknown[0]))
        picked = list(dict.fromkeys(data["items"]))
        used = sum(options[item].size for item in picked)
        if checklist.capacity is not None and used > checklist.capacity:
            raise HandlerError(Message("These items need {used} units of space, but only {capacity} fit.",
                                       used=used, capacity=checklist.capacity))
        entry = {"node": checklist.id, "picked": picked}
        events.emit(self, "step", "answered", node=checklist.id, kind="checklist", items=len(picked))
        self._advance(state, dict(entry), checklist.goto)
        return self._reply(state, views.node_feedback(checklist, entry, self.rich))

    @json_handler
    def arrange(self, data, suffix=""):
        data = validated(data, node=Arg(str, max_length=100),
                         order=Arg(list, max_items=200, items=Arg(str, max_length=100)))
        state, order = self._active(data["node"], "order")
        if sorted(data["order"]) != sorted(o.id for o in order.options):
            raise HandlerError(Message("Put every action in the list exactly once."))
        entry = {"node": order.id, "order": list(data["order"])}
        events.emit(self, "step", "answered", node=order.id, kind="order")
        self._advance(state, dict(entry), order.goto)
        return self._reply(state, views.node_feedback(order, entry, self.rich))

    @json_handler
    def restart(self, data, suffix=""):
        """A fresh attempt. In assessment mode a restart after a decision ends (and grades) the current one."""
        validated(data)
        attempts.pin(self)
        state = self.current_state()
        refusal = self._restart_refusal(state)
        if refusal is not None:
            raise HandlerError(refusal)
        if self._in_progress(state):
            self._abandon(state)
        state = self._fresh_state()
        self.drill_state = state
        return self._reply(state)

    def _abandon(self, state):
        """Count the current attempt as used and grade its path so far (partial points, critical cap)."""
        result = grading.grade(self.model, state["path"], self.pass_threshold)
        with graded_attempt(self):
            self.attempts += 1
            self._keep_best(state["path"], result.score, finished=False)
        events.emit(self, "drill", "abandoned", score=result.score, critical=bool(result.critical),
                    decisions=len(state["path"]), attempt=self.attempts)

    # Scoring -------------------------------------------------------------------

    def _keep_best(self, path, score, finished):
        kept = attempt_rules.keep_best(self.raw_earned, path, score, finished)
        if kept.best_path is not None:
            self.best_path = kept.best_path
        if kept.publish is not None:
            self.publish_attempt(kept.fraction, complete=kept.publish == "completion")

    def calculate_score(self):
        """Rescore what play keeps, the best attempt, graded again with the current content and pass mark.

        The kept best path and, in assessment, the latest finished path are graded; the higher counts.
        In practice only the first attempt is graded, so a later (free) replay is never rescored. A state
        saved before best paths were kept has its stored score instead of a best path.
        """
        model = self.model
        scores = [grading.grade(model, self.best_path, self.pass_threshold).score if self.best_path
                  else (self.raw_earned or 0.0)]
        state = self.current_state()
        if state.get("finished") and model.mode == "assessment":
            scores.append(grading.grade(model, state["path"], self.pass_threshold).score)
        return self.score_of(max(scores))
