"""The statistics of the research report, pure (numpy and scipy.stats; numpy 1.26 and 2.x alike).

References (the formulas below follow them):
- Means: the t interval, mean +- t(0.975, n - 1) * s / sqrt(n).
- d_z = mean(diff) / sd(diff); its 95 % CI inverts the noncentral t distribution of
  t = d_z * sqrt(n), df = n - 1 (Steiger & Fouladi 1997; Cumming 2012, ch. 11).
- Hedges' g for matched groups (Borenstein, Hedges, Higgins & Rothstein 2009, Introduction to
  Meta-Analysis, ch. 4, eqs. 4.18-4.28): d = mean(diff) / S_within with
  S_within = sqrt((s_pre^2 + s_post^2) / 2); g = J * d, J = 1 - 3 / (4 df - 1), df = n - 1;
  V_g = J^2 * (1/n + d^2 / (2n)) * 2 (1 - r), r the pre-post correlation; CI g +- 1.96 sqrt(V_g).
- Signal detection: d' = z(H) - z(F), c = -(z(H) + z(F)) / 2, with the log-linear correction
  H = (hits + 0.5) / (signals + 1), F = (false alarms + 0.5) / (noise + 1) applied to every
  respondent (Hautus 1995, Behav. Res. Methods 27, 46-51), so 0 and 1 rates stay finite.
  Signal = a real item, "yes" = judged real.
- MIST scores (Maertens et al. 2023, Behav. Res. Methods): veracity discernment = real correct +
  fake correct; distrust = max(0, judged fake - fake items); naivety = max(0, judged real - real items).
"""

import math
from collections import namedtuple

import numpy as np
from scipy import optimize, stats

LEVEL = 0.95

Interval = namedtuple("Interval", "n mean low high")
Effect = namedtuple("Effect", "n mean_diff d_z d_z_low d_z_high g g_low g_high")


def _values(values):
    return np.asarray([float(v) for v in values], dtype=float)


def mean_ci(values, level=LEVEL):
    """Interval(n, mean, low, high): the t interval of the mean (low/high None below 2 values)."""
    x = _values(values)
    n = len(x)
    if n == 0:
        return Interval(0, None, None, None)
    mean = float(x.mean())
    if n < 2:
        return Interval(n, mean, None, None)
    half = float(stats.t.ppf(0.5 + level / 2, n - 1)) * float(x.std(ddof=1)) / math.sqrt(n)
    return Interval(n, mean, mean - half, mean + half)


def _noncentrality_bounds(t_observed, df, level):
    """The noncentrality parameters whose t distributions put t_observed at the upper and lower tail."""
    tail = (1 - level) / 2
    # The roots lie a few standard errors of the noncentrality from t (Hedges & Olkin's approximation).
    step = math.sqrt(1 + t_observed ** 2 / (2 * df))

    def solve(probability):
        def gap(ncp):
            value = float(stats.nct.cdf(t_observed, df, ncp))
            if math.isnan(value):  # far in a tail some scipy versions give NaN: the cdf is 1 or 0 there
                value = 1.0 if ncp < t_observed else 0.0
            return value - probability
        # nct.cdf falls as the noncentrality rises: widen a bracket around t until it holds the root.
        low, high = t_observed - step, t_observed + step
        while gap(low) < 0:
            low -= step
        while gap(high) > 0:
            high += step
        return optimize.brentq(gap, low, high, xtol=1e-10)

    return solve(1 - tail), solve(tail)


def hedges_j(df):
    """The small-sample correction of Hedges' g (Borenstein et al. 2009, eq. 4.22)."""
    return 1 - 3 / (4 * df - 1)


def paired_effect(pre, post, level=LEVEL):
    """Effect of paired values (post - pre): mean difference, d_z and Hedges' g with 95 % CIs.

    Effect sizes are None when they are undefined (fewer than 3 pairs, no variation).
    """
    x, y = _values(pre), _values(post)
    if len(x) != len(y):
        raise ValueError("pre and post must pair")
    n = len(x)
    if n == 0:
        return Effect(0, None, None, None, None, None, None, None)
    diff = y - x
    mean_diff = float(diff.mean())
    if n < 3:
        return Effect(n, mean_diff, None, None, None, None, None, None)
    sd_diff = float(diff.std(ddof=1))
    d_z = d_low = d_high = None
    if sd_diff > 0:
        d_z = mean_diff / sd_diff
        ncp_low, ncp_high = _noncentrality_bounds(d_z * math.sqrt(n), n - 1, level)
        d_low, d_high = ncp_low / math.sqrt(n), ncp_high / math.sqrt(n)
    g = g_low = g_high = None
    s_pre, s_post = float(x.std(ddof=1)), float(y.std(ddof=1))
    if s_pre > 0 and s_post > 0:
        r = float(np.corrcoef(x, y)[0, 1])
        d = mean_diff / math.sqrt((s_pre ** 2 + s_post ** 2) / 2)
        j = hedges_j(n - 1)
        g = j * d
        se = math.sqrt(j ** 2 * (1 / n + d ** 2 / (2 * n)) * 2 * (1 - r))
        z = float(stats.norm.ppf(0.5 + level / 2))
        g_low, g_high = g - z * se, g + z * se
    return Effect(n, mean_diff, d_z, d_low, d_high, g, g_low, g_high)


def detection(hits, signals, false_alarms, noise):
    """(d', c) with the log-linear correction (Hautus 1995); None without signal or noise items."""
    if not signals or not noise:
        return None, None
    z_hit = float(stats.norm.ppf((hits + 0.5) / (signals + 1)))
    z_false = float(stats.norm.ppf((false_alarms + 0.5) / (noise + 1)))
    return z_hit - z_false, -(z_hit + z_false) / 2


def mist_scores(truths, judged_real):
    """The fact-check scores of one respondent.

    truths: {item: True for a real item, False for a fake one}; judged_real: {item: True if the
    respondent judged it real}. Unanswered items count as not judged real (the blocks ask for all).
    """
    real = [item for item, is_real in truths.items() if is_real]
    fake = [item for item, is_real in truths.items() if not is_real]
    real_correct = sum(1 for item in real if judged_real.get(item))
    fake_correct = sum(1 for item in fake if not judged_real.get(item))
    said_real = real_correct + (len(fake) - fake_correct)
    said_fake = len(real) + len(fake) - said_real
    d_prime, criterion = detection(real_correct, len(real), len(fake) - fake_correct, len(fake))
    items = len(real) + len(fake)
    return {
        "real_correct": real_correct,
        "fake_correct": fake_correct,
        "discernment": real_correct + fake_correct,
        "accuracy": (real_correct + fake_correct) / items if items else None,
        "distrust": max(0, said_fake - len(fake)),
        "naivety": max(0, said_real - len(real)),
        "d_prime": d_prime,
        "criterion": criterion,
    }
