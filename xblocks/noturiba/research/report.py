"""The pre/post report of a course's surveys: pairs by respondent key, every shown cell obeying min_group.

Input: BlockSpecs (specs.py, each with its wave) and the survey rows of those blocks as
store.research_rows gives them: (block, respondent, learner, question, value, text).

Disclosure (the rule of noturiba.survey.disclosure, applied to means):
- a mean, its CI or an effect is shown only over at least min_group respondents;
- a statistic that equals every respondent's own value (all answers, or all changes, the same)
  is not shown: it would be each respondent's answer;
- no two shown groups of one item differ by 1..min_group-1 respondents: when the unpaired
  respondents of a wave are that few, the wave's cell is computed over the paired ones only
  (group "paired"), else the difference of two means would give those few answers away.
Participation counts (pre, post, paired, attrition) are shown: staff see completions anyway.
"""

from collections import defaultdict

from . import stats
from .specs import FACTCHECK, LIKERT, TRUE_VERDICT

SCORES = ("discernment", "accuracy", "real_correct", "fake_correct", "distrust", "naivety", "d_prime", "criterion")
# Scores whose change means the same whatever the number of items of the pre and the post survey.
CHANGE_SCORES = ("accuracy", "d_prime", "criterion")
UNPAIRED = "#unpaired:"
EFFECT_FIELDS = ("mean_diff", "d_z", "d_z_low", "d_z_high", "g", "g_low", "g_high")


def respondent_id(block, respondent, learner):
    """The respondent key; rows of earlier versions (no key) get one that pairs with nothing."""
    return respondent or f"{UNPAIRED}{block}:{learner}"


def collect(specs, rows):
    """Per wave: who answered, Likert values {question: {respondent: int}}, fact-check scores."""
    by_block = {spec.block: spec for spec in specs}
    waves = {wave: {"respondents": set(), "likert": defaultdict(dict), "judged": defaultdict(dict),
                    "truths": defaultdict(dict)} for wave in ("pre", "post")}
    for block, respondent, learner, question, value, _text in rows:
        spec = by_block.get(block)
        if spec is None:
            continue
        who = respondent_id(block, respondent, learner)
        wave = waves[spec.wave]
        wave["respondents"].add(who)
        if spec.kind == LIKERT:
            scale = next((q.scale for q in spec.questions if q.id == question and q.type == "scale"), None)
            try:
                point = int(value)
            except ValueError:
                continue
            if scale and scale[0] <= point <= scale[1]:
                wave["likert"][question][who] = point
        elif spec.kind == FACTCHECK and question in spec.truths:
            wave["judged"][who][question] = value == TRUE_VERDICT
            wave["truths"][who].update(spec.truths)
    for wave in waves.values():
        wave["scores"] = {who: stats.mist_scores(truths, wave["judged"][who])
                          for who, truths in wave["truths"].items()}
    return waves


def _cell(values, group, min_group):
    interval = stats.mean_ci(values)
    shown = interval.n >= max(1, min_group) and len(set(values)) > 1
    return {"n": interval.n, "group": group, "shown": shown,
            "mean": interval.mean if shown else None,
            "low": interval.low if shown else None, "high": interval.high if shown else None}


def wave_cell(by_respondent, paired, min_group):
    """The mean and CI of one item in one wave (see the module's disclosure rule)."""
    ids, group = set(by_respondent), "all"
    if 0 < len(ids - paired) < max(1, min_group):
        ids, group = ids & paired, "paired"
    values = [by_respondent[who] for who in sorted(ids) if by_respondent[who] is not None]
    return _cell(values, group, min_group)


def change_cell(pre, post, min_group):
    """The paired change of one item: mean difference, d_z and Hedges' g with their CIs."""
    ids = sorted(who for who in set(pre) & set(post) if pre[who] is not None and post[who] is not None)
    effect = stats.paired_effect([pre[who] for who in ids], [post[who] for who in ids])
    changes = {post[who] - pre[who] for who in ids}
    shown = effect.n >= max(1, min_group) and len(changes) > 1
    cell = {"n": effect.n, "shown": shown}
    cell.update({name: (getattr(effect, name) if shown else None) for name in EFFECT_FIELDS})
    return cell


