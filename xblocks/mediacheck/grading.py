"""Scoring and feedback of mediacheck answers. Pure: (model, answers) -> score and feedback.

An answer for one item is a dict:
    {"verdict": "<verdict id>" | None, "flags": [segment ids], "leads": [lead ids], "confidence": 50..100 | None}

Per item score (0..1), weights:
    0.60  verdict   1 if right; 0.5 for a "near" verdict (misleading vs false, both ways, when both are on the
                    scale) when confidence is off; 0 otherwise.
    0.25  flags     F1 of the marked segments against the item's flags: recall = flags found / flags (a flag
                    is found when any segment inside it is marked), precision = marked segments inside some
                    flag / marked segments; F1 = 2PR / (P + R), 0 when nothing is marked.
    0.15  leads     useful leads opened / useful leads, minus 0.25 x (useless leads opened / useless leads),
                    clamped to 0..1: opening everything "just in case" is not what a skilled checker does.
An item without flags gives the flags weight to the verdict; an item without leads (or without useful
leads) gives the leads weight to the verdict.

Block score = mean of the item scores (an unanswered item scores 0): the accuracy.

Confidence on (certainty-based marking, Gardner-Medwin, as Moodle's "accuracy + CBM bonus"): the
confidence c (50..100 %) is certainty 1 (< 67), 2 (67..84) or 3 (>= 85) (noturiba.scoring
certainty_of_confidence, the kit's one table); a right verdict
earns 1, 2, 3 marks, a wrong one 0, -2, -6 (a near verdict is wrong here). The block score is the
accuracy plus noturiba.scoring.cbm_bonus over the items, -0.2 .. +0.045: all verdicts, flags and leads
right never score below 0.93, however unsure. A confidence the learner never chose (None) is not
counted: no bonus, no penalty for that item.

Survey mode (no correctness shown): veracity discernment as in MIST = share of true items (verdict
"accurate") rated accurate minus share of false items (verdict "false" or "misleading") rated accurate,
range -1..1; distrust = max(0, true/false items judged not accurate - false items); naivety = max(0,
items judged accurate - true items) (counts, as in MIST-20).
"""

from dataclasses import dataclass

from noturiba import sources
from noturiba.messages import Message, percent
from noturiba.scoring import cbm_fraction, certainty_of_confidence

from .content import FALSE_VERDICTS, TRUE_VERDICT

VERDICT_WEIGHT = 0.60
FLAGS_WEIGHT = 0.25
LEADS_WEIGHT = 0.15
USELESS_PENALTY = 0.25
NEAR = frozenset({frozenset({"misleading", "false"})})


def verdict_part(model, item, verdict, confidence=None):
    right = verdict == item.verdict
    if right:
        return 1.0
    scale = {v.id for v in model.scale}
    pair = frozenset({verdict, item.verdict})
    return 0.5 if pair in NEAR and pair <= scale else 0.0


def flags_part(item, marked):
    flags = [flag.id for flag in item.flags]
    if not flags:
        return None, set(), []
    if not marked:
        return 0.0, set(), []  # an unanswered item: its words need not be cut
    owners = item.segment_owners
    marked = [segment for segment in dict.fromkeys(marked) if segment in owners]
    found = {owners[segment] for segment in marked if owners[segment]}
    false_marks = [segment for segment in marked if not owners[segment]]
    if not marked:
        return 0.0, found, false_marks
    precision = (len(marked) - len(false_marks)) / len(marked)
    recall = len(found) / len(flags)
    score = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return score, found, false_marks


def leads_part(item, opened):
    useful = {lead.id for lead in item.leads if lead.useful}
    useless = {lead.id for lead in item.leads if not lead.useful}
    if not useful:
        return None
    opened = set(opened)
    share = len(opened & useful) / len(useful)
    penalty = USELESS_PENALTY * len(opened & useless) / len(useless) if useless else 0.0
    return max(0.0, min(1.0, share - penalty))


@dataclass(frozen=True)
class ItemResult:
    score: float
    correct: bool
    verdict_score: float
    flags_found: frozenset
    false_marks: tuple


