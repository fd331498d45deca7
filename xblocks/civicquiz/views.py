"""View models of the civicquiz block: the learner's layout, payloads, feedback and summaries.

Pure apart from noturiba.html (sanitising author markup); block.py passes in
what it knows of the learner (key, draw round, state) and translation.
"""

import html
from dataclasses import dataclass

from noturiba.html import plain_text, sanitize
from noturiba.messages import Message, PluralMessage

from . import draw, grading


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
        if question.type == "match" and isinstance(answer, dict):
            return {left: self.pair_to_opaque(question.id, right) for left, right in answer.items()}
        if question.type == "single" and isinstance(answer, str):
            return self.option_to_shown(question.id, answer)
        if question.type == "multiple" and isinstance(answer, list):
            return [self.option_to_shown(question.id, option) for option in answer]
        return answer

    def from_learner(self, question, answer):
        """Map the page's ids back to option and pair ids (None for an id the page did not show)."""
        if question.type in ("single", "multiple"):
            return self._options_from_learner(question, answer)
        if question.type != "match" or not isinstance(answer, dict):
            return answer
        mapped = {}
        for left, opaque in answer.items():
            if not isinstance(opaque, str) or self.opaque_to_pair(question.id, opaque) is None:
                return None
            mapped[left] = self.opaque_to_pair(question.id, opaque)
        return mapped

    def _options_from_learner(self, question, answer):
        shown = self.options.get(question.id, {})
        if answer is None:
            return None if question.type == "single" else answer
        chosen = [answer] if question.type == "single" else answer
        if not isinstance(chosen, list) or not all(isinstance(s, str) and s in shown for s in chosen):
            return None
        mapped = [shown[s] for s in chosen]
        return mapped[0] if question.type == "single" else mapped


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
    if q.type in ("single", "multiple"):
        chosen = [answer] if isinstance(answer, str) else (answer or [])
        view["options"] = [{"id": shown, "label": sanitize(labels[oid].label), "checked": oid in chosen}
                           for shown, oid in layout.options.get(q.id, {}).items()]
    elif q.type == "truefalse":
        view["value"] = "" if answer is None else ("true" if answer else "false")
    elif q.type == "numeric":
        view["value"] = "" if answer is None else _number_text(answer)
    elif q.type == "order":
        # An order counts as an answer once the learner has arranged it (draw.item_order).
        view["arranged"] = isinstance(answer, list)
        order = answer if isinstance(answer, list) else layout.items.get(q.id, [])
        view["items"] = [{"id": iid, "label": sanitize(labels[iid].label), "plain": plain_text(labels[iid].label)}
                         for iid in order if iid in labels]
    elif q.type == "match":
        learner_answer = layout.to_learner(q, answer) or {}
        view["right"] = [{"id": opaque, "label": plain_text(labels[pair_id].right)}
                         for opaque, pair_id in layout.right.get(q.id, {}).items()]
        view["left"] = [{"id": p.id, "label": sanitize(p.left), "value": learner_answer.get(p.id) or ""}
                        for p in q.pairs]
    elif q.type == "scale":
        view["points"] = [{"value": v, "checked": answer == v} for v in range(q.scale_min, q.scale_max + 1)]
        view["low"], view["high"] = q.low, q.high
    elif q.type == "text":
        view["value"] = answer or ""
        view["max_length"] = grading.MAX_TEXT
    return view


def _number_text(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def feedback(q, layout, fraction, mark=None, reveal=True):
    """Per-question feedback; the solution and explanation only when `reveal`."""
    verdict = "right" if grading.is_right(fraction) else ("partial" if fraction > 0 else "wrong")
    data = {"question": q.id, "score": round(fraction, 4), "verdict": verdict, "mark": mark}
    if reveal:
        solution = grading.solution(q)
        if q.type in ("match", "single", "multiple"):
            solution = layout.to_learner(q, solution)
        data.update({
            "solution": solution,
            "explanation": sanitize(q.explanation),
            "sources": [{"href": href, "title": title} for href, title in q.sources],
        })
        if q.type == "numeric":
            data["tolerance"] = q.tolerance or 0
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
        if q.type in ("single", "multiple", "scale"):
            if q.type == "scale":
                ids = [str(v) for v in range(q.scale_min, q.scale_max + 1)]
                labels = ids
                entry["low"], entry["high"] = q.low, q.high
            else:
                ids, labels = [o.id for o in q.options], [plain_text(o.label) for o in q.options]
            if min_group is None:
                shown = {value: values.get(value, 0) for value in ids}
            elif q.type == "multiple":
                shown = disclosure.shown_multiple(ids, values, respondents, min_group)
            else:
                shown = disclosure.shown_choice(ids, values, respondents, min_group)
            entry["values"] = [_share(value, label, shown[value], respondents)
                               for value, label in zip(ids, labels, strict=True)]
        elif q.type == "text":
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
    if q.type in ("single", "multiple"):
        chosen = [answer] if isinstance(answer, str) else answer
        return "; ".join(plain_text(o.label) for o in q.options if o.id in chosen)
    if q.type == "order":
        labels = {i.id: plain_text(i.label) for i in q.items}
        return " > ".join(labels.get(i, i) for i in answer)
    if q.type == "match":
        lefts = {p.id: plain_text(p.left) for p in q.pairs}
        rights = {p.id: plain_text(p.right) for p in q.pairs}
        return "; ".join(f"{lefts.get(k, k)} = {rights.get(v, v)}" for k, v in answer.items())
    if q.type == "truefalse":
        return "true" if answer else "false"
    return str(answer)


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


def script_safe(value):
    """JS init args with every text HTML-escaped (&, <, >), undone by CivicquizStudent.unescape.

    The workbench writes init args into a <script> element without escaping, where author
    text such as "</script>" would end the element (the LMS escapes them itself)."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list | tuple):
        return [script_safe(item) for item in value]
    if isinstance(value, dict):
        return {key: script_safe(item) for key, item in value.items()}
    return value
