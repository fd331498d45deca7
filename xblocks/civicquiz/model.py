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
TYPES = ("single", "multiple", "truefalse", "numeric", "order", "match", "scale", "text")
GRADED_TYPES = ("single", "multiple", "truefalse", "numeric", "order", "match")
SURVEY_TYPES = ("single", "multiple", "scale", "text")
DEFAULT_MIN_GROUP = 5  # when neither the OLX nor XBLOCK_SETTINGS["civicquiz"] says
MAX_QUESTIONS = 500
MAX_CHOICES = 50
SCALE_LIMIT = 11  # at most 11 points on a scale (0..10)

# Which child elements each question type accepts.
CHILDREN = {
    "single": {"prompt", "option", "explanation"},
    "multiple": {"prompt", "option", "explanation"},
    "truefalse": {"prompt", "explanation"},
    "numeric": {"prompt", "explanation"},
    "order": {"prompt", "item", "explanation"},
    "match": {"prompt", "pair", "explanation"},
    "scale": {"prompt", "explanation"},
    "text": {"prompt", "explanation"},
}


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
        return self.type in GRADED_TYPES

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

