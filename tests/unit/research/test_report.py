"""The pre/post report on simulated respondents with a known effect (issue 17, "done when")."""

import random

from noturiba.research import report
from noturiba.research.specs import FACTCHECK, LIKERT, BlockSpec, Question

SCALE = Question("trust", "scale", "Cik ļoti jūs uzticaties bibliotēkai?", (), (1, 7, "nemaz", "pilnīgi"))
PRE = BlockSpec("pre-survey", LIKERT, "pre", "Sākuma aptauja", "lv", (SCALE,), {})
POST = BlockSpec("post-survey", LIKERT, "post", "Noslēguma aptauja", "lv", (SCALE,), {})
TRUTHS_PRE = {f"p{i}": i % 2 == 0 for i in range(10)}
TRUTHS_POST = {f"q{i}": i % 2 == 0 for i in range(10)}
VERDICTS = (("accurate", {"lv": "Īsta ziņa"}), ("false", {"lv": "Viltus ziņa"}))
FACT_PRE = BlockSpec("pre-check", FACTCHECK, "pre", "", "lv",
                     tuple(Question(i, "verdict", i, VERDICTS, None) for i in TRUTHS_PRE), TRUTHS_PRE)
FACT_POST = BlockSpec("post-check", FACTCHECK, "post", "", "lv",
                      tuple(Question(i, "verdict", i, VERDICTS, None) for i in TRUTHS_POST), TRUTHS_POST)
# Pre uniform over 2..5, change uniform over (0, 1, 1, 2): mean change 1, sd sqrt(1/2), so
# d_z = sqrt(2); Hedges' delta = 1 / sqrt((1.25 + 1.75) / 2).
TRUE_D_Z = 2 ** 0.5
TRUE_G = 1 / 1.5 ** 0.5


def likert_rows(seed, n=30, dropouts=0):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        pre = rng.choice([2, 3, 4, 5])
        rows.append(("pre-survey", f"r{i}", f"l{i}", "trust", str(pre), ""))
        if i >= dropouts:
            rows.append(("post-survey", f"r{i}", f"m{i}", "trust", str(pre + rng.choice([0, 1, 1, 2])), ""))
    return rows


def judgements(rng, block, who, truths, hit, false_alarm):
    for item, is_real in truths.items():
        real = rng.random() < (hit if is_real else false_alarm)
        yield (block, who, "x" + who, item, "accurate" if real else "false", "")


def test_the_report_recovers_a_known_effect_within_its_ci():
    result = report.build([PRE, POST], likert_rows(17), min_group=5)
    assert result["respondents"] == {"pre": 30, "post": 30, "paired": 30, "attrition": 0, "attrition_share": 0}
    change = result["likert"][0]["change"]
    assert change["shown"] and change["n"] == 30
    assert change["d_z_low"] < TRUE_D_Z < change["d_z_high"]
    assert change["g_low"] < TRUE_G < change["g_high"]
    assert 0.5 < change["mean_diff"] < 1.5
    pre, post = result["likert"][0]["pre"], result["likert"][0]["post"]
    assert pre["low"] < 3.5 < pre["high"] and post["low"] < 4.5 < post["high"]
    text = report.render_text(result)
    assert "paired 30" in text and "d_z" in text


def test_the_intervals_cover_the_true_effect_about_95_times_in_100():
    covered_d = covered_g = 0
    for seed in range(200):
        change = report.build([PRE, POST], likert_rows(seed), min_group=5)["likert"][0]["change"]
        covered_d += change["d_z_low"] < TRUE_D_Z < change["d_z_high"]
        covered_g += change["g_low"] < TRUE_G < change["g_high"]
    assert 180 <= covered_d <= 198 and 175 <= covered_g <= 200


def test_small_cells_are_not_shown_but_participation_is():
    result = report.build([PRE, POST], likert_rows(3, n=4), min_group=5)
    item = result["likert"][0]
    assert result["respondents"]["paired"] == 4
    for cell in (item["pre"], item["post"], item["change"]):
        assert not cell["shown"] and cell.get("mean") is None and cell.get("d_z") is None
    assert report.render_text(result).count("not shown (n=4)") == 3


def test_a_few_unpaired_respondents_are_not_given_away_by_two_means():
    # 12 answered before, 10 of them after: the mean of all 12 beside the paired 10 would tell the 2.
    result = report.build([PRE, POST], likert_rows(5, n=12, dropouts=2), min_group=5)
    assert result["respondents"]["attrition"] == 2
    pre = result["likert"][0]["pre"]
    assert pre["group"] == "paired" and pre["n"] == 10
    # With 5 or more unpaired, each wave shows all its respondents.
    pre = report.build([PRE, POST], likert_rows(5, n=15, dropouts=5), min_group=5)["likert"][0]["pre"]
    assert pre["group"] == "all" and pre["n"] == 15


def test_identical_answers_are_not_shown_as_a_mean():
    rows = [("pre-survey", f"r{i}", f"l{i}", "trust", "4", "") for i in range(8)]
    cell = report.build([PRE, POST], rows, min_group=5)["likert"][0]["pre"]
    assert cell["n"] == 8 and not cell["shown"] and cell["mean"] is None


def test_rows_without_a_respondent_key_count_but_never_pair():
    rows = [("pre-survey", "", f"l{i}", "trust", str(2 + i % 3), "") for i in range(6)]
    rows += [("post-survey", "", f"l{i}", "trust", str(3 + i % 3), "") for i in range(6)]
    counts = report.build([PRE, POST], rows, min_group=5)["respondents"]
    assert counts["pre"] == 6 and counts["post"] == 6 and counts["paired"] == 0


def fact_rows(seed, post_hit, post_false_alarm, n=30):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows += judgements(rng, "pre-check", f"r{i}", TRUTHS_PRE, 0.6, 0.4)
        rows += judgements(rng, "post-check", f"r{i}", TRUTHS_POST, post_hit, post_false_alarm)
    return rows


def test_a_course_that_teaches_discernment_raises_d_prime():
    fact = report.build([FACT_PRE, FACT_POST], fact_rows(1, 0.85, 0.15), min_group=5)["factcheck"]
    assert fact["change"]["d_prime"]["d_z_low"] > 0 and fact["change"]["accuracy"]["mean_diff"] > 0.15
    assert fact["pre"]["naivety"]["shown"] and fact["post"]["d_prime"]["mean"] > fact["pre"]["d_prime"]["mean"]


def test_a_course_that_only_teaches_blanket_distrust_shows_as_such():
    # After the course, 80 % of everything is called fake, real or not.
    fact = report.build([FACT_PRE, FACT_POST], fact_rows(2, 0.2, 0.2), min_group=5)["factcheck"]
    assert fact["change"]["criterion"]["d_z_low"] > 0  # more conservative ...
    d_prime = fact["change"]["d_prime"]
    assert d_prime["d_z_high"] < 0.2  # ... and no better at telling real from fake
    assert fact["post"]["distrust"]["mean"] > fact["pre"]["distrust"]["mean"]
    assert fact["post"]["fake_correct"]["mean"] > fact["pre"]["fake_correct"]["mean"]
    assert fact["post"]["real_correct"]["mean"] < fact["pre"]["real_correct"]["mean"]
