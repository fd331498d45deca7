"""civicquiz: civic quizzes, polls and surveys for Open edX (practice, assessment, survey)."""

from .block import CivicQuizBlock

__all__ = ["CivicQuizBlock"]
