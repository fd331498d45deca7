"""View models of the civicquiz block: the learner's layout, payloads, feedback and summaries.

Pure apart from noturiba.html (sanitising author markup); block.py passes in
what it knows of the learner (key, draw round, state) and translation.
"""

from dataclasses import dataclass

from noturiba.html import plain_text, sanitize
from noturiba.messages import Message, PluralMessage

from . import draw, grading
from .question_types import of


@dataclass
class Layout:
    """What one learner sees in one attempt: the drawn questions and their shuffles."""

    questions: list            # the drawn Question objects, in bank order
    options: dict              # question id -> {shown id: option id}, in the learner's order
    items: dict                # question id -> item ids in the start order
    right: dict                # question id -> {opaque id: pair id}, in shown order

    def question(self, question_id):
        return next((q for q in self.questions if q.id == question_id), None)

    def ids(self):
        return [q.id for q in self.questions]

    def opaque_to_pair(self, question_id, opaque):
        return self.right.get(question_id, {}).get(opaque)

    def pair_to_opaque(self, question_id, pair_id):
        return next((o for o, p in self.right.get(question_id, {}).items() if p == pair_id), None)

    def option_to_shown(self, question_id, option_id):
        return next((s for s, o in self.options.get(question_id, {}).items() if o == option_id), None)

    def to_learner(self, question, answer):
        """A stored answer as the learner's page expects it (options and the match's right side
        as the ids the page shows)."""
        return of(question).to_learner(self, question, answer)

    def from_learner(self, question, answer):
        """Map the page's ids back to option and pair ids (None for an id the page did not show)."""
        return of(question).from_learner(self, question, answer)


def learner_layout(model, learner, draw_round):
    """The learner's questions and orders. In the graded modes nothing a learner is shown follows
    the authoring order or the authored ids of options: options are shuffled for each learner and
    draw round and shown as "o1", "o2", ... by position (authors often write the right option
    first, as "a"); surveys, which have no right option, keep the author's order (or the shuffle
    the `shuffle` attribute asks for) and ids."""
    questions = model.questions
    drawn_ids = draw.draw_questions(questions, model.draw, f"{learner}:{draw_round}")
    drawn = [q for q in questions if q.id in set(drawn_ids)]
    options, items, right = {}, {}, {}
    for q in drawn:
        if q.options:
            options[q.id] = _option_ids(model, q, learner, draw_round)
        if q.items:
            items[q.id] = draw.item_order([i.id for i in q.items], learner, q.id, draw_round)
        if q.pairs:
            right[q.id] = draw.right_column([(p.id, plain_text(p.right)) for p in q.pairs], learner, q.id,
                                            draw_round)
    return Layout(drawn, options, items, right)


def _option_ids(model, q, learner, draw_round):
    ids = [o.id for o in q.options]
    if model.mode == "survey":
        order = draw.shuffled(ids, learner, q.id, "options") if model.shuffle else ids
        return {option_id: option_id for option_id in order}
    order = draw.option_order(ids, learner, q.id, draw_round)
    return {f"o{index}": option_id for index, option_id in enumerate(order, start=1)}


def question_view(q, layout, number, total, answer=None, certainty=None):
    """The template context of one question (markup sanitised; no answers or flags)."""
    labels = {part.id: part for part in (*q.options, *q.items, *q.pairs)}
    view = {"id": q.id, "type": q.type, "number": number, "total": total,
            "prompt": sanitize(q.prompt), "certainty": certainty}
    view.update(of(q).view(q, layout, answer, labels))
    return view


def feedback(q, layout, fraction, mark=None, reveal=True):
    """Per-question feedback; the solution and explanation only when `reveal`."""
    verdict = "right" if grading.is_right(fraction) else ("partial" if fraction > 0 else "wrong")
    data = {"question": q.id, "score": round(fraction, 4), "verdict": verdict, "mark": mark}
    if reveal:
        data.update({
            "solution": layout.to_learner(q, grading.solution(q)),
            "explanation": sanitize(q.explanation),
            "sources": [{"href": href, "title": title} for href, title in q.sources],
        })
        data.update(of(q).feedback(q))
    return data


def recorded(q, hidden):
    """Feedback while `show_correctness` hides correctness: which question was recorded and the
    notice `hidden` (the text shown instead), nothing about right, wrong, points or the answer."""
    return {"question": q.id, "hidden": hidden}


def practice_feedback(layout, checked, hidden=None):
    """The feedback of the checked questions as the page shows it again (`hidden`: see recorded)."""
    return [feedback(q, layout, checked[q.id]) if hidden is None else recorded(q, hidden)
            for q in layout.questions if q.id in checked]


