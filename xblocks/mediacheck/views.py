"""View models of the mediacheck block: what templates and the learner's script receive.

Pure glue between content, grading and the block: functions of the model, the learner's state
(cleaned: `answers`, `opened`, `checked`, `submitted`), the block's `facts` (block.py `facts()`),
`translate` (a noturiba.i18n.Translator: render, gettext), `rich` (author markup sanitised, asset
links rewritten) and `urls` (asset links rewritten), to JSON-safe dicts and template contexts.
Templates are rendered by the block.

Everything a learner receives before an answer is due is built from
content.public_item(); verdicts, flag positions, lead usefulness, notes and
explanations enter only through grading.feedback(), when they are due.

Exams (the inherited `show_correctness` and due date, noturiba.scoring): while
correctness is hidden the learner gets no score, no right or wrong, no feedback
(not even what `showanswer` allows), only the notice in facts["results_hidden"]; past the
due date a practice or assessment block is closed (facts["closed"]): its answer controls are
disabled, the check and submit buttons give way to the past-due message.
"""

import re

from django.utils.safestring import mark_safe

from noturiba import seeded
from noturiba.messages import N_, Message, percent

from . import content, grading, provenance

KIND_LABELS = {
    "post": N_("Social media post"), "headline": N_("News headline"), "message": N_("Forwarded chat message"),
    "image": N_("Image"), "article": N_("Article excerpt"), "video": N_("Video"),
}
MODE_LABELS = {"practice": N_("Practice"), "assessment": N_("Assessment"), "survey": N_("Survey")}
SAFE_SRC = re.compile(r"^(https?://|/)[^\s\"'<>]*$", re.IGNORECASE)


def ordered_items(model, learner):
    items = list(model.items)
    if model.shuffle:
        items = seeded.shuffled(items, learner, "items")
    return items


def ordered_leads(item, learner=None):
    """An item's leads in the order this learner sees them: shuffled (seeded by learner and item)
    from the leads sorted by id, so their order says nothing of which are useful (authors tend to
    write the useful ones first); without a learner (noturiba.secrecy) sorted by id."""
    parts = () if learner is None else (learner, item.id, "leads")
    return seeded.start_order(item.leads, *parts, key=lambda lead: lead.id)


def label_translator(model, translate):
    def label(verdict_id):
        return content.verdict_label(model, verdict_id, translate.gettext)
    return label


def safe_src(src, urls):
    src = urls(src or "")
    return src if SAFE_SRC.match(src) else ""


def material_note(model, translate, *, show_correctness=None, showanswer=None):
    """The block's note on made-up and real items (translated sentences; [] when every item is made up).

    It promises to say which is which only where answers are ever shown: not in a survey, not with
    showanswer="never" (assessment) or show_correctness="never"; block settings, the same for every item."""
    shown = model.mode != "survey" and show_correctness != "never"
    if model.mode == "assessment" and showanswer == "never":
        shown = False
    return [translate.render(line) for line in provenance.note(model, promise=shown)]


def verdict_options(model, translate):
    label = label_translator(model, translate)
    return [{"id": v.id, "label": label(v.id)} for v in model.scale]


def card(model, item, number, total, *, state, facts, translate, rich, urls):
    """One item's card (the template's `card`); the block renders card.html with card_context()."""
    data = content.public_item(item)
    answer = state["answers"].get(item.id, {})
    marked = set(answer.get("flags") or ())
    first = True
    for paragraph in data["segments"]:
        for segment in paragraph:
            segment["pressed"] = segment["id"] in marked
            segment["tabindex"] = "0" if first else "-1"
            first = False
    opened = state["opened"].get(item.id, [])
    leads = [{"id": lead.id, "title": lead.title, "opened": lead.id in opened,
              "text": rich(lead.body) if lead.id in opened else ""}
             for lead in ordered_leads(item, facts["learner"])]
    if data["media"]:
        data["media"]["src"] = safe_src(data["media"]["src"], urls)
    return {
        **data, "uid": f"{facts['uid']}-{item.id}", "number": number, "leads": leads,
        "heading": translate.render(Message("Item {number} of {total}", number=number, total=total)),
        "chosen": answer.get("verdict"), "confidence_value": answer.get("confidence") or 50,
        "confidence_chosen": answer.get("confidence") is not None,
        "initial": (item.origin.name or "?")[:1].upper() if item.origin and item.origin.name else "?",
    }


