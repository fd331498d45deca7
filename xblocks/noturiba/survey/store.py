"""Record, count and forget anonymous survey answers (the only code that touches the tables).

Learners are shown `snapshot()`, never live counts (disclosure.py has the rule).
"""

import json
from collections import defaultdict, namedtuple

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from . import disclosure
from .models import AttemptClaim, SurveyAnswer, SurveySnapshot

Snapshot = namedtuple("Snapshot", "respondents counts summary")

TEXT_VALUE = "text"


def block_key(usage_id):
    """The `block` column of a block's rows (every block and the reset hook use this one key)."""
    return str(usage_id)[:255]


def record(block, learner, answers, texts=None, respondent=None):
    """Replace this learner's answers for `block`: {question: [values]}, texts {question: text}.

    `respondent` is (course id, per-course respondent key) from the block's respondent(): it lets
    the research report pair a course's surveys. Only the learner's own rows are deleted and
    inserted, in one transaction.
    """
    texts = texts or {}
    course, key = respondent or ("", "")
    rows = [SurveyAnswer(block=block, learner=learner, question=question, value=str(value)[:100],
                         text=texts.get(question, "") if value == TEXT_VALUE else "",
                         course=course, respondent=key)
            for question, values in answers.items() for value in dict.fromkeys(values)]
    with transaction.atomic():
        SurveyAnswer.objects.filter(block=block, learner=learner).delete()
        SurveyAnswer.objects.bulk_create(rows, ignore_conflicts=True)


def forget(block, learner):
    """Remove a learner's answers (the LMS 'delete learner state' tool calls this through the block)."""
    SurveyAnswer.objects.filter(block=block, learner=learner).delete()


def course_of(block):
    """The course id of a stored block key (a usage key in the LMS), or None."""
    try:
        from opaque_keys import InvalidKeyError
        from opaque_keys.edx.keys import UsageKey
    except ImportError:
        return None
    try:
        return str(UsageKey.from_string(block).course_key)
    except InvalidKeyError:
        return None


def forget_learner(anonymous_ids):
    """Delete every survey row and attempt claim of one learner; anonymous_ids: [(course id, anonymous id)].

    Rows with a respondent key go by (course, respondent key); rows of earlier versions and
    claims by each block's learner key. Returns the number of rows deleted.
    """
    from ..base import learner_key_for, respondent_key_for  # imported here: base imports XBlock
    ids = [(str(course or ""), anonymous_id) for course, anonymous_id in anonymous_ids if anonymous_id]
    deleted = 0
    for course, anonymous_id in ids:
        deleted += SurveyAnswer.objects.filter(course=course, respondent=respondent_key_for(anonymous_id, course)
                                               ).delete()[0]
    blocks = (set(SurveyAnswer.objects.values_list("block", flat=True).distinct())
              | set(AttemptClaim.objects.values_list("block", flat=True).distinct()))
    for block in blocks:
        course = course_of(block)
        keys = [learner_key_for(anonymous_id, block) for owner, anonymous_id in ids if course in (None, owner)]
        if keys:
            deleted += SurveyAnswer.objects.filter(block=block, learner__in=keys).delete()[0]
            deleted += AttemptClaim.objects.filter(block=block, learner__in=keys).delete()[0]
    return deleted


def respondents(block):
    return SurveyAnswer.objects.filter(block=block).values("learner").distinct().count()


def counts(block):
    """{question: {value: number of learners}} for one block, in one GROUP BY query."""
    grouped = (SurveyAnswer.objects.filter(block=block).values("question", "value")
               .annotate(total=Count("learner", distinct=True)).order_by())
    result = defaultdict(dict)
    for row in grouped:
        result[row["question"]][row["value"]] = row["total"]
    return dict(result)


def export_rows(block):
    """Anonymous rows for researchers: (learner key, question, value, text), ordered."""
    return list(SurveyAnswer.objects.filter(block=block).order_by("learner", "question", "value")
                .values_list("learner", "question", "value", "text"))


def course_blocks(course):
    """The block keys of a course's survey rows (rows of earlier versions have no course)."""
    return sorted(SurveyAnswer.objects.filter(course=course).values_list("block", flat=True).distinct())


def research_rows(blocks, course):
    """(block, respondent, learner, question, value, text) of `blocks` in `course`, ordered, for the report.

    A row of an earlier version has no course and no respondent key: it counts in its wave but
    pairs with nothing.
    """
    return list(SurveyAnswer.objects.filter(block__in=list(blocks), course__in=[course, ""])
                .order_by("block", "respondent", "learner", "question", "value")
                .values_list("block", "respondent", "learner", "question", "value", "text"))


def learner_answers(block, learner):
    """This learner's own rows, to show them their answers again: ({question: [values]}, {question: text})."""
    values, texts = defaultdict(list), {}
    for question, value, text in (SurveyAnswer.objects.filter(block=block, learner=learner)
                                  .order_by("question", "value").values_list("question", "value", "text")):
        values[question].append(value)
        if value == TEXT_VALUE:
            texts[question] = text
    return dict(values), texts


def _tally(rows):
    learners, result = set(), defaultdict(lambda: defaultdict(set))
    for learner, question, value, _text in rows:
        learners.add(learner)
        result[question][value].add(learner)
    return len(learners), {q: {v: len(who) for v, who in values.items()} for q, values in result.items()}


def snapshot(block, min_group, summarise=None):
    """The tallies learners may see now: the frozen Snapshot, retaken first if the live respondents
    differ from the frozen ones by at least `min_group` (disclosure.needs_retake).

    `summarise(rows)` (rows as export_rows gives them) adds a block's own JSON summary. A retake
    reads all rows in one query, so respondents and counts always agree, and replaces only the
    version it read: of two requests retaking at once, one wins and the other shows its result.
    """
    frozen, _ = SurveySnapshot.objects.get_or_create(block=block)
    if disclosure.needs_retake(respondents(block), frozen.respondents, min_group):
        rows = export_rows(block)
        number, counts = _tally(rows)
        summary = summarise(rows) if summarise else {}
        won = SurveySnapshot.objects.filter(pk=frozen.pk, version=frozen.version).update(
            respondents=number, counts=json.dumps(counts), summary=json.dumps(summary),
            version=frozen.version + 1, taken=timezone.now())
        frozen = SurveySnapshot.objects.get(pk=frozen.pk) if not won else None
        if frozen is None:
            return Snapshot(number, counts, summary)
    return Snapshot(frozen.respondents, json.loads(frozen.counts or "{}"), json.loads(frozen.summary or "{}"))
