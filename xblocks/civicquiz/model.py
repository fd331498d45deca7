"""The civicquiz content model: constants and frozen dataclasses (pure: no XBlock, no Django).

content.py is the module contract the kit uses; it re-exports what is here.
Question ids are unique in the block; option, item and pair ids are unique in
their question (every question may have options "a", "b", ...). Learner
state refers to these ids only.
"""

from dataclasses import dataclass, field

from noturiba.messages import ContentError  # noqa: F401 - re-exported: part of the content contract

TAG = "civicquiz"
ATTRIBUTES = ("mode", "draw", "shuffle", "certainty", "min_group")
MODES = ("practice", "assessment", "survey")
DEFAULT_MIN_GROUP = 5  # when neither the OLX nor XBLOCK_SETTINGS["civicquiz"] says
MAX_QUESTIONS = 500
MAX_CHOICES = 50
SCALE_LIMIT = 11  # at most 11 points on a scale (0..10)
MAX_TEXT = 2000  # characters of a written answer
# The question types and their rules: question_types.TYPES.


class AnswerError(ValueError):
    """An answer of the wrong shape for its question; the block answers HTTP 400."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message

    def render(self, gettext=None, ngettext=None):
        return self.message.render(gettext, ngettext)


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    correct: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    label: str


@dataclass(frozen=True)
class Pair:
    id: str
    left: str
    right: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str = ""
    topic: str = ""
    difficulty: int | None = None
    options: tuple = ()          # Option, for single and multiple
    answer: bool | float | None = None  # truefalse: bool; numeric: float
    tolerance: float | None = None      # numeric: allowed absolute difference
    items: tuple = ()            # Item, for order: the right order as written
    pairs: tuple = ()            # Pair, for match
    scale_min: int | None = None
    scale_max: int | None = None
    low: str = ""
    high: str = ""
    explanation: str = ""
    sources: tuple = ()          # (href, title)

    @property
    def graded(self):
        from .question_types import of  # imported here: the table builds on this module
        return of(self).graded

    def choice_ids(self):
        """The ids of the parts a learner picks or arranges (options, items or pairs)."""
        return [part.id for part in (*self.options, *self.items, *self.pairs)]


@dataclass(frozen=True)
class Quiz:
    mode: str = "practice"
    draw: int | None = None
    shuffle: bool = False
    certainty: bool = False
    min_group: int | None = None  # None: the platform's default (block.min_group())
    questions: tuple = field(default_factory=tuple)

    def question(self, question_id):
        return next((q for q in self.questions if q.id == question_id), None)

    def ids(self):
        return [q.id for q in self.questions]

