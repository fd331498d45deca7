"""Grading rules of the course tool: what would make a certificate grade mean nothing.

A practice-mode block shows the solution after each check, so in a graded
subsection it would be a free 100 % if it were not graded on first checks only;
either way it is not an exam. The tool refuses it (an error): use mode="assessment"
with max_attempts and showanswer, or make the subsection ungraded.
"""

DEFAULT_MODE = "practice"  # what the three blocks' OLX parsers assume without `mode`


def graded(sequential):
    element = sequential.element
    return element is not None and (element.get("graded") or "").strip().lower() == "true"


def practice_in_graded(course, block_types):
    """(file, line, message) for every practice-mode block of `block_types` in a graded subsection."""
    for sequential in course.sequentials():
        if not graded(sequential):
            continue
        for item in sequential.walk():
            if item.kind not in block_types or item.element is None:
                continue
            mode = (item.element.get("mode") or DEFAULT_MODE).strip()
            if mode == "practice":
                yield (item.file, item.element.sourceline,
                       f'<{item.kind} url_name="{item.url_name}"> is in practice mode inside the graded subsection '
                       f'"{sequential.title}": practice shows the solutions, so it is no exam. Set '
                       'mode="assessment" (with max_attempts and showanswer) or make the subsection ungraded.')