def build(specs, rows, min_group):
    """The report as a dict (render with render_text)."""
    waves = collect(specs, rows)
    pre, post = waves["pre"], waves["post"]
    paired = {who for who in pre["respondents"] & post["respondents"] if not who.startswith(UNPAIRED)}
    report = {
        "min_group": min_group,
        "blocks": [{"block": s.block, "kind": s.kind, "wave": s.wave, "title": s.title} for s in specs],
        "respondents": {
            "pre": len(pre["respondents"]), "post": len(post["respondents"]), "paired": len(paired),
            "attrition": len(pre["respondents"]) - len(paired),
            "attrition_share": (1 - len(paired) / len(pre["respondents"])) if pre["respondents"] else None,
        },
        "likert": [],
        "factcheck": None,
    }
    prompts = {q.id: q.prompt for spec in specs if spec.kind == LIKERT for q in spec.questions}
    for question in sorted(set(pre["likert"]) | set(post["likert"])):
        before, after = pre["likert"].get(question, {}), post["likert"].get(question, {})
        both = set(before) & set(after) & paired
        report["likert"].append({
            "question": question, "prompt": prompts.get(question, ""),
            "pre": wave_cell(before, both, min_group), "post": wave_cell(after, both, min_group),
            "change": change_cell({w: before[w] for w in both}, {w: after[w] for w in both}, min_group),
        })
    if pre["scores"] or post["scores"]:
        both = set(pre["scores"]) & set(post["scores"]) & paired
        report["factcheck"] = {
            "pre": {name: wave_cell({w: s[name] for w, s in pre["scores"].items()}, both, min_group)
                    for name in SCORES},
            "post": {name: wave_cell({w: s[name] for w, s in post["scores"].items()}, both, min_group)
                     for name in SCORES},
            "change": {name: change_cell({w: pre["scores"][w][name] for w in both},
                                         {w: post["scores"][w][name] for w in both}, min_group)
                       for name in CHANGE_SCORES},
        }
    return report


def _number(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


def _mean_text(cell):
    if not cell["shown"]:
        return f"not shown (n={cell['n']})"
    marker = ", paired only" if cell["group"] == "paired" else ""
    return f"{_number(cell['mean'])} [{_number(cell['low'])}, {_number(cell['high'])}] (n={cell['n']}{marker})"


def _change_text(cell):
    if not cell["shown"]:
        return f"not shown (n={cell['n']})"
    return (f"diff {_number(cell['mean_diff'])}; d_z {_number(cell['d_z'])} "
            f"[{_number(cell['d_z_low'])}, {_number(cell['d_z_high'])}]; g {_number(cell['g'])} "
            f"[{_number(cell['g_low'])}, {_number(cell['g_high'])}] (n={cell['n']})")


def render_text(report):
    """The report as plain text for operators (a management command's output)."""
    counts = report["respondents"]
    share = counts["attrition_share"]
    lines = [f"Respondents: pre {counts['pre']}, post {counts['post']}, paired {counts['paired']}, "
             f"attrition {counts['attrition']}" + ("" if share is None else f" ({share:.0%})"),
             f"Cells of fewer than {report['min_group']} respondents are not shown. 95 % CIs.", ""]
    for block in report["blocks"]:
        lines.append(f"  {block['wave']:<4} {block['kind']:<9} {block['block']}  {block['title']}")
    for item in report["likert"]:
        lines += ["", f"Item {item['question']}: {item['prompt']}",
                  f"  pre:    {_mean_text(item['pre'])}", f"  post:   {_mean_text(item['post'])}",
                  f"  change: {_change_text(item['change'])}"]
    fact = report["factcheck"]
    if fact:
        lines += ["", "Fact-check (MIST-style scores; d' and c with the log-linear correction)"]
        for name in SCORES:
            lines.append(f"  {name:<13} pre {_mean_text(fact['pre'][name])}; post {_mean_text(fact['post'][name])}")
        for name in CHANGE_SCORES:
            lines.append(f"  change {name:<13} {_change_text(fact['change'][name])}")
    return "\n".join(lines) + "\n"
