"""Survey records, the researchers' anonymous aggregate and the instructor's responses report.

Survey answers go to the kit's survey table (one row per learner and item,
keyed by the anonymous learner key, never a user id). The aggregate is shown to
staff only, and only for groups of at least MIN_GROUP learners.
"""

from collections import defaultdict

from . import grading

MIN_GROUP = 5


def block_key(block):
    from noturiba.survey import store
    return store.block_key(block.scope_ids.usage_id)


def record_survey(block, answers):
    from noturiba.survey import store
    store.record(block_key(block), block.learner_key(),
                 {item_id: [answer["verdict"]] for item_id, answer in answers.items() if answer.get("verdict")})


def discernment_summary(model, rows):
    """{"n", "mean", "distrust", "naivety", "shown"} from (learner, question, value, text) rows."""
    per_learner = defaultdict(dict)
    for learner, question, value, _text in rows:
        per_learner[learner][question] = {"verdict": value}
    scores = [grading.survey_scores(model, answers) for answers in per_learner.values()]
    scores = [score for score in scores if score["discernment"] is not None]
    n = len(scores)
    if n < MIN_GROUP:
        return {"n": n, "shown": False, "min_group": MIN_GROUP}
    return {
        "n": n, "shown": True, "min_group": MIN_GROUP,
        "mean": round(sum(s["discernment"] for s in scores) / n, 3),
        "distrust": round(sum(s["distrust"] for s in scores) / n, 2),
        "naivety": round(sum(s["naivety"] for s in scores) / n, 2),
    }


def staff_aggregate(block):
    from noturiba.survey import store
    return discernment_summary(block.model, store.export_rows(block_key(block)))


def report_rows(block, user_state_iterator, limit_responses=None):
    """(username, {column: value}) for learners who answered, as the LMS report expects."""
    model = block.model
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
        if model.mode == "survey":
            scores = grading.survey_scores(model, answers)
            row.update({"Discernment": scores["discernment"], "Distrust": scores["distrust"],
                        "Naivety": scores["naivety"]})
        else:
            raw = state.get("raw_earned")
            row["Score"] = None if raw is None else round(raw, 4)
        count += 1
        yield user_state.username, row
