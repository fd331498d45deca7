"""The report's statistics against hand-computed and published values."""

import math
from statistics import NormalDist

import pytest
from scipy import stats as scipy_stats

from noturiba.research import stats

# Lakens (2013), Front. Psychol. 4:863, the two movies rated by ten people: t(9) = 4.74, d_z = 1.50, d_av = 1.13.
MOVIE_1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
MOVIE_2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]


def test_the_mean_interval_is_the_t_interval():
    interval = stats.mean_ci([1, 2, 3, 4, 5])
    # t(0.975, 4) = 2.776445, s = sqrt(2.5), half width 2.776445 * sqrt(2.5 / 5) = 1.963243
    assert interval.n == 5 and interval.mean == 3
    assert interval.low == pytest.approx(1.036757, abs=1e-6) and interval.high == pytest.approx(4.963243, abs=1e-6)
    assert stats.mean_ci([4]) == (1, 4.0, None, None)
    assert stats.mean_ci([]) == (0, None, None, None)


def test_paired_effect_sizes_agree_with_the_published_example():
    effect = stats.paired_effect(MOVIE_2, MOVIE_1)
    assert effect.n == 10 and effect.mean_diff == pytest.approx(1.0)
    assert effect.d_z == pytest.approx(1.50, abs=0.005)
    assert effect.d_z * math.sqrt(10) == pytest.approx(4.74, abs=0.005)  # the t of the paired t-test
    # g = J * d, d = 1 / sqrt((s1^2 + s2^2) / 2) = 1 / sqrt((0.9 + 0.67778) / 2), J = 1 - 3 / 35
    d = 1 / math.sqrt((0.9 + 61 / 90) / 2)
    assert effect.g == pytest.approx((1 - 3 / 35) * d, abs=1e-9)
    r = scipy_stats.pearsonr(MOVIE_2, MOVIE_1)[0]
    se = (1 - 3 / 35) * math.sqrt((1 / 10 + d ** 2 / 20) * 2 * (1 - r))
    assert effect.g_low == pytest.approx(effect.g - 1.959964 * se, abs=1e-6)
    assert effect.g_high == pytest.approx(effect.g + 1.959964 * se, abs=1e-6)


def test_the_d_z_interval_inverts_the_noncentral_t():
    effect = stats.paired_effect(MOVIE_2, MOVIE_1)
    t = effect.d_z * math.sqrt(10)
    assert scipy_stats.nct.cdf(t, 9, effect.d_z_low * math.sqrt(10)) == pytest.approx(0.975, abs=1e-7)
    assert scipy_stats.nct.cdf(t, 9, effect.d_z_high * math.sqrt(10)) == pytest.approx(0.025, abs=1e-7)
    assert effect.d_z_low < effect.d_z < effect.d_z_high
    # A negative effect mirrors it.
    mirrored = stats.paired_effect(MOVIE_1, MOVIE_2)
    assert mirrored.d_z_low == pytest.approx(-effect.d_z_high) and mirrored.d_z_high == pytest.approx(-effect.d_z_low)


def test_undefined_effects_are_none_not_errors():
    assert stats.paired_effect([1, 2], [2, 3]).d_z is None
    same_change = stats.paired_effect([1, 2, 3], [2, 3, 4])
    assert same_change.mean_diff == 1 and same_change.d_z is None
    flat = stats.paired_effect([3, 3, 3], [2, 4, 5])
    assert flat.d_z is not None and flat.g is None
    with pytest.raises(ValueError):
        stats.paired_effect([1], [1, 2])


def test_signal_detection_uses_the_log_linear_correction():
    z = NormalDist().inv_cdf
    d_prime, c = stats.detection(3, 3, 0, 3)  # perfect: H = 3.5/4, F = 0.5/4
    assert d_prime == pytest.approx(z(0.875) - z(0.125)) and d_prime == pytest.approx(2.300699, abs=1e-6)
    assert c == pytest.approx(0)
    d_prime, c = stats.detection(2, 3, 3, 3)  # calls everything real: a liberal criterion
    assert d_prime == pytest.approx(z(2.5 / 4) - z(3.5 / 4)) and c == pytest.approx(-(z(2.5 / 4) + z(3.5 / 4)) / 2)
    assert c < 0
    assert stats.detection(1, 0, 1, 3) == (None, None)


def test_mist_scores_tell_blanket_distrust_from_discernment():
    truths = {"r1": True, "r2": True, "r3": True, "f1": False, "f2": False, "f3": False}
    distrusting = stats.mist_scores(truths, {})  # everything judged fake
    assert distrusting["fake_correct"] == 3 and distrusting["real_correct"] == 0
    assert distrusting["discernment"] == 3 and distrusting["distrust"] == 3 and distrusting["naivety"] == 0
    assert distrusting["d_prime"] == pytest.approx(0) and distrusting["criterion"] > 0
    discerning = stats.mist_scores(truths, {"r1": True, "r2": True, "r3": True})
    assert discerning["discernment"] == 6 and discerning["accuracy"] == 1
    assert discerning["distrust"] == discerning["naivety"] == 0
    assert discerning["d_prime"] == pytest.approx(2.300699, abs=1e-6) and discerning["criterion"] == pytest.approx(0)
    naive = stats.mist_scores(truths, {item: True for item in truths})
    assert naive["naivety"] == 3 and naive["distrust"] == 0 and naive["criterion"] < 0


def test_the_d_z_interval_holds_where_scipy_gives_nan_far_in_a_tail():
    # t = 5.43 with 29 df: nct.cdf is NaN at a noncentrality of -4.57 in some scipy versions.
    low, high = stats._noncentrality_bounds(5.430229733444358, 29, 0.95)
    assert scipy_stats.nct.cdf(5.430229733444358, 29, low) == pytest.approx(0.975, abs=1e-7)
    assert scipy_stats.nct.cdf(5.430229733444358, 29, high) == pytest.approx(0.025, abs=1e-7)
