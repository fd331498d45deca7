"""Record, count and forget anonymous survey answers (the only code that touches the table)."""

from collections import defaultdict

from django.db import transaction
from django.db.models import Count

from .models import SurveyAnswer

TEXT_VALUE = "text"


def block_key(usage_id):
    """The `block` column of a block's rows (every block and the reset hook use this one key)."""
    return str(usage_id)[:255]


def record(block, learner, answers, texts=None):
    """Replace this learner's answers for `block`: {question: [values]}, texts {question: text}.

    Only the learner's own rows are deleted and inserted, in one transaction.
    """
    texts = texts or {}
    rows = [SurveyAnswer(block=block, learner=learner, question=question, value=str(value)[:100],
                         text=texts.get(question, "") if value == TEXT_VALUE else "")
            for question, values in answers.items() for value in dict.fromkeys(values)]
    with transaction.atomic():
        SurveyAnswer.objects.filter(block=block, learner=learner).delete()
        SurveyAnswer.objects.bulk_create(rows, ignore_conflicts=True)


def forget(block, learner):
    """Remove a learner's answers (the LMS 'delete learner state' tool calls this through the block)."""
    SurveyAnswer.objects.filter(block=block, learner=learner).delete()


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


def answered(block, learner):
    return SurveyAnswer.objects.filter(block=block, learner=learner).exists()


def export_rows(block):
    """Anonymous rows for researchers: (learner key, question, value, text), ordered."""
    return list(SurveyAnswer.objects.filter(block=block).order_by("learner", "question", "value")
                .values_list("learner", "question", "value", "text"))

