from django.db import models


class SurveyAnswer(models.Model):
    """One value one learner gave to one survey question of one block.

    `learner` is the block's anonymous learner key (a hash, not a user id); a
    multiple-choice answer is several rows; a text answer keeps its text in
    `text` for the researchers' export and is never shown to other learners.
    """

    block = models.CharField(max_length=255)
    learner = models.CharField(max_length=64)
    question = models.CharField(max_length=100)
    value = models.CharField(max_length=100)
    text = models.TextField(blank=True, default="")
    answered = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "noturiba_survey"
        constraints = [
            models.UniqueConstraint(fields=["block", "learner", "question", "value"], name="one_row_per_value"),
        ]
        indexes = [models.Index(fields=["block", "question", "value"], name="aggregate_lookup")]
