"""Course staff's side of civicquiz: the results view, the CSV of anonymous responses,
the instructor's report rows and forgetting a learner's anonymous rows
("delete learner state" is the kit's ScoringMixin.clear_student_state).

Distributions and the pass rate are broken down only from `min_group`
respondents on (block.min_group()), for staff as for learners; the CSV is
the researchers' raw material (keyed-hash learner keys, formula-safe cells). A survey's
results come from the snapshot of noturiba.survey.store, as for learners; its answers never
appear in the instructor's report rows.
"""

from webob import Response
from xblock.core import XBlock

from noturiba.handlers import HandlerError, json_handler, validated
from noturiba.html import plain_text
from noturiba.messages import Message, PluralMessage, percent

from . import aggregates, views


class StaffMixin:
    """Mixed into CivicQuizBlock (needs block_id, min_group, model, t, is_staff)."""

    def staff_report(self):
        # A survey's results come from the same snapshot learners see: staff watching the view
        # while one learner answers learn nothing either. Graded modes show live counts.
        # "answered" is the live number of learners (staff see who completed the block anyway).
        live, counts = aggregates.snapshot(self.block_id())
        respondents = live
        if self.model.mode == "survey":
            respondents, counts = aggregates.shown_snapshot(self.block_id(), self.min_group())
        return {**views.staff_report(self.model, counts, respondents, self.min_group()), "answered": live}

    def staff_html(self):
        """The results section for course staff (student_view when is_staff(), author_view, staff_view)."""
        report = self.staff_report()
        n, minimum = report["answered"], report["min_group"]
        for q in report["questions"]:
            if "written" in q:
                q["written_text"] = self.t.render(PluralMessage(
                    "{count} written answer, in the CSV download only.",
                    "{count} written answers, in the CSV download only.", q.get("written", 0)))
        respondents_text = self.t.render(PluralMessage("{count} learner has answered.",
                                                       "{count} learners have answered.", n))
        if report["shown"] and report["respondents"] != n:
            respondents_text += " " + self.t.render(PluralMessage(
                "The results below count {count} of them: they are updated only in groups of {group}.",
                "The results below count {count} of them: they are updated only in groups of {group}.",
                report["respondents"], group=minimum))
        ctx = {"uid": self.dom_id(), "report": report, "csv_url": self.runtime.handler_url(self, "export_csv"),
               "research_url": self.research_url() if self.model.mode == "survey" else "",
               "respondents_text": respondents_text,
               "hidden_text": self.t.render(PluralMessage(
                   "The answers are broken down once at least {count} learner has answered.",
                   "The answers are broken down once at least {count} learners have answered.", minimum)),
               "pass_text": self.t.render(Message("Pass rate: {percent} ({passed} of {total}).",
                                                  percent=percent(report["pass_percent"] or 0), passed=report["passed"],
                                                  total=report["pass_total"]))}
        return self.render_template("staff.html", ctx)

    def staff_view(self, context=None):
        """The staff results on their own (course staff only; authors see them in author_view)."""
        html = self.staff_html() if self.is_staff() else ""
        html = self.render_template("staff_page.html", {"display_name": self.display_name, "results": html})
        return self.build_fragment(html, css=("civicquiz.css",))

    @json_handler
    def staff_results(self, data, suffix=""):
        validated(data)
        if not self.is_staff():
            raise HandlerError(Message("Only course staff may see the results."), status=403)
        return self.staff_report()

    @XBlock.handler
    def export_csv(self, request, suffix=""):
        """Researchers' CSV of anonymous responses (learner keys are hashes, cells formula-safe)."""
        if not self.is_staff():
            return Response(self.t.render(Message("Only course staff may see the results.")), status=403,
                            content_type="text/plain", charset="utf-8")
        response = Response(aggregates.export_csv(self.block_id()), content_type="text/csv", charset="utf-8")
        response.content_disposition = f'attachment; filename="civicquiz-{self.dom_id()}.csv"'
        return response

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows for the instructor's 'problem responses' report: one per answered question.

        None for a survey: its answers are anonymous and never reported next to a username
        (older states that still hold survey answers are skipped too)."""
        if self.model.mode == "survey":
            return
        count = 0
        for user_state in user_state_iterator:
            for question_id, answer in (user_state.state.get("answers") or {}).items():
                q = self.model.question(question_id)
                if q is None:
                    continue
                if limit_responses is not None and count >= limit_responses:
                    return
                count += 1
                yield user_state.username, {"Question": plain_text(q.prompt), "Question ID": q.id,
                                            "Answer": views.report_answer(q, answer)}

    def delete_survey_answers(self):
        """Remove the bound learner's own anonymous rows (a learner-side helper, not the LMS reset hook)."""
        aggregates.forget(self.block_id(), self.learner_key())
