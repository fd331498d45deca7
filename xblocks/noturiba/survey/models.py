from django.db import models


class SurveyAnswer(models.Model):
    """One value one learner gave to one survey question of one block.

    `learner` is the block's anonymous learner key (a hash, not a user id); a
    multiple-choice answer is several rows; a text answer keeps its text in
    `text` for the researchers' export and is never shown to other learners.

    .. pii: survey answers (opinions, free text) under keyed pseudonyms; docs/data-protection.md
    .. pii_types: other
    .. pii_retirement: local_api
    """

    block = models.CharField(max_length=255)
    learner = models.CharField(max_length=64)
    question = models.CharField(max_length=100)
    value = models.CharField(max_length=100)
    text = models.TextField(blank=True, default="")
    answered = models.DateTimeField(auto_now=True)
    # The per-course respondent key (base.respondent_key_for): the same in every survey block of one
    # course, so a pre and a post survey pair without storing who. Empty in rows of earlier versions.
    course = models.CharField(max_length=255, blank=True, default="")
    respondent = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        app_label = "noturiba_survey"
        constraints = [
            models.UniqueConstraint(fields=["block", "learner", "question", "value"], name="one_row_per_value"),
        ]
        indexes = [models.Index(fields=["block", "question", "value"], name="aggregate_lookup"),
                   models.Index(fields=["course", "block"], name="course_lookup")]


class SurveySnapshot(models.Model):
    """The tallies learners are shown for one block, frozen when the respondents reached a new step.

    Learners never see live counts: a snapshot is retaken only once `min_group` more
    respondents have answered, so comparing two views never isolates one person.

    .. no_pii: tallies of at least min_group respondents, no key.
    """

    block = models.CharField(max_length=255, unique=True)
    respondents = models.PositiveIntegerField(default=0)
    counts = models.TextField(default="{}")
    # A block's own summary of the frozen rows (mediacheck: mean discernment), JSON.
    summary = models.TextField(default="{}")
    # Bumped by every retake; a retake only replaces the version it read, so two requests retaking
    # at once cannot publish two snapshots one respondent apart.
    version = models.PositiveIntegerField(default=0)
    taken = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "noturiba_survey"


class AttemptClaim(models.Model):
    """One row per graded attempt a learner has used: the unique key makes parallel submits one.

    A handler inserts the claim before it grades; a second request for the same
    attempt hits the unique constraint and is refused, whatever the runtime's
    user_state says at that moment.

    .. pii: a keyed learner key and the time of a graded attempt
    .. pii_types: id
    .. pii_retirement: local_api
    """

    block = models.CharField(max_length=255)
    learner = models.CharField(max_length=64)
    attempt = models.PositiveIntegerField()
    claimed = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "noturiba_survey"
        constraints = [
            models.UniqueConstraint(fields=["block", "learner", "attempt"], name="one_claim_per_attempt"),
        ]
