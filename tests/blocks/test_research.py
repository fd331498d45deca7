"""Research data through the real blocks (issue 17): pre and post surveys pair without identity."""

import hashlib
import io

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from noturiba.base import learner_key_for
from noturiba.survey.models import SurveyAnswer

from .conftest import Harness, package_scenarios

CIVIC = dict(package_scenarios("civicquiz"))["03-trust-survey.xml"]
MEDIA = dict(package_scenarios("mediacheck"))["03-survey.xml"]


def answer_civic(user, block, trust):
    harness = Harness(user)
    status, _ = harness.call(harness.reload(block), "submit", {"answers": {"trust": trust, "visits": "rarely"}})
    assert status == 200


def answer_media(user, block, verdicts):
    harness = Harness(user)
    answers = {item.id: {"verdict": verdict} for item, verdict in zip(block.model.items, verdicts, strict=True)}
    assert harness.call(harness.reload(block), "submit", {"answers": answers})[0] == 200


def respondents_of(block):
    return {(row.learner, row.respondent) for row in SurveyAnswer.objects.filter(block=str(block.scope_ids.usage_id))}


def test_the_pre_and_the_post_survey_of_a_course_share_a_respondent_key_nobody_can_recompute(db, settings):
    author = Harness("author")
    pre, post, media = author.load(CIVIC), author.load(CIVIC), author.load(MEDIA)
    answer_civic("anna", pre, 2)
    answer_civic("anna", post, 4)
    answer_media("anna", media, ["accurate", "false"] * 3)
    answer_civic("ben", pre, 3)

    def keys_of(user, block):
        mine = learner_key_for(user, block.scope_ids.usage_id)
        return {key for learner, key in respondents_of(block) if learner == mine}

    anna_pre, anna_post = keys_of("anna", pre), keys_of("anna", post)
    anna_media = {key for _learner, key in respondents_of(media)}
    assert len(anna_pre) == 1 and anna_pre == anna_post == anna_media
    anna = anna_pre.pop()
    ben = {key for _learner, key in respondents_of(pre)} - {anna}
    assert len(ben) == 1 and "" not in ben
    # Not the block's learner key, and no unkeyed hash of the id staff can download.
    assert anna not in {learner for learner, _key in respondents_of(pre)}
    for message in ("anna", "anna:workbench", "respondent:anna:workbench", "workbench:anna"):
        assert hashlib.sha256(message.encode()).hexdigest()[:32] != anna
    # Keyed: another secret gives another key.
    settings.NOTURIBA_LEARNER_KEY_SECRET = "an operator's own secret"
    answer_civic("anna", pre, 2)
    assert {key for _learner, key in respondents_of(pre)} - {anna} - ben


def test_the_report_command_pairs_the_surveys_answered_in_the_blocks_and_writes_csv(db, tmp_path):
    author = Harness("author")
    pre, post, media = author.load(CIVIC), author.load(CIVIC), author.load(MEDIA)
    for i in range(6):
        answer_civic(f"learner-{i}", pre, 2 + i % 2)
        answer_civic(f"learner-{i}", post, 3 + i % 3)
        answer_media(f"learner-{i}", media, ["accurate", "false"] * 3 if i % 2 else ["false"] * 6)
    answer_civic("dropout", pre, 1)
    keys = {name: str(block.scope_ids.usage_id) for name, block in (("pre", pre), ("post", post), ("media", media))}

    with pytest.raises(CommandError, match="--pre"):
        call_command("noturiba_report", "workbench")  # the workbench has no course order
    out = io.StringIO()
    call_command("noturiba_report", "workbench", "--pre", keys["pre"], "--post", keys["post"],
                 "--post", keys["media"], "--csv", str(tmp_path / "study"), stdout=out)
    text = out.getvalue()
    assert "Respondents: pre 7, post 6, paired 6, attrition 1" in text
    assert "Item trust:" in text and "change: diff 1.50" in text
    assert "pre:    2.50 [1.93, 3.07] (n=6, paired only)" in text  # one dropout: not given away by two means
    assert "fake_correct  pre not shown (n=0); post not shown (n=6)" in text  # all six alike: not shown
    data = pd.read_csv(tmp_path / "study.csv")
    codebook = pd.read_csv(tmp_path / "study-codebook.csv", keep_default_na=False)
    assert len(data) == 13 and sorted(data.wave.unique()) == [1, 2]
    assert set(data.respondent[data.wave == 2]) <= set(data.respondent[data.wave == 1])
    assert "wish" not in data.columns and "fc_d_prime" in data.columns
    assert "Patiess" in set(codebook.label_lv)

    with pytest.raises(CommandError, match="no study"):
        call_command("noturiba_report", "workbench", "--pre", keys["pre"], "--study", "lnb-2027", stdout=out)


