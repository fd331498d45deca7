"""Made up or real (the item attribute `origin`, issue 13): what the block says before and after answering. Pure.

Before answering, an item's origin is an answer (a real headline is mostly a true one), so nothing a
learner gets may depend on it item by item. What is said is decided for the whole block, from
`MediaCheck.material`: all made up keeps the per-card label "Practice material: made up for this
exercise"; otherwise one note above the items (mixed: some real, some made up; real: all real), worded
by the kinds of all items, never by the kinds of the real ones. That tells only what the note says
anyway. After answering (the same rule as the verdict, grading.feedback), each item says which it is.
"""

from noturiba.messages import Message

from .model import MADE_UP, REAL

MIXED_HEADLINES = Message("Some of these are real headlines, others were made up for this exercise.")
MIXED_ITEMS = Message("Some of these items are real, others were made up for this exercise.")
REAL_HEADLINES = Message("These are real headlines: none of them was made up for this exercise.")
REAL_ITEMS = Message("These items are real: none of them was made up for this exercise.")
PROMISE_MIXED = Message("After you answer, each one says which.")
PROMISE_REAL = Message("After you answer, each one says where it was published.")


def note(model, promise=True):
    """The block's note before the items (Messages), or [] for a block of made-up items only (per-card label).

    `promise`: whether answers are ever shown in this block (not in surveys, not with showanswer="never")."""
    material = model.material
    if material == MADE_UP or not model.items:
        return []
    headlines = all(item.kind == "headline" for item in model.items)
    if material == REAL:
        lines = [REAL_HEADLINES if headlines else REAL_ITEMS]
        return lines + ([PROMISE_REAL] if promise else [])
    return [MIXED_HEADLINES if headlines else MIXED_ITEMS] + ([PROMISE_MIXED] if promise else [])


def short_date(iso, language):
    """A YYYY-MM-DD date as the learner's language writes it short ("4.03.2025" in Latvian)."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
    except (AttributeError, ValueError):
        return iso or ""
    base = (language or "").split("-")[0].lower()
    if base == "lv":
        return f"{day}.{month:02d}.{year}"
    if base in ("ru", "uk", "de", "nb", "no", "nn", "fi", "et", "lt"):
        return f"{day:02d}.{month:02d}.{year}"
    return iso


def after_answer(item, language):
    """What an item says about its origin once its feedback is due (JSON-safe; label is a Message)."""
    published = item.published
    if item.provenance != REAL or published is None:
        return {"kind": MADE_UP, "label": Message("Made up for this exercise"), "href": None}
    date = short_date(published.date, language) if published.date else None
    headline = item.kind == "headline"
    if date:
        label = (Message("Real headline: {outlet}, {date}", outlet=published.outlet, date=date) if headline
                 else Message("Real case: {outlet}, {date}", outlet=published.outlet, date=date))
    else:
        label = (Message("Real headline: {outlet}", outlet=published.outlet) if headline
                 else Message("Real case: {outlet}", outlet=published.outlet))
    return {"kind": REAL, "label": label, "outlet": published.outlet, "date": published.date,
            "href": published.href}
