"""View models of the mediacheck block: what templates and the learner's script receive.

Everything a learner receives before an answer is due is built from
content.public_item(); verdicts, flag positions, lead usefulness, notes and
explanations enter only through grading.feedback(), when they are due.

Exams (the inherited `show_correctness` and due date, noturiba.scoring): while
correctness is hidden the learner gets no score, no right or wrong, no feedback
(not even what `showanswer` allows), only results_hidden_message(); past the
due date a practice or assessment block is closed: its answer controls are
disabled, the check and submit buttons give way to the past-due message.
"""

import random
import re

from django.utils.safestring import mark_safe

from noturiba.fragments import json_island
from noturiba.html import sanitize
from noturiba.messages import N_, Message, percent
from noturiba.scoring import attempts_left_message

from . import content, grading

KIND_LABELS = {
    "post": N_("Social media post"), "headline": N_("News headline"), "message": N_("Forwarded chat message"),
    "image": N_("Image"), "article": N_("Article excerpt"), "video": N_("Video"),
}
MODE_LABELS = {"practice": N_("Practice"), "assessment": N_("Assessment"), "survey": N_("Survey")}
SAFE_SRC = re.compile(r"^(https?://|/)[^\s\"'<>]*$", re.IGNORECASE)


def ordered_items(block):
    items = list(block.model.items)
    if block.model.shuffle:
        random.Random(block.learner_key()).shuffle(items)
    return items


def ordered_leads(item, learner=None):
    """An item's leads in the order this learner sees them: shuffled (seeded by learner and item)
    from the leads sorted by id, so their order says nothing of which are useful (authors tend to
    write the useful ones first); without a learner (noturiba.secrecy) sorted by id."""
    leads = sorted(item.leads, key=lambda lead: lead.id)
    if learner is not None:
        random.Random(f"{learner}:{item.id}:leads").shuffle(leads)  # noqa: S311 - not for security
    return leads


def label_translator(block):
    model = block.model

    def label(verdict_id):
        return content.verdict_label(model, verdict_id, block.t.gettext)
    return label


def safe_src(block, src):
    src = block.static_urls(src or "")
    return src if SAFE_SRC.match(src) else ""


def results_hidden(block):
    """Whether scores and right or wrong are hidden from this learner now (show_correctness)."""
    return block.model.mode != "survey" and not block.correctness_available()


def hidden_notice(block):
    """The translated sentence shown instead of a score or feedback, or None when results are shown."""
    return block.t.render(block.results_hidden_message()) if results_hidden(block) else None


def closed_message(block):
    """Past the due date, why a practice or assessment block takes no answers (translated), else None.

    Surveys publish no grade and stay open.
    """
    if block.model.mode == "survey":
        return None
    refusal = block.graded_answer_refusal()
    return block.t.render(refusal) if refusal is not None else None


def card(block, item, number, total, interactive=True):
    data = content.public_item(item)
    uid = f"{block.dom_id()}-{item.id}"
    answer = block.clean_answers().get(item.id, {})
    marked = set(answer.get("flags") or ())
    first = True
    for paragraph in data["segments"]:
        for segment in paragraph:
            segment["pressed"] = segment["id"] in marked
            segment["tabindex"] = "0" if first else "-1"
            first = False
    opened = block.clean_opened().get(item.id, [])
    leads = []
    for lead in ordered_leads(item, block.learner_key()):
        leads.append({"id": lead.id, "title": lead.title, "opened": lead.id in opened,
                      "text": sanitize(block.static_urls(lead.body)) if lead.id in opened else ""})
    media = data["media"]
    if media:
        media["src"] = safe_src(block, media["src"])
    view = {
        **data, "uid": uid, "number": number, "leads": leads,
        "heading": block.t.render(Message("Item {number} of {total}", number=number, total=total)),
        "chosen": answer.get("verdict"), "confidence_value": answer.get("confidence") or 50,
        "confidence_chosen": answer.get("confidence") is not None,
        "initial": (item.origin.name or "?")[:1].upper() if item.origin and item.origin.name else "?",
    }
    view["html"] = mark_safe(block.render_template("card.html", {  # noqa: S308 - autoescaped template
        "card": view, "uid": block.dom_id(), "interactive": interactive, "mode": block.model.mode,
        "verdicts": verdict_options(block), "confidence": block.model.confidence,
        "closed": closed_message(block) if interactive else None,
        "confidence_label": block.t.render(Message("How sure are you? ({low} = guessing, {high} = certain)",
                                                   low=percent(50), high=percent(100))),
    }))
    return view


def verdict_options(block):
    label = label_translator(block)
    return [{"id": v.id, "label": label(v.id)} for v in block.model.scale]


def feedback_for(block, answers, ids=None):
    model = block.model
    label = label_translator(block)
    result = {}
    for item in model.items:
        if ids is not None and item.id not in ids:
            continue
        answer = answers.get(item.id)
        if answer is None:
            continue
        graded = grading.grade_item(model, item, answer)
        result[item.id] = grading.feedback(model, item, answer, graded, label,
                                           lambda markup: sanitize(block.static_urls(markup)))
    return result


def item_feedback(block, item, answer):
    """Practice: the feedback on one checked item, or {} while correctness is hidden."""
    if results_hidden(block):
        return {}
    return feedback_for(block, {item.id: answer}, {item.id})[item.id]