def test_free_text_reaches_the_csv_only_for_a_study_the_operator_named(db, tmp_path, settings):
    author = Harness("author")
    pre = author.load(CIVIC)
    harness = Harness("anna")
    answers = {"trust": 3, "wish": "=1+1 vairāk grāmatu"}
    assert harness.call(harness.reload(pre), "submit", {"answers": answers})[0] == 200
    key = str(pre.scope_ids.usage_id)
    call_command("noturiba_report", "workbench", "--pre", key, "--csv", str(tmp_path / "plain"), stdout=io.StringIO())
    assert "vairāk grāmatu" not in (tmp_path / "plain.csv").read_text(encoding="utf-8")
    settings.NOTURIBA_RESEARCH_STUDIES = {"lnb-2027": {"courses": ["workbench"], "free_text": True}}
    call_command("noturiba_report", "workbench", "--pre", key, "--csv", str(tmp_path / "study"), "--study", "lnb-2027",
                 stdout=io.StringIO())
    assert "'=1+1 vairāk grāmatu" in (tmp_path / "study.csv").read_text(encoding="utf-8")


def test_a_retired_learner_leaves_no_survey_row_not_even_of_an_earlier_version(db):
    from noturiba.survey import retirement
    from noturiba.survey.apps import SurveyConfig

    author = Harness("author")
    pre, media = author.load(CIVIC), author.load(MEDIA)
    for user in ("anna", "ben"):
        answer_civic(user, pre, 3)
        answer_media(user, media, ["false"] * 6)
    # A row written before respondent keys existed: no course, no respondent.
    SurveyAnswer.objects.create(block=str(pre.scope_ids.usage_id), question="old",
                                learner=learner_key_for("anna", pre.scope_ids.usage_id), value="1")
    assert retirement.forget_learner([("workbench", "anna")]) > 0  # the receiver's deletion
    left = set(SurveyAnswer.objects.values_list("learner", flat=True))
    assert left == {learner_key_for("ben", pre.scope_ids.usage_id), learner_key_for("ben", media.scope_ids.usage_id)}
    receiver = SurveyConfig.plugin_app["signals_config"]["lms.djangoapp"]["receivers"][0]
    assert callable(getattr(retirement, receiver["receiver_func_name"]))
    assert receiver["signal_path"].endswith("user_api.accounts.signals.USER_RETIRE_LMS_MISC")


def test_the_report_refuses_a_block_that_is_no_survey(db):
    practice = Harness("author").load(CIVIC.replace('mode="survey"', 'mode="practice"'))
    with pytest.raises(CommandError, match="not a survey"):
        call_command("noturiba_report", "workbench", "--pre", str(practice.scope_ids.usage_id), stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("noturiba_report", "workbench", "--pre", "no-such-block", stdout=io.StringIO())


def test_course_staff_open_the_report_from_a_survey_block_and_learners_are_refused(db, monkeypatch):
    from webob import Request
    block = Harness("author").load(CIVIC)
    for n in range(6):
        answer_civic(f"voter-{n}", block, 1 + n % 5)

    def opened(is_staff, suffix=""):
        monkeypatch.setattr(type(block), "is_staff", lambda self: is_staff)
        response = block.runtime.handle(block, "research_report", Request.blank("/"), suffix)
        return response.status_code, response.body.decode("utf-8")

    status, text = opened(False)
    assert status == 403 and "Respondents" not in text
    status, text = opened(True)
    assert status == 200 and "Respondents: pre 6" in text and "trust" in text
    status, data = opened(True, "csv")
    frame = pd.read_csv(io.StringIO(data.lstrip("\ufeff")))
    assert status == 200 and len(frame) == 6 and "wish" not in " ".join(frame.columns)  # no free text
    staff_page = Harness("author").reload(block).render("student_view", {}).content
    assert "data-research" in staff_page
