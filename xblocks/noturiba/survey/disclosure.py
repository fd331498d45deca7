"""What learners (and the blocks' staff views) may be shown of survey tallies: one rule, pure.

Two parts, both with the block's `min_group` m:

1. Over time: learners never see live tallies, only a snapshot, retaken once the live
   respondents differ from the snapshot's by at least m (`needs_retake`). Between two views the
   tallies either stay the same or change because at least m people answered (or were removed),
   so comparing them never isolates one person. A snapshot of fewer than m respondents is not shown.
2. Per cell: every question's respondents are split into cells that cover them all (each option
   or scale point plus "no answer"; for a multiple-choice option: chose it or not). A cell is shown
   only with at least m people (`protect`): smaller cells, zeros included, are hidden; if that
   hides exactly one cell of a question, its count would follow from the total, so the smallest
   shown cell is hidden too (complementary suppression); and a question whose shown cells would
   put everybody into one cell is hidden whole, since it would tell each respondent's answer.

What this does not stop: see SECURITY.md, "Anonymity of surveys" (fake accounts colluding).
"""

NO_ANSWER = "#none"


def needs_retake(live_respondents, shown_respondents, min_group):
    """Whether the shown snapshot is replaced by the live tallies now."""
    return abs(live_respondents - shown_respondents) >= max(1, min_group)


def is_shown(respondents, min_group):
    return respondents >= max(1, min_group)


def protect(cells, min_group):
    """The names of the cells of one partition that may be shown (cells: {name: count}).

    `cells` must cover the question's respondents exactly once each; the shown counts then never
    give away a count below `min_group`, nor that every respondent is in one cell.
    """
    m = max(1, min_group)
    total = sum(cells.values())
    shown = {name for name, count in cells.items() if count >= m}
    while True:
        hidden = set(cells) - shown
        if len(hidden) == 1 and shown:
            # A lone hidden cell is the total minus the shown ones: hide the smallest shown too.
            shown.discard(min(shown, key=lambda name: (cells[name], name)))
            continue
        if len(shown) == 1 and cells[next(iter(shown))] == total and len(cells) > 1:
            shown.clear()  # everybody in one cell: that is each respondent's answer
            continue
        return shown


def choice_cells(option_ids, counts, respondents):
    """The partition of a single-choice or scale question: each option, plus those who skipped it."""
    cells = {option: counts.get(option, 0) for option in option_ids}
    cells[NO_ANSWER] = max(0, respondents - sum(cells.values()))
    return cells


def shown_choice(option_ids, counts, respondents, min_group):
    """{option: count or None (hidden)} of a single-choice or scale question."""
    cells = choice_cells(option_ids, counts, respondents)
    shown = protect(cells, min_group)
    return {option: (cells[option] if option in shown else None) for option in option_ids}


def shown_multiple(option_ids, counts, respondents, min_group):
    """{option: count or None} of a multiple-choice question: each option is its own chose/not partition."""
    result = {}
    for option in option_ids:
        chose = counts.get(option, 0)
        cells = {"chose": chose, "not": max(0, respondents - chose)}
        result[option] = chose if "chose" in protect(cells, min_group) else None
    return result


def shown_count(count, respondents, min_group):
    """One count of `respondents` (e.g. written answers), or None when it may not be shown."""
    return shown_multiple(["x"], {"x": count}, respondents, min_group)["x"]


def share(count, respondents):
    """The percent shown beside a count (None for a hidden count)."""
    if count is None:
        return None
    return round(100 * count / respondents) if respondents else 0