def card_context(model, view, *, facts, translate, interactive=True, verdicts=None):
    """What card.html gets for one card `view` (`verdicts`: verdict_options, given once for many cards)."""
    return {
        "card": view, "uid": facts["uid"], "interactive": interactive, "mode": model.mode,
        "material": model.material, "verdicts": verdicts or verdict_options(model, translate),
        "confidence": model.confidence, "closed": facts["closed"] if interactive else None,
        "confidence_label": translate.render(Message("How sure are you? ({low} = guessing, {high} = certain)",
                                                     low=percent(50), high=percent(100))),
    }


def feedback_for(model, answers, ids=None, *, language, translate, rich, results=None):
    """{item id: feedback} of `answers` (only `ids` if given); `results` ({item id: ItemResult}) already
    graded are not graded again."""
    label = label_translator(model, translate)
    results = results or {}
    feedback = {}
    for item in model.items:
        answer = answers.get(item.id)
        if answer is None or (ids is not None and item.id not in ids):
            continue
        graded = results.get(item.id) or grading.grade_item(model, item, answer)
        feedback[item.id] = grading.feedback(model, item, answer, graded, label, rich)
        origin = provenance.after_answer(item, language)
        feedback[item.id]["origin"] = {**origin, "label": translate.render(origin["label"])}
    return feedback


def due_feedback(model, state, facts, translate, rich, results=None):
    """Feedback the learner may see now: practice per checked item, assessment as showanswer allows
    (facts["reveal"]). Nothing while correctness is hidden (show_correctness), whatever showanswer allows."""
    if facts["results_hidden"]:
        return {}
    options = {"language": facts["ui_lang"], "translate": translate, "rich": rich}
    if model.mode == "practice":
        return feedback_for(model, state["answers"], set(state["checked"]), **options)
    if model.mode == "assessment" and facts["submitted"] and not facts["retrying"] and facts["reveal"]:
        return feedback_for(model, state["submitted"], results=results, **options)
    return {}


def status(model, facts, translate):
    """Score and attempts as sentences (translated), for the learner.

    While correctness is hidden the score gives way to the hidden notice; past the due date
    an assessment says so instead of counting attempts (practice says it on each item).
    """
    lines = []
    if model.mode == "survey":
        if facts["submitted"]:
            lines.append(translate.render(Message("Thank you: your answers are recorded.")))
        return lines
    raw = facts["raw_earned"]
    if raw is not None and (model.mode == "practice" or facts["submitted"]):
        lines.append(facts["results_hidden"] or translate.render(
            Message("Your score: {percent}.", percent=percent(100 * raw))))
    if model.mode == "assessment" and facts["closed"]:
        lines.append(facts["closed"])
    elif model.mode == "assessment" and facts["attempts_message"]:
        lines.append(facts["attempts_message"])
    return lines


def check_response(model, item, answer, result, *, state, facts, translate, rich):
    """What check_item answers: the item's feedback (or {} and the notice while results are hidden)."""
    feedback = {}
    if not facts["results_hidden"]:
        feedback = feedback_for(model, {item.id: answer}, {item.id}, results={item.id: result},
                                language=facts["ui_lang"], translate=translate, rich=rich)[item.id]
    return {"feedback": feedback, "notice": facts["results_hidden"],
            "status": status(model, facts, translate), "completed": completed(model, state, facts)}


