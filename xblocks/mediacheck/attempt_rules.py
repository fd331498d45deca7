"""The answer rules of mediacheck (pure: no XBlock, no Django; block.py applies them).

What an answer is (`answer`, `answer_problem`), how stored state is made to fit the current
content (`clean_answer`, `cleaned`, `clean_checked`, `clean_opened`: answers pointing at removed
items, segments, leads or verdicts are dropped, never a crash), which requests are refused
(the `*_refusal` functions: a Message, or None) and what practice grades (`practice_graded`).
"""

from noturiba.messages import Message

USED_ALL = Message("You have used all your attempts.")
ALREADY_RECORDED = Message("Your answers are already recorded.")
CHOOSE_EVERY_VERDICT = Message("Choose a verdict for every item first.")
PRACTICE_CHECKS_EACH = Message("In practice mode, check each item on its own.")


def _scale_ids(model):
    return {v.id for v in model.scale}


def _confidence(value):
    return value if isinstance(value, int) and not isinstance(value, bool) and 50 <= value <= 100 else None


def clean_answer(model, item, answer):
    """A stored answer of `item` with what the current content no longer has dropped (None: no answer)."""
    if not isinstance(answer, dict):
        return None
    segments = item.segment_owners
    lead_ids = item.lead_ids
    verdict = answer.get("verdict")
    return {
        "verdict": verdict if verdict in _scale_ids(model) else None,
        "flags": [s for s in answer.get("flags") or () if s in segments],
        "leads": [lead for lead in answer.get("leads") or () if lead in lead_ids],
        "confidence": _confidence(answer.get("confidence")),
    }


def cleaned(model, stored):
    """{item id: clean answer} of stored answers, for the items the block still has."""
    stored = stored if isinstance(stored, dict) else {}
    result = {}
    for item in model.items:
        answer = clean_answer(model, item, stored.get(item.id))
        if answer is not None:
            result[item.id] = answer
    return result


def clean_checked(model, checked):
    """Practice: {item id: score of the last check} for the items the block still has."""
    checked = checked or {}
    return {item.id: checked[item.id] for item in model.items if item.id in checked}


def clean_opened(model, opened):
    """{item id: [opened lead ids]} for the leads the block still has (items without any left out)."""
    opened = opened or {}
    result = {}
    for item in model.items:
        kept = [lead for lead in opened.get(item.id) or () if lead in item.lead_ids]
        if kept:
            result[item.id] = kept
    return result


def answer_problem(model, item, data, need_verdict):
    """Why `data` (validated handler input) is no answer of `item` (a Message), or None."""
    segments = item.segment_owners
    for segment in data.get("flags") or ():
        if segment not in segments:
            return Message("There is no text part \"{id}\" in this item.", id=segment[:20])
    for lead in data.get("leads") or ():
        if lead not in item.lead_ids:
            return Message("There is no lead \"{id}\" in this item.", id=lead[:100])
    verdict = data.get("verdict")
    if verdict is not None and verdict not in _scale_ids(model):
        return Message("There is no verdict \"{id}\" on this scale.", id=verdict[:100])
    if need_verdict and not verdict:
        return CHOOSE_EVERY_VERDICT
    return None


def answer(data, opened=()):
    """The answer kept for valid `data`: flags once each in the learner's order; the leads opened
    before (`opened`) count with the leads sent."""
    return {"verdict": data.get("verdict"), "flags": list(dict.fromkeys(data.get("flags") or ())),
            "leads": sorted(set(opened) | set(data.get("leads") or ())), "confidence": data.get("confidence")}


def missing_items(model, answers):
    """Whether a submission leaves an item of the block without an answer."""
    return set(answers) != {item.id for item in model.items}


def check_refusal(mode, past_due):
    if mode != "practice":
        return Message("In this exercise, answers are checked when you submit them all.")
    return past_due


def save_refusal(mode, submitted, past_due):
    if mode == "survey" and submitted:
        return ALREADY_RECORDED
    return None if mode == "survey" else past_due


def submit_refusal(mode, *, submitted, retrying, can_submit, past_due):
    """Why a submission is refused before its answers are read (surveys have no due date here)."""
    if mode == "practice":
        return PRACTICE_CHECKS_EACH
    if mode == "survey":
        return ALREADY_RECORDED if submitted else None
    if past_due is not None:
        return past_due
    if not can_submit:
        return USED_ALL
    if submitted and not retrying:
        return Message("These answers are already submitted. Start a new attempt to answer again.")
    return None


def new_attempt_refusal(mode, *, submitted, retrying, can_submit, past_due):
    if mode != "assessment" or not submitted or retrying:
        return Message("There is no submitted attempt to start again from.")
    if past_due is not None:
        return past_due
    return None if can_submit else USED_ALL


def reset_refusal(mode, past_due):
    if mode != "practice":
        return Message("Only practice exercises can be reset.")
    return past_due


def first_check(item_id, first_checks, checked):
    """Practice: whether checking `item_id` now is its first check (the one that is graded)."""
    return item_id not in (first_checks or {}) and item_id not in (checked or {})


def practice_graded(model, answers, checked, first_checks):
    """Practice: the answers graded, each item's first check (states from before first checks were kept:
    the checked answers). `answers`, `checked` clean; `first_checks` as stored."""
    graded = {item_id: answers[item_id] for item_id in checked if item_id in answers}
    graded.update(cleaned(model, first_checks))
    return graded


def completion(model, checked):
    """Practice: the share of items checked (0..1, four decimals)."""
    return round(len(checked) / len(model.items), 4) if model.items else 0.0