def assessment_result(layout, result, *, pass_threshold, reveal, attempts_text, can_retry, hidden=None):
    """An assessment's result: score, pass and, when `reveal`, per-question feedback; while
    `hidden` (the notice shown instead) only what is the same for every learner."""
    common = {"attempts_text": attempts_text, "can_retry": can_retry}
    if hidden is not None:
        return {"hidden": hidden, **common, "feedback": []}
    return {
        "score": round(result.fraction, 4), "passed": result.passes(pass_threshold), "pass": pass_threshold,
        **common,
        # Per-question verdicts, answers and explanations only when showanswer allows.
        "feedback": [feedback(q, layout, result.scores[q.id], result.marks.get(q.id))
                     for q in layout.questions] if reveal else [],
    }


def legend_message(number, total):
    return Message("Question {number} of {total}", number=number, total=total)


def progress_message(current, total):
    return PluralMessage("{current} of {total} question answered", "{current} of {total} questions answered",
                         total, current=current, total=total)


def public_sample(model, public_question):
    """The public view's sample: the first question as `public_question` shows it (learner-safe)."""
    sample = model.questions[0] if model.questions else None
    if sample is None:
        return {"sample": None, "sample_prompt": "", "sample_options": []}
    public = public_question(sample)
    return {"sample": public, "sample_prompt": sanitize(sample.prompt),
            "sample_options": [plain_text(o["label"]) for o in public.get("options", ())]}


def summary_message(model):
    """How many questions a learner gets (the author and public views)."""
    shown = model.draw or len(model.questions)
    if model.draw:
        return PluralMessage("{count} question drawn for each learner from a bank of {bank}.",
                             "{count} questions drawn for each learner from a bank of {bank}.",
                             shown, bank=len(model.questions))
    return PluralMessage("{count} question.", "{count} questions.", shown)


def survey_waiting_message(minimum):
    return PluralMessage("Results appear once at least {count} person has answered.",
                         "Results appear once at least {count} people have answered.", minimum)


def survey_note_message(minimum):
    """What the shown tallies are (noturiba.survey.disclosure), under them."""
    return PluralMessage(
        "Numbers are updated only after {count} more person has answered. Numbers below {count} are not "
        "shown, nor any number from which one could be worked out; written answers are read only by "
        "the researchers.",
        "Numbers are updated only after {count} more people have answered. Numbers below {count} are not "
        "shown, nor any number from which one could be worked out; written answers are read only by "
        "the researchers.", minimum)


def survey_summary(model, counts, respondents, with_text_count=True, min_group=None):
    """Per-question distributions of survey answers (no text answer is ever included).

    With `min_group` (what learners see) each count passes noturiba.survey.disclosure: a hidden
    count is None, with percent None and "hidden" True; written answers are not even counted.
    """
    from noturiba.survey import disclosure
    summary = []
    for q in model.questions:
        values = counts.get(q.id, {})
        entry = {"question": q.id, "prompt": plain_text(q.prompt), "type": q.type, "respondents": respondents}
        tally = of(q).tally
        if tally in ("pick_one", "pick_many"):
            ids, labels, extra = of(q).choices(q)
            entry.update(extra)
            if min_group is None:
                shown = {value: values.get(value, 0) for value in ids}
            elif tally == "pick_many":
                shown = disclosure.shown_multiple(ids, values, respondents, min_group)
            else:
                shown = disclosure.shown_choice(ids, values, respondents, min_group)
            entry["values"] = [_share(value, label, shown[value], respondents)
                               for value, label in zip(ids, labels, strict=True)]
        elif tally == "written":
            if not with_text_count or min_group is not None:
                continue
            entry["written"] = values.get("text", 0)
        else:
            entry["values"] = [_share(v, v.lstrip("#"), values.get(v, 0), respondents)
                               for v in ("#right", "#partial", "#wrong")]
        summary.append(entry)
    return summary


def _share(value, label, count, total):
    if count is None:
        return {"value": value, "label": label, "count": None, "percent": None, "hidden": True}
    return {"value": value, "label": label, "count": count,
            "percent": round(100 * count / total) if total else 0}


def report_answer(q, answer):
    """A learner's answer as readable text for the instructor's responses report."""
    if answer is None:
        return ""
    return of(q).report(q, answer)


VERDICTS = ("#right", "#partial", "#wrong")


def staff_report(model, counts, respondents, min_group):
    """The staff results view: distributions per question and the pass rate, only from
    `min_group` respondents on (a smaller group is never broken down, not even for staff)."""
    shown = respondents >= min_group
    questions = survey_summary(model, counts, respondents) if shown else []
    for entry in questions:
        for value in entry.get("values", []):
            value["verdict"] = value["value"] if value["value"] in VERDICTS else ""
    results = counts.get("#result", {})
    passed, total = results.get("pass", 0), sum(results.values())
    return {"shown": shown, "respondents": respondents, "min_group": min_group, "questions": questions,
            "graded": model.mode != "survey", "passed": passed if shown else None,
            "pass_total": total if shown else None,
            "pass_percent": round(100 * passed / total) if shown and total else None}
