"""What the Studio editor calls the quiz's fields and modes (errors and the author view use them)."""

from noturiba.messages import N_, Message

# Editor JSON key -> the label of its field on the form (civicquiz_studio.js; min_group's label
# there goes on with the platform's default).
FIELD_LABELS = {
    "draw": Message("Questions drawn for each learner (empty = all)"),
    "min_group": Message("Smallest group whose answers are shown"),
    "shuffle": Message("Shuffle the options for each learner"),
    "certainty": Message("Certainty-based marking"),
    "prompt": Message("Prompt"),
    "topic": Message("Topic (draws are balanced across topics)"),
    "difficulty": Message("Difficulty"),
    "explanation": Message("Explanation (shown with the feedback)"),
    "answer": Message("Right answer (a number)"),
    "tolerance": Message("Tolerance (plus or minus; empty = exact)"),
    "min": Message("Lowest point"),
    "max": Message("Highest point"),
    "low": Message("Label of the lowest point"),
    "high": Message("Label of the highest point"),
    "href": Message("Link (https://...)"),
    "title": Message("Title"),
}
# The labels of the question types: their QuestionType (question_types/).
MODE_LABELS = {"practice": N_("Practice"), "assessment": N_("Assessment"), "survey": N_("Survey")}


def field_label(key):
    """The form's label of editor JSON key `key` as a Message (the key itself if the form has none)."""
    return FIELD_LABELS.get(key, key)
