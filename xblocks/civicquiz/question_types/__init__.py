"""The table of civicquiz question types (pure): TYPES, one QuestionType per OLX type name.

content.py, olx_io.py, grading.py, views.py, aggregates.py and block.py ask this table for a
type's rules (and its label) instead of switching on the type. A new type is a QuestionType in a
module here, added to TYPES; its entry in the browser's table (public/civicquiz_types.js: reading
the answer, showing the solution, the editor's fields and preview); its fieldset in
templates/student.html; and the translations of its messages.
"""

from .arrange import MATCH, ORDER
from .base import ALL_MODES, GRADED_MODES, SURVEY_MODES, QuestionType, wrong_shape  # noqa: F401
from .choice import MULTIPLE, SINGLE
from .scalar import NUMERIC, TRUEFALSE
from .survey import SCALE, TEXT

TYPES = {kind.name: kind for kind in (SINGLE, MULTIPLE, TRUEFALSE, NUMERIC, ORDER, MATCH, SCALE, TEXT)}

# A Question built by hand with a type the table lacks: no mode asks it, no answer fits it.
UNKNOWN = QuestionType("", "", graded=False, modes=())


def of(question):
    """The QuestionType of `question` (a model.Question)."""
    return TYPES.get(question.type, UNKNOWN)


def graded_names():
    return tuple(name for name, kind in TYPES.items() if kind.graded)


def survey_names():
    return tuple(name for name, kind in TYPES.items() if "survey" in kind.modes)
