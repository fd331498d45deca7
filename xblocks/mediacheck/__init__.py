"""mediacheck: the fact-check exercise block of Noturība."""

from .block import MediaCheckBlock

__all__ = ["MediaCheckBlock"]
