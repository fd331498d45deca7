"""civicquiz's survey mode: sending a survey and the tallies learners see (a mixin of CivicQuizBlock).

Surveys are anonymous (noturiba.survey, SECURITY.md): answers go only to the kit's survey
table under the keyed learner key; user_state keeps no survey answer or draft (only that the
learner answered), the learner's own answers are read back from the table, the instructor's
report rows and tracking events carry none, and Studio preview answers are not recorded.
Learners see only the snapshot tallies of noturiba.survey.disclosure.

Platform settings: the block's XBLOCK_SETTINGS["civicquiz"]["min_group"] (a whole number,
at least 1) is the smallest group whose survey tallies are shown when the OLX does not set
`min_group`; without either, content.DEFAULT_MIN_GROUP (5).
"""

from noturiba import events
from noturiba.handlers import HandlerError
from noturiba.messages import Message
from noturiba.survey import policy

from . import aggregates, views

PREVIEW_NOT_COUNTED = Message("Studio preview: these answers are not recorded and not counted.")


class SurveyModeMixin:
    """Needs model, block_id, learner_key, respondent, publish_completion and t."""

    def min_group(self):
        """The smallest group whose tallies are shown: the OLX's min_group, else
        XBLOCK_SETTINGS["civicquiz"]["min_group"], else content.DEFAULT_MIN_GROUP."""
        return self.model.min_group if self.model.min_group is not None else self.platform_min_group()

    def platform_min_group(self):
        return policy.platform_min_group(self)  # the kit's one rule for both survey blocks

    def submit_survey(self, layout, answers):
        answers = {k: v for k, v in answers.items() if v not in (None, "", [])}
        if not answers:
            raise HandlerError(Message("Answer at least one question before sending."))
        # user_state learns only that the learner answered (older versions kept the answers there).
        self.answers, self.certainties, self.submitted = {}, {}, True
        self.publish_completion(1.0)
        events.emit(self, "survey", "answered")
        if policy.in_studio_preview(self):
            return {"aggregates": self.learner_aggregates(), "preview": self.t.render(PREVIEW_NOT_COUNTED)}
        aggregates.record_survey(self.block_id(), self.learner_key(), layout.questions, answers, self.respondent())
        return {"aggregates": self.learner_aggregates()}

    def learner_aggregates(self):
        """Survey distributions from the snapshot (steps of min_group respondents, each count checked
        by noturiba.survey.disclosure), or why they are not shown yet."""
        minimum = self.min_group()
        respondents, counts = aggregates.shown_snapshot(self.block_id(), minimum)
        if respondents < minimum:
            return {"shown": False, "message": self.t.render(views.survey_waiting_message(minimum))}
        return {"shown": True, "respondents": respondents, "note": self.t.render(views.survey_note_message(minimum)),
                "hidden_text": self.t.render(Message("not shown")),
                "questions": views.survey_summary(self.model, counts, respondents, min_group=minimum)}
