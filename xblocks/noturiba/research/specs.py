"""What the report needs to know of a survey block: its kind, wave, questions and (fact-check) truths.

Pure: built from the block's content model, never from learner state.
"""

from collections import namedtuple

WAVES = ("pre", "post")
LIKERT, FACTCHECK = "likert", "factcheck"

# options: ((value, {language: label}), ...); scale: (min, max, low label, high label) or None.
# Author texts exist in the block's content language only; the kit's default verdicts in en and lv.
Question = namedtuple("Question", "id type prompt options scale")
BlockSpec = namedtuple("BlockSpec", "block kind wave title language questions truths")

TRUE_VERDICT = "accurate"
FALSE_VERDICTS = ("false", "misleading")


def _in(language, text):
    return {language.split("-")[0].lower(): text}


def default_verdict_labels(msgid):
    """The kit's default verdict label in English and Latvian (the mediacheck catalog)."""
    from noturiba.i18n import package_catalog
    catalog = package_catalog("mediacheck", "lv")
    latvian = catalog.gettext(msgid) if catalog is not None else None
    return {"en": msgid, "lv": latvian if isinstance(latvian, str) else ""}


def civicquiz_spec(block, wave, model, title="", language="lv"):
    questions = tuple(
        Question(q.id, q.type, q.prompt, tuple((o.id, _in(language, o.label)) for o in q.options),
                 (q.scale_min, q.scale_max, q.low, q.high) if q.type == "scale" else None)
        for q in model.questions)
    return BlockSpec(block, LIKERT, wave, title, language, questions, {})


def mediacheck_spec(block, wave, model, title="", language="lv"):
    if model.verdicts is None:
        verdicts = tuple((v.id, default_verdict_labels(v.label)) for v in model.scale)
    else:
        verdicts = tuple((v.id, _in(language, v.label)) for v in model.verdicts)
    questions = tuple(Question(item.id, "verdict", item.id, verdicts, None) for item in model.items)
    # Items whose truth is neither real nor fake (satire, unverifiable) stay out of the scores.
    truths = {item.id: item.verdict == TRUE_VERDICT for item in model.items
              if item.verdict == TRUE_VERDICT or item.verdict in FALSE_VERDICTS}
    return BlockSpec(block, FACTCHECK, wave, title, language, questions, truths)


def spec_of(block, wave):
    """The BlockSpec of a civicquiz or mediacheck block in survey mode (ValueError otherwise)."""
    from noturiba.survey import store
    kind = block.scope_ids.block_type
    model = block.model
    if getattr(model, "mode", None) != "survey":
        raise ValueError(f"{block.scope_ids.usage_id} is not a survey")
    if wave not in WAVES:
        raise ValueError(f"wave must be one of {WAVES}")
    build = {"civicquiz": civicquiz_spec, "mediacheck": mediacheck_spec}.get(kind)
    if build is None:
        raise ValueError(f"{kind} blocks have no surveys")
    return build(store.block_key(block.scope_ids.usage_id), wave, model,
                 title=block.display_name, language=block.content_language())