def submit_response(model, state, facts, translate, rich, results=None):
    """What submit answers in assessment mode (feedback as due_feedback allows)."""
    return {"submitted": True, "feedback": due_feedback(model, state, facts, translate, rich, results),
            "notice": facts["results_hidden"], "status": status(model, facts, translate), "completed": True,
            "can_submit": facts["can_submit"], "passed": passed(facts)}


def passed(facts):
    """Whether the kept grade passes (the page warns before a new attempt then); None while
    show_correctness hides results, since it would tell."""
    if facts["results_hidden"]:
        return None
    return facts["raw_earned"] is not None and facts["raw_earned"] >= facts["pass_threshold"]


def completed(model, state, facts):
    if model.mode == "practice":
        return bool(model.items) and set(state["checked"]) >= {item.id for item in model.items}
    return bool(facts["submitted"])


def can_submit(model, facts):
    if model.mode == "practice":
        return facts["closed"] is None
    if model.mode == "survey":
        return not facts["submitted"]
    return facts["can_submit"] and (not facts["submitted"] or facts["retrying"])


def can_retry(model, facts):
    """Assessment: a submitted attempt with attempts left can be followed by a new one."""
    return model.mode == "assessment" and facts["submitted"] and not facts["retrying"] and facts["can_submit"]


def student(model, state, facts, translate, rich):
    """The student view: (template context without cards' html and the feedback island, init args
    without feedback_id, the feedback due now). Cards are in context["cards"]."""
    items = ordered_items(model, facts["learner"])
    lines = status(model, facts, translate)
    context = {
        "uid": facts["uid"], "display_name": facts["display_name"], "mode": model.mode,
        "confidence": model.confidence, "verdicts": verdict_options(model, translate),
        "status": lines, "aggregate": facts["aggregate"], "closed": facts["closed"],
        "material_note": facts["material_note"],
        "what_counts": [translate.render(line) for line in grading.what_counts(model)],
    }
    init_args = {
        "namespace": facts["namespace"], "mode": model.mode, "confidence": model.confidence,
        "items": [item.id for item in items], "answers": state["answers"],
        "submitted": facts["submitted"],
        "can_submit": can_submit(model, facts), "can_retry": can_retry(model, facts),
        "completed": completed(model, state, facts), "status": lines,
        "results_hidden": facts["results_hidden"], "closed": facts["closed"] is not None,
        "checked": sorted(state["checked"]) if model.mode == "practice" else [],
        "passed": passed(facts),
    }
    return context, init_args, items


def author(model, *, display_name, problems, translate, rich):
    """The author's overview in Studio (answers included: authors wrote them); rich text sanitised."""
    label = label_translator(model, translate)

    def safe(markup):
        return mark_safe(rich(markup))  # noqa: S308 - sanitised author markup
    items = [{"id": item.id, "kind": translate.gettext(KIND_LABELS.get(item.kind, item.kind)),
              "verdict": label(item.verdict), "flags": item.flags, "leads": item.leads,
              "useful": sum(1 for lead in item.leads if lead.useful),
              "body": safe(item.body), "explanation": safe(item.explanation)} for item in model.items]
    return {"display_name": display_name, "mode": translate.gettext(MODE_LABELS[model.mode]), "items": items,
            "problems": [translate.render(problem.message) for problem in problems]}


def studio(model, facts, translate):
    """The Studio form editor: (template context, init args without model_id, the model island's data)."""
    uid = facts["uid"] + "-form"
    gettext = translate.gettext
    kinds = [{"id": kind, "label": gettext(KIND_LABELS[kind])} for kind in content.KINDS]
    context = {"uid": uid, "display_name": facts["display_name"], "kinds": kinds}
    island = {"content": content.to_json(model), "scale": verdict_options(model, translate)}
    init_args = {
        "namespace": facts["namespace"], "uid": uid,
        "settings": facts["settings"],
        "showanswer_choices": facts["showanswer_choices"], "kinds": kinds,
        "modes": [{"id": mode, "label": gettext(MODE_LABELS[mode])} for mode in content.MODES],
    }
    return context, init_args, island
