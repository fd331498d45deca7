"""Small statistics: percentiles, log-log fits, ratios."""

import math
import statistics


def percentile(values, fraction):
    """Nearest-rank percentile (fraction in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds):
    """Median, p95, mean and min in milliseconds of timings given in seconds."""
    ms = [s * 1000.0 for s in seconds]
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 4),
        "p95_ms": round(percentile(ms, 0.95), 4),
        "mean_ms": round(statistics.fmean(ms), 4),
        "min_ms": round(min(ms), 4),
    }


def loglog_slope(sizes, times):
    """Least-squares slope and R^2 of log(time) against log(size): the growth exponent."""
    points = [(math.log(n), math.log(t)) for n, t in zip(sizes, times, strict=True) if n > 0 and t > 0]
    if len(points) < 2:
        return None, None
    xs, ys = zip(*points, strict=True)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in points)
    slope = sxy / sxx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (my + slope * (x - mx))) ** 2 for x, y in points)
    r2 = 1 - ss_res / ss_tot if ss_tot else 1.0
    return round(slope, 3), round(r2, 4)


def ratio(ours, theirs):
    if ours is None or theirs in (None, 0):
        return None
    return round(ours / theirs, 3)