def due_feedback(block):
    """Feedback the learner may see now: practice per checked item, assessment as showanswer allows.

    Nothing while correctness is hidden (show_correctness), whatever showanswer allows.
    """
    mode = block.model.mode
    if results_hidden(block):
        return {}
    if mode == "practice":
        return feedback_for(block, block.clean_answers(), set(block.clean_checked()))
    if mode == "assessment" and block.submitted and not block.retrying:
        score = block.raw_earned or 0.0
        if block.answer_available(correct=score >= 0.9999):
            return feedback_for(block, block.clean_submitted())
    return {}


def status(block):
    """Score and attempts as sentences (translated), for the learner.

    While correctness is hidden the score gives way to results_hidden_message(); past the due date
    an assessment says so instead of counting attempts (practice says it on each item).
    """
    model = block.model
    lines = []
    if model.mode == "survey":
        if block.submitted:
            lines.append(block.t.render(Message("Thank you: your answers are recorded.")))
        return lines
    if block.raw_earned is not None and (model.mode == "practice" or block.submitted):
        lines.append(hidden_notice(block) or block.t.render(
            Message("Your score: {percent}.", percent=percent(100 * block.raw_earned))))
    closed = closed_message(block)
    if model.mode == "assessment" and closed:
        lines.append(closed)
    elif model.mode == "assessment" and block.max_attempts:
        lines.append(block.t.render(attempts_left_message(block.attempts_left())))
    return lines


def check_response(block, item, answer):
    """What check_item answers: the item's feedback (or {} and the notice while results are hidden)."""
    return {"feedback": item_feedback(block, item, answer), "notice": hidden_notice(block),
            "status": status(block), "completed": completed(block)}


def submit_response(block):
    """What submit answers in assessment mode (feedback as due_feedback allows)."""
    return {"submitted": True, "feedback": due_feedback(block), "notice": hidden_notice(block),
            "status": status(block), "completed": True, "can_submit": block.can_submit(), "passed": passed(block)}


def passed(block):
    """Whether the kept grade passes (the page warns before a new attempt then); None while
    show_correctness hides results, since it would tell."""
    if results_hidden(block):
        return None
    return block.raw_earned is not None and block.raw_earned >= block.pass_threshold


def completed(block):
    model = block.model
    if model.mode == "practice":
        return bool(model.items) and set(block.clean_checked()) >= {item.id for item in model.items}
    return bool(block.submitted)


def can_submit(block):
    mode = block.model.mode
    if mode == "practice":
        return closed_message(block) is None
    if mode == "survey":
        return not block.submitted
    return block.can_submit() and (not block.submitted or block.retrying)


def can_retry(block):
    """Assessment: a submitted attempt with attempts left can be followed by a new one."""
    return (block.model.mode == "assessment" and bool(block.submitted) and not block.retrying
            and block.can_submit())


def student(block):
    model = block.model
    items = ordered_items(block)
    cards = [card(block, item, number, len(items)) for number, item in enumerate(items, start=1)]
    context = {
        "uid": block.dom_id(), "display_name": block.display_name, "mode": model.mode,
        "confidence": model.confidence, "cards": cards, "verdicts": verdict_options(block),
        "status": status(block), "aggregate": block.staff_aggregate(), "closed": closed_message(block),
    }
    context["feedback_island"], feedback_id = json_island(block, "feedback", due_feedback(block))
    init_args = {
        "namespace": block.i18n_js_namespace, "mode": model.mode, "confidence": model.confidence,
        "items": [item.id for item in items], "answers": block.clean_answers(),
        "feedback_id": feedback_id, "submitted": bool(block.submitted),
        "can_submit": can_submit(block), "can_retry": can_retry(block),
        "completed": completed(block), "status": status(block),
        "results_hidden": hidden_notice(block), "closed": closed_message(block) is not None,
        "checked": sorted(block.clean_checked()) if model.mode == "practice" else [],
    }
    return context, init_args


def author_summary(block):
    """The author's overview in Studio (answers included: authors wrote them); rich text sanitised."""
    model = block.model
    label = label_translator(block)

    def rich(markup):
        return mark_safe(sanitize(block.static_urls(markup)))  # noqa: S308 - sanitised author markup
    return [{"id": item.id, "kind": item.kind, "verdict": label(item.verdict),
             "flags": item.flags, "leads": item.leads, "useful": sum(1 for lead in item.leads if lead.useful),
             "body": rich(item.body), "explanation": rich(item.explanation)} for item in model.items]


def studio(block):
    """The Studio form editor's template context and init args (the model as editor JSON)."""
    uid = block.dom_id() + "-form"
    gettext = block.t.gettext
    kinds = [{"id": kind, "label": gettext(KIND_LABELS[kind])} for kind in content.KINDS]
    context = {"uid": uid, "display_name": block.display_name, "kinds": kinds}
    context["model_island"], model_id = json_island(block, "studio-model", {
        "content": content.to_json(block.model), "scale": verdict_options(block)}, editor=True)
    init_args = {
        "namespace": block.i18n_js_namespace, "uid": uid, "model_id": model_id,
        "settings": block.editable_settings(),
        "showanswer_choices": block.showanswer_choices(), "kinds": kinds,
        "modes": [{"id": mode, "label": gettext(MODE_LABELS[mode])} for mode in content.MODES],
    }
    return context, init_args
