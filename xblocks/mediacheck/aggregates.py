"""Survey records, the researchers' anonymous aggregate and the instructor's responses report.

Survey answers (the verdict per item) go only to the kit's survey table, keyed by the anonymous
learner key (a keyed hash, never a user id); nothing of them stays in user_state, the report rows
or tracking events. The aggregate is shown to staff only, from the kit's snapshot (retaken in
steps of min_group respondents, noturiba.survey.disclosure) and only for groups of at least
min_group learners (noturiba.survey.policy: OLX, else XBLOCK_SETTINGS["mediacheck"], else 5).
"""

from collections import defaultdict

from . import grading


def block_key(block):
    from noturiba.survey import store
    return store.block_key(block.scope_ids.usage_id)


def record_survey(block, answers):
    from noturiba.survey import store
    store.record(block_key(block), block.learner_key(), respondent=block.respondent(), answers=
                 {item_id: [answer["verdict"]] for item_id, answer in answers.items() if answer.get("verdict")})


def discernment_means(model, rows):
    """{"n", "mean", "distrust", "naivety"} from (learner, question, value, text) rows."""
    per_learner = defaultdict(dict)
    for learner, question, value, _text in rows:
        per_learner[learner][question] = {"verdict": value}
    scores = [grading.survey_scores(model, answers) for answers in per_learner.values()]
    scores = [score for score in scores if score["discernment"] is not None]
    n = len(scores)
    if not n:
        return {"n": 0}
    return {
        "n": n,
        "mean": round(sum(s["discernment"] for s in scores) / n, 3),
        "distrust": round(sum(s["distrust"] for s in scores) / n, 2),
        "naivety": round(sum(s["naivety"] for s in scores) / n, 2),
    }


def discernment_summary(model, rows, min_group):
    """The staff aggregate of `rows`: the means only from `min_group` learners on."""
    means = discernment_means(model, rows)
    if means["n"] < min_group:
        return {"n": means["n"], "shown": False, "min_group": min_group}
    return {**means, "shown": True, "min_group": min_group}


def staff_aggregate(block):
    """The staff aggregate of the block's snapshot (never live rows: see noturiba.survey.disclosure)."""
    from noturiba.survey import store
    minimum = block.min_group()
    frozen = store.snapshot(block_key(block), minimum, lambda rows: discernment_means(block.model, rows))
    means = frozen.summary or {"n": 0}
    if means.get("n", 0) < minimum:
        return {"n": means.get("n", 0), "shown": False, "min_group": minimum}
    return {**means, "shown": True, "min_group": minimum}


def survey_answers(block):
    """The bound learner's own survey answers, read back from the anonymous table: {item id: {"verdict"}}."""
    from noturiba.survey import store
    values, _texts = store.learner_answers(block_key(block), block.learner_key())
    return {item_id: {"verdict": verdicts[0]} for item_id, verdicts in values.items() if verdicts}


def report_rows(block, user_state_iterator, limit_responses=None):
    """(username, {column: value}) for learners who answered, as the LMS report expects."""
    model = block.model
    if model.mode == "survey":
        return  # survey answers are anonymous: never a row next to a username
    count = 0
    for user_state in user_state_iterator:
        if limit_responses is not None and count >= limit_responses:
            return
        state = getattr(user_state, "state", None) or {}
        answers = state.get("submitted") or state.get("answers") or {}
        if not isinstance(answers, dict) or not answers:
            continue
        verdicts = "; ".join(f"{item.id}: {(answers.get(item.id) or {}).get('verdict') or '-'}"
                             for item in model.items)
        row = {"Mode": model.mode, "Answers": verdicts, "Attempts": state.get("attempts", 0)}
        raw = state.get("raw_earned")
        row["Score"] = None if raw is None else round(raw, 4)
        count += 1
        yield user_state.username, row
