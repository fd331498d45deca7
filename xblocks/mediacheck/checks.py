"""Validation of a mediacheck model: errors refuse a save, warnings only inform; pure."""

import re

from noturiba import olx
from noturiba.html import images_without_alt, plain_text
from noturiba.messages import Message, Problem

from .model import ID_PATTERN, KINDS, MODES, ORIGINS, REAL


def validate(model):
    """Problems of a model: errors refuse a save, warnings only inform."""
    problems = []

    def error(message, node_id=None):
        problems.append(Problem("error", message, node_id))

    if model.mode not in MODES:
        error(Message("The attribute {name} must be one of: {choices}; not \"{value}\".",
                      name="mode", choices=", ".join(MODES), value=model.mode[:40]))
    scale_ids = [v.id for v in model.scale]
    if len(set(scale_ids)) != len(scale_ids):
        error(Message("A verdict id is used twice on the scale."))
    if not model.items:
        error(Message("The exercise needs at least one item."))
    seen = set()
    for item in model.items:
        ids = [item.id] + [flag.id for flag in _flags_or_none(item, error)] + [lead.id for lead in item.leads]
        for node_id in ids:
            if not ID_PATTERN.fullmatch(node_id or ""):
                error(Message("The id \"{id}\" may hold only letters, digits and _ . : - (at most 100).",
                              id=(node_id or "")[:100]), item.id)
            elif node_id in seen:
                error(Message("The id \"{id}\" is used twice in this block.", id=node_id), node_id)
            seen.add(node_id)
        if item.kind not in KINDS:
            error(Message("The attribute {name} must be one of: {choices}; not \"{value}\".",
                          name="kind", choices=", ".join(KINDS), value=item.kind[:40]), item.id)
        if not item.verdict:
            error(Message("The item \"{id}\" has no verdict.", id=item.id), item.id)
        elif item.verdict not in scale_ids:
            error(Message("The verdict \"{verdict}\" of item \"{id}\" is not on the scale: {choices}.",
                          verdict=item.verdict[:40], id=item.id, choices=", ".join(scale_ids)), item.id)
        if not plain_text(item.body):
            error(Message("The item \"{id}\" has an empty body.", id=item.id), item.id)
        for flag in _flags_or_none(item, lambda *a: None):
            if not flag.text:
                error(Message("The flag \"{id}\" marks no text.", id=flag.id), flag.id)
        if _nested_flag(item):  # the OLX reader refuses it too: an export must import again
            error(Message("A <flag> cannot be inside another <flag>."), item.id)
        for lead in item.leads:
            if not lead.title.strip():
                error(Message("The lead \"{id}\" needs a title.", id=lead.id), lead.id)
        if item.media is not None and not (item.media.alt or "").strip():
            problems.append(Problem("warning", Message(
                "The image of item \"{id}\" has no alt text: describe it for learners who cannot see it.",
                id=item.id), item.id))
        for href, _title in item.sources:
            if not re.match(r"https?://\S", href or ""):
                error(Message("A source link must start with http:// or https://."), item.id)
        _check_origin(item, error, problems)
        markup = item.body + item.explanation + "".join(lead.body for lead in item.leads)
        if images_without_alt(markup):
            problems.append(Problem("warning", Message(
                "An image in item \"{id}\" has no alt text: describe it for learners who cannot see it.",
                id=item.id), item.id))
    return problems


_ISO_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _check_origin(item, error, problems):
    """origin="made-up" (the default) or "real"; a real item says where it was published, a made-up one not."""
    if item.provenance not in ORIGINS:
        error(Message("The attribute {name} must be one of: {choices}; not \"{value}\".",
                      name="origin", choices=", ".join(ORIGINS), value=str(item.provenance)[:40]), item.id)
        return
    published = item.published
    if item.provenance != REAL:
        if published is not None:
            error(Message("The item \"{id}\" is made up for the exercise: only a real item (origin=\"real\") has "
                          "<published>.", id=item.id), item.id)
        return
    if published is None or not published.outlet.strip():
        error(Message("The real item \"{id}\" needs <published outlet=\"...\" date=\"YYYY-MM-DD\" href=\"...\"/>: "
                      "learners see where it was published after answering.", id=item.id), item.id)
        return
    if not re.match(r"https?://\S", published.href or ""):
        error(Message("A source link must start with http:// or https://."), item.id)
    if published.date is None:
        problems.append(Problem("warning", Message(
            "The real item \"{id}\" has no publication date (date=\"YYYY-MM-DD\" of <published>).", id=item.id),
            item.id))
    elif not _ISO_DATE.fullmatch(published.date):
        error(Message("The date \"{date}\" of item \"{id}\" must be written as YYYY-MM-DD.",
                      date=published.date[:40], id=item.id), item.id)


def _nested_flag(item):
    try:
        return item.nests_flags
    except olx.OlxError:
        return False  # reported as the body's error


def _flags_or_none(item, error):
    try:
        return item.flags
    except olx.OlxError as problem:
        error(problem.message, item.id)
        return ()
