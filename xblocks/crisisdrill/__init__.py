"""crisisdrill: a branching crisis-preparedness drill XBlock."""

from .block import CrisisDrillBlock

__all__ = ["CrisisDrillBlock"]