def grade_item(model, item, answer):
    answer = answer or {}
    verdict = verdict_part(model, item, answer.get("verdict"), answer.get("confidence"))
    flags, found, false_marks = flags_part(item, answer.get("flags") or ())
    leads = leads_part(item, answer.get("leads") or ())
    weight = VERDICT_WEIGHT
    total = VERDICT_WEIGHT * verdict
    if flags is None:
        weight += FLAGS_WEIGHT
        total += FLAGS_WEIGHT * verdict
    else:
        total += FLAGS_WEIGHT * flags
    if leads is None:
        total += LEADS_WEIGHT * verdict
    else:
        total += LEADS_WEIGHT * leads
    score = max(0.0, min(1.0, total))
    return ItemResult(score, answer.get("verdict") == item.verdict, verdict, frozenset(found), tuple(false_marks))


def what_counts(model):
    """What the learner reads before the first item: how an answer is scored (Messages; none in surveys)."""
    if model.mode == "survey" or not model.items:
        return []
    lines = [Message("Each item counts equally. Your verdict is worth {verdict} of an item, the red flags you "
                     "mark {flags} and the leads you open {leads}; where an item has no red flags or no useful "
                     "leads, their share goes to the verdict.", verdict=percent(VERDICT_WEIGHT * 100),
                     flags=percent(FLAGS_WEIGHT * 100), leads=percent(LEADS_WEIGHT * 100)),
             Message("Red flags: marking the suspicious parts counts, marking innocent parts costs a little. "
                     "Leads: opening the useful ones counts, opening every lead just in case costs a little.")]
    if model.confidence:
        lines.append(Message("How sure you are is optional and counts only if you set it: a calibrated "
                             "certainty adds up to 5 percentage points, being sure and wrong costs up to 20. "
                             "All answers right always pass, however sure you were."))
    if model.mode == "practice":
        lines.append(Message("Only your first check of each item counts for the grade; checking again after "
                             "seeing the answer is for practice."))
    return lines


def grade(model, answers, known=None):
    """The block score (0..1) and {item id: ItemResult} for `answers` ({item id: answer}); `known`:
    {item id: ItemResult} of answers in `answers` already graded in this request (not graded again)."""
    if not model.items:
        return 0.0, {}
    known = known or {}
    results = {item.id: known.get(item.id) or grade_item(model, item, answers.get(item.id)) for item in model.items}
    accuracy = sum(r.score for r in results.values()) / len(results)
    if not model.confidence:
        return accuracy, results
    outcomes = []
    for item in model.items:
        answer = answers.get(item.id) or {}
        level = certainty_of_confidence(answer.get("confidence"))
        if answer.get("verdict") and level is not None:
            outcomes.append((results[item.id].correct, level))
    return cbm_fraction(accuracy, outcomes, len(results)), results


def feedback(model, item, answer, result, translate_label, sanitize):
    """What a learner reads after checking an item (JSON-safe)."""
    answer = answer or {}
    owners = item.segment_owners
    flag_segments = {}
    for segment, flag in owners.items():
        if flag:
            flag_segments.setdefault(flag, []).append(segment)
    return {
        "item": item.id,
        "correct": result.correct,
        "score": round(result.score, 4),
        "verdict": item.verdict,
        "verdict_label": translate_label(item.verdict),
        "chosen": answer.get("verdict"),
        "chosen_label": translate_label(answer.get("verdict")) if answer.get("verdict") else None,
        "flags": [{"id": flag.id, "text": flag.text, "note": flag.note, "found": flag.id in result.flags_found,
                   "segments": flag_segments.get(flag.id, [])} for flag in item.flags],
        "false_marks": list(result.false_marks),
        "leads": [{"id": lead.id, "title": lead.title, "useful": lead.useful,
                   "opened": lead.id in set(answer.get("leads") or ())} for lead in item.leads],
        "explanation": sanitize(item.explanation),
        "sources": sources.to_json(item.sources),
    }


def survey_scores(model, answers):
    """Discernment (-1..1 or None), distrust and naivety (counts) of one learner's survey answers."""
    true_items = [item for item in model.items if item.verdict == TRUE_VERDICT]
    false_items = [item for item in model.items if item.verdict in FALSE_VERDICTS]

    def rated_accurate(item):
        return (answers.get(item.id) or {}).get("verdict") == TRUE_VERDICT

    hits = sum(1 for item in true_items if rated_accurate(item))
    false_alarms = sum(1 for item in false_items if rated_accurate(item))
    discernment = None
    if true_items and false_items:
        discernment = hits / len(true_items) - false_alarms / len(false_items)
    judged_real = hits + false_alarms
    judged_fake = len(true_items) + len(false_items) - judged_real
    return {
        "discernment": discernment,
        "distrust": max(0, judged_fake - len(false_items)),
        "naivety": max(0, judged_real - len(true_items)),
    }
